"""Each reminder kind on hand-built facts: it appears exactly when it should, and not otherwise."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain.compliance import PeriodCheck
from liangxin_desktop.domain.reminders import (
    dues,
    members,
    membership,
    mobile,
    organization,
    pipeline,
)
from liangxin_desktop.domain.reminders.base import Facts, MobileCardFact, Urgency
from liangxin_desktop.domain.reminders.registry import KINDS, due_reminders
from liangxin_desktop.domain.six_month import Flag, Run
from liangxin_desktop.storage.six_month import MemberFlag


def _member(person_id: int = 1, **values: object) -> dict:
    row = {
        "id": person_id,
        "name": "陈国栋",
        "joined_on": "2025-12-20",
        "member_category": "预备党员",
    }
    row.update(values)
    return row


def test_probation_appears_30_days_before_and_is_overdue_after() -> None:
    facts = Facts(members=[_member()], probation_ends={1: date(2026, 12, 20)})
    assert pipeline.probation_ending(facts, date(2026, 11, 19)) == []  # 31 days before
    soon = pipeline.probation_ending(facts, date(2026, 11, 20))  # 30 days before
    assert [(r.urgency, r.due, r.person) for r in soon] == [
        (Urgency.SOON, date(2026, 12, 20), "陈国栋")
    ]
    assert pipeline.probation_ending(facts, date(2026, 12, 1))[0].urgency is Urgency.THIS_MONTH
    late = pipeline.probation_ending(facts, date(2026, 12, 21))[0]
    assert late.urgency is Urgency.OVERDUE
    assert "2026年12月20日期满" in late.message and late.action == "convert"
    assert late.record is not None and (late.record.register, late.record.record_id) == (
        "members",
        1,
    )


def test_activist_year_is_a_note_once_reached() -> None:
    person = {"id": 7, "name": "李娜", "stage": "activist", "activist_on": "2025-12-10"}
    facts = Facts(applicants=[person])
    assert pipeline.activist_one_year(facts, date(2026, 11, 9)) == []
    assert pipeline.activist_one_year(facts, date(2026, 11, 10))[0].urgency is Urgency.SOON
    reached = pipeline.activist_one_year(facts, date(2026, 12, 11))[0]
    assert reached.urgency is Urgency.NOTE and reached.action == "make_candidate"
    assert reached.due == date(2026, 12, 10) and "培养考察已满一年" in reached.message
    candidate = dict(person, stage="candidate")
    assert pipeline.activist_one_year(Facts(applicants=[candidate]), date(2026, 12, 11)) == []


def test_talk_is_due_a_month_after_the_application_until_a_talk_is_recorded() -> None:
    person = {"id": 3, "name": "张伟", "stage": "applicant", "applied_on": "2026-10-15"}
    facts = Facts(applicants=[person])
    assert pipeline.talk_overdue(facts, date(2026, 11, 15))[0].urgency is Urgency.THIS_MONTH
    assert pipeline.talk_overdue(facts, date(2026, 11, 16))[0].urgency is Urgency.OVERDUE
    talked = dict(person, talked_on="2026-10-20")
    assert pipeline.talk_overdue(Facts(applicants=[talked]), date(2026, 11, 16)) == []


def test_six_month_flags_warn_at_three_and_are_overdue_at_six() -> None:
    flags = [
        MemberFlag(5, "赵敏", "", Flag(Run(3, "2026-08"), Run())),
        MemberFlag(6, "钱进", "", Flag(Run(2, "2026-09"), Run(6, "2026-05"))),
    ]
    found = members.six_month_rule(Facts(six_month_flags=flags), date(2026, 11, 28))
    assert [(r.person, r.urgency) for r in found] == [
        ("赵敏", Urgency.THIS_MONTH),
        ("钱进", Urgency.OVERDUE),
    ]
    assert "自2026年8月起已连续3个月未参加党的组织生活" in found[0].message
    assert "自2026年5月起已连续6个月未交纳党费" in found[1].message


def test_dues_this_month_lists_assessed_members_without_a_payment() -> None:
    roster = [_member(1, name="甲"), _member(2, name="乙"), _member(3, name="丙")]
    facts = Facts(members=roster, assessed_this_year={1, 2}, paid_this_month={1})
    found = dues.dues_this_month(facts, date(2026, 11, 5))
    assert len(found) == 1
    assert found[0].due == date(2026, 11, 30)
    assert "2026年11月还有1名党员的党费未登记（乙）" in found[0].message
    everyone_paid = Facts(members=roster, assessed_this_year={1, 2}, paid_this_month={1, 2})
    assert dues.dues_this_month(everyone_paid, date(2026, 11, 5)) == []
    unassessed = dues.dues_not_assessed(facts, date(2026, 11, 5))
    assert "1名党员还没有2026年度党费核定（丙）" in unassessed[0].message


def test_political_birthdays_of_this_month_only() -> None:
    roster = [
        _member(1, name="甲", joined_on="2016-11-03"),
        _member(2, name="乙", joined_on="2016-12-03"),
    ]
    found = members.political_birthdays(Facts(members=roster), date(2026, 11, 28))
    assert [(r.person, r.due, r.urgency) for r in found] == [
        ("甲", date(2026, 11, 3), Urgency.NOTE)
    ]
    assert "入党10周年" in found[0].message


def test_re_election_six_months_before_and_after_the_term_ends() -> None:
    facts = Facts(organization={"kind": "党支部", "term_end": "2027-05-31"})
    assert organization.re_election(facts, date(2026, 11, 30)) == []  # +6 months = 2027-05-30
    assert organization.re_election(facts, date(2026, 12, 1))[0].urgency is Urgency.SOON
    assert organization.re_election(facts, date(2027, 6, 1))[0].urgency is Urgency.OVERDUE


def test_branch_size_rules() -> None:
    small = Facts(
        organization={"kind": "党支部"}, members=[_member(i) for i in range(2)], full_members=2
    )
    assert "不足3名" in organization.branch_size(small, date(2026, 11, 28))[0].message
    committee_due = Facts(
        organization={"kind": "党支部"}, members=[_member(i) for i in range(8)], full_members=7
    )
    assert (
        "应设立支部委员会" in organization.branch_size(committee_due, date(2026, 11, 28))[0].message
    )
    with_committee = Facts(
        organization={"kind": "党支部"},
        members=[_member(i) for i in range(8)],
        full_members=7,
        committee=[{}, {}, {}],
    )
    assert organization.branch_size(with_committee, date(2026, 11, 28)) == []
    large = Facts(
        organization={"kind": "党支部"},
        members=[_member(i) for i in range(51)],
        full_members=51,
        committee=[{}] * 5,
    )
    assert (
        "可向上级党组织申请成立党总支"
        in organization.branch_size(large, date(2026, 11, 28))[0].message
    )


def test_six_haves_names_what_is_missing() -> None:
    found = organization.six_haves(Facts(six_haves_missing=["挂牌", "设备"]), date(2026, 11, 28))
    assert "有挂牌、有设备" in found[0].message
    assert organization.six_haves(Facts(), date(2026, 11, 28)) == []


def _card(**values: object) -> MobileCardFact:
    fields = {
        "card_id": 4,
        "name": "卢飞",
        "away_on": date(2026, 4, 5),
        "returned_on": None,
        "transferred_on": None,
        "card_issued_on": None,
    }
    fields.update(values)
    return MobileCardFact(**fields)  # type: ignore[arg-type]


def test_mobile_member_away_six_months_should_transfer() -> None:
    facts = Facts(mobile_cards=[_card()])
    assert mobile.mobile_transfer(facts, date(2026, 10, 4)) == []
    assert mobile.mobile_transfer(facts, date(2026, 10, 5))[0].due == date(2026, 10, 5)
    back = Facts(mobile_cards=[_card(returned_on=date(2026, 9, 1))])
    assert mobile.mobile_transfer(back, date(2026, 10, 5)) == []


def test_mobile_yearly_report_and_review_are_due_a_year_after_the_last() -> None:
    card = _card(away_on=date(2025, 3, 1), reports=(date(2025, 12, 20),))
    facts = Facts(mobile_cards=[card])
    assert mobile.mobile_report(facts, date(2026, 11, 19)) == []
    assert mobile.mobile_report(facts, date(2026, 11, 20))[0].due == date(2026, 12, 20)
    review = mobile.mobile_review(facts, date(2026, 11, 28))[0]
    assert review.urgency is Urgency.OVERDUE and review.due == date(2026, 3, 1)


def test_registry_sorts_by_urgency_and_hides_settled_keys() -> None:
    facts = Facts(
        organization={"kind": "党支部", "term_end": "2026-01-31"},
        members=[_member(1, joined_on="2010-11-03")],
        six_haves_missing=["挂牌"],
        full_members=1,
    )
    found = due_reminders(facts, date(2026, 11, 28))
    assert [r.urgency for r in found] == sorted((r.urgency for r in found), key=lambda u: u.rank)
    assert found[0].kind == "re_election"
    hidden = due_reminders(facts, date(2026, 11, 28), {found[0].key})
    assert "re_election" not in {r.kind for r in hidden}
    assert len({kind.key for kind in KINDS}) == len(KINDS)


def test_json_shape() -> None:
    facts = Facts(members=[_member()], probation_ends={1: date(2026, 12, 20)})
    item = pipeline.probation_ending(facts, date(2026, 12, 1))[0].as_json()
    assert item == {
        "kind": "probation",
        "urgency": "本月",
        "due": "2026-12-20",
        "person": "陈国栋",
        "record": {"register": "members", "id": 1},
        "message": item["message"],
    }


def test_many_political_birthdays_make_one_note() -> None:
    roster = [_member(i, name=f"党员{i}", joined_on=f"2016-11-{i + 1:02d}") for i in range(6)]
    found = members.political_birthdays(Facts(members=roster), date(2026, 11, 28))
    assert len(found) == 1 and found[0].person is None
    assert found[0].message.startswith("本月有6名党员过政治生日：党员0（1日，10周年）、")


def _check(label: str, per: str, last: str, short: int, group: str = "") -> PeriodCheck:
    return PeriodCheck(label, group, per, (last,), (last,) if short else (), 0, last, short)


def test_three_meetings_last_period_and_current_period() -> None:
    from liangxin_desktop.domain.reminders import meetings

    facts = Facts(
        compliance_done=[
            _check("党小组会", "month", "2026-10", 1, "第二党小组"),
            _check("支委会", "month", "2026-10", 0),
        ],
        compliance_current=[
            _check("主题党日", "month", "2026-11", 1),
            _check("党课", "quarter", "2026-Q4", 1),
            _check("组织生活会", "year", "2026", 1),
        ],
    )
    missed = meetings.last_period_shortfall(facts, date(2026, 11, 28))
    assert [(r.urgency, r.due) for r in missed] == [(Urgency.OVERDUE, date(2026, 10, 31))]
    assert missed[0].message.startswith("2026年10月党小组会（第二党小组）应召开而未召开（缺1次）")
    due = meetings.current_period_due(facts, date(2026, 11, 28))
    assert [(r.urgency, r.due) for r in due] == [
        (Urgency.THIS_MONTH, date(2026, 11, 30)),
        (Urgency.NOTE, date(2026, 12, 31)),  # 33 days to the quarter's end
        (Urgency.THIS_MONTH, date(2026, 12, 31)),  # yearly ones: urgent from the fourth quarter
    ]
    assert "2026年第四季度还没有召开党课" in due[1].message
    in_summer = meetings.current_period_due(
        Facts(compliance_current=[_check("组织生活会", "year", "2026", 1)]), date(2026, 7, 1)
    )
    assert in_summer[0].urgency is Urgency.NOTE


def test_study_hours_below_target() -> None:
    from liangxin_desktop.domain.study_hours import StudyHours

    facts = Facts(
        members=[_member(1, name="甲"), _member(2, name="乙")],
        study_hours=[StudyHours(1, "甲", 30, 32, False), StudyHours(2, "乙", 56, 56, True)],
    )
    found = members.study_hours_short(facts, date(2026, 11, 28))
    assert [(r.urgency, r.due) for r in found] == [(Urgency.SOON, date(2026, 12, 31))]
    assert "1名党员2026年度学时未达标：甲（差2）" in found[0].message
    assert members.study_hours_short(facts, date(2026, 6, 1))[0].urgency is Urgency.NOTE


def test_yearly_meetings_are_a_note_until_october() -> None:
    from liangxin_desktop.domain.reminders import meetings

    facts = Facts(compliance_current=[_check("民主评议", "year", "2026", 1)])
    assert meetings.current_period_due(facts, date(2026, 9, 30))[0].urgency is Urgency.NOTE
    assert meetings.current_period_due(facts, date(2026, 10, 1))[0].urgency is Urgency.THIS_MONTH


def test_approval_is_overdue_three_months_after_the_branch_meeting() -> None:
    member = _member(4, name="杜俊", joined_on="2026-04-05")
    facts = Facts(members=[member], admitted_here={4})
    assert pipeline.approval_overdue(facts, date(2026, 7, 5)) == []  # 3 months to the day
    late = pipeline.approval_overdue(facts, date(2026, 7, 6))
    assert [(r.urgency, r.due, r.person) for r in late] == [
        (Urgency.OVERDUE, date(2026, 7, 5), "杜俊")
    ]
    assert "上级党委应在支部大会后3个月内审批" in late[0].message
    error = pipeline.approval_overdue(facts, date(2026, 10, 6))[0]  # 6 months and a day
    assert error.due == date(2026, 10, 5) and "超过6个月仍未审批" in error.message
    assert error.key != late[0].key  # the error comes back even if the warning was settled
    approved = Facts(members=[dict(member, approved_on="2026-06-01")], admitted_here={4})
    assert pipeline.approval_overdue(approved, date(2026, 10, 6)) == []
    transferred_in = Facts(members=[member], admitted_here=set())  # approved elsewhere
    assert pipeline.approval_overdue(transferred_in, date(2026, 10, 6)) == []
    converted = dict(member, member_category="正式党员")
    assert (
        pipeline.approval_overdue(Facts(members=[converted], admitted_here={4}), date(2027, 5, 1))
        == []
    )


def test_publicity_running_then_over_until_the_branch_meeting() -> None:
    person = {
        "id": 9,
        "name": "郑国刚",
        "stage": "candidate",
        "publicity_start_on": "2026-11-23",
        "publicity_end_on": "2026-11-27",
    }
    facts = Facts(applicants=[person])
    assert pipeline.publicity_running(facts, date(2026, 11, 22)) == []
    running = pipeline.publicity_running(facts, date(2026, 11, 27))
    assert [(r.kind, r.urgency, r.due) for r in running] == [
        ("publicity", Urgency.NOTE, date(2026, 11, 27))
    ]
    assert "2026年11月23日至2026年11月27日" in running[0].message
    assert pipeline.publicity_over(facts, date(2026, 11, 27)) == []
    over = pipeline.publicity_over(facts, date(2026, 11, 28))
    assert [(r.kind, r.urgency) for r in over] == [("publicity_done", Urgency.SOON)]
    assert pipeline.publicity_running(facts, date(2026, 11, 28)) == []
    admitted = Facts(applicants=[dict(person, stage="member")])
    assert pipeline.publicity_over(admitted, date(2026, 11, 28)) == []


def test_receipt_missing_once_the_letter_has_expired() -> None:
    from liangxin_desktop.domain.reminders.base import TransferFact

    letter = TransferFact(3, 20, "段雨华", "中共某公司支部", date(2026, 12, 3), None)
    facts = Facts(transfers_out=[letter])
    assert membership.receipt_missing(facts, date(2026, 12, 3)) == []  # the last valid day
    found = membership.receipt_missing(facts, date(2026, 12, 4))
    assert [(r.urgency, r.due, r.person) for r in found] == [
        (Urgency.OVERDUE, date(2026, 12, 3), "段雨华")
    ]
    assert "转往中共某公司支部" in found[0].message and found[0].record is not None
    assert found[0].record.record_id == 20
    back = TransferFact(3, 20, "段雨华", None, date(2026, 12, 3), date(2026, 12, 10))
    assert membership.receipt_missing(Facts(transfers_out=[back]), date(2026, 12, 11)) == []


def test_lost_six_months_and_suspended_two_years_are_flagged_for_people_to_decide() -> None:
    lost = _member(6, name="郝磊", is_lost=1, lost_since="2026-04")
    facts = Facts(members=[lost])
    assert membership.lost_contact(facts, date(2026, 9, 30)) == []  # 5 months
    found = membership.lost_contact(facts, date(2026, 10, 1))
    assert [(r.kind, r.urgency, r.due) for r in found] == [
        ("lost_contact", Urgency.THIS_MONTH, date(2026, 10, 1))
    ]
    assert "自2026年4月失去联系已满6个月" in found[0].message and "停止其党籍" in found[0].message
    stopped = dict(lost, suspended_on="2024-10-08", restored_on=None)
    assert membership.lost_contact(Facts(members=[stopped]), date(2026, 10, 1)) == []
    assert membership.long_suspended(Facts(members=[stopped]), date(2026, 10, 7)) == []
    expel = membership.long_suspended(Facts(members=[stopped]), date(2026, 10, 8))
    assert [(r.kind, r.due) for r in expel] == [("long_suspended", date(2026, 10, 8))]
    assert "自2024年10月8日停止党籍已满2年" in expel[0].message and "除名" in expel[0].message
    restored = dict(stopped, restored_on="2025-03-01")
    assert membership.long_suspended(Facts(members=[restored]), date(2026, 10, 8)) == []


def test_remittance_of_the_last_complete_quarter() -> None:
    paid = {"2026-07": 30000, "2026-08": 30000, "2026-09": 30050}
    facts = Facts(dues_paid_by_month=paid, remittances=[(date(2026, 7, 5), "2026年第二季度")])
    assert dues.remittance_missing(facts, date(2026, 9, 29)) == []  # Q2 is covered
    found = dues.remittance_missing(facts, date(2026, 10, 8))
    assert [(r.urgency, r.due, r.key) for r in found] == [
        (Urgency.THIS_MONTH, date(2026, 10, 31), "dues_remittance|2026-Q3|2026-10-31")
    ]
    assert "2026年第三季度收缴的党费900.50元还没有上缴记录" in found[0].message
    assert dues.remittance_missing(facts, date(2026, 11, 1))[0].urgency is Urgency.OVERDUE
    for covering in ((date(2026, 10, 9), None), (date(2026, 9, 30), "2026年下半年")):
        done = Facts(dues_paid_by_month=paid, remittances=[covering])
        assert dues.remittance_missing(done, date(2026, 11, 1)) == [], covering
    late_q2 = Facts(dues_paid_by_month=paid, remittances=[(date(2026, 10, 9), "2026年第二季度")])
    assert dues.remittance_missing(late_q2, date(2026, 11, 1)) != []  # it names Q2, not Q3
    nothing_paid = Facts(dues_paid_by_month={"2026-06": 100})
    assert dues.remittance_missing(nothing_paid, date(2026, 11, 1)) == []


def test_last_complete_quarter() -> None:
    from liangxin_desktop.domain.remittance import last_complete_quarter

    assert last_complete_quarter(date(2026, 12, 1)) == "2026-Q3"
    assert last_complete_quarter(date(2026, 12, 31)) == "2026-Q4"
    assert last_complete_quarter(date(2027, 2, 10)) == "2026-Q4"
    assert last_complete_quarter(date(2026, 3, 30)) == "2025-Q4"
