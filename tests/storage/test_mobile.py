"""流动党员登记卡: cards with follow-up entries, and the 6-month transfer flag."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import VALID_ID

from liangxin_desktop.catalog import get_register
from liangxin_desktop.catalog.mobile import transfer_flag
from liangxin_desktop.errors import ValidationFailed
from liangxin_desktop.storage import mobile, queries, records

TODAY = date(2026, 11, 28)
CARDS = get_register("mobile_members")


def _card(**overrides):
    values = {
        "direction": "流出",
        "name": "王秀英",
        "id_number": VALID_ID,
        "away_on": "2026-02-01",
        "destination": "广东省深圳市南山区",
        "host_org": "中共深圳市南山区某街道工委",
    }
    values.update(overrides)
    return values


def test_card_with_entries(archive) -> None:
    entries = [
        {"entry_date": "2026-06-30", "kind": "年度报告", "content": "电话汇报思想和工作情况"}
    ]
    card_id = mobile.save_card(archive, _card(), entries, today=TODAY)
    assert queries.list_ids(archive, CARDS) == [card_id]
    card = records.get_record(archive, CARDS, card_id)
    assert card["sex"] == "女"  # filled from the ID number
    assert mobile.entries_of(archive, card_id)[0]["kind"] == "年度报告"
    mobile.save_card(archive, _card(returned_on="2026-10-01"), [], card_id, TODAY)
    assert mobile.entries_of(archive, card_id) == []


def test_bad_entry_refuses_the_whole_card(archive) -> None:
    with pytest.raises(ValidationFailed, match="第1条跟踪记录"):
        mobile.save_card(
            archive, _card(), [{"entry_date": "", "kind": "年审", "content": "x"}], today=TODAY
        )
    assert archive.db.execute("SELECT count(*) FROM mobile_cards").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("overrides", "flagged"),
    [
        ({"away_on": "2026-05-28"}, True),  # six months today
        ({"away_on": "2026-05-29"}, False),
        ({"away_on": "2025-01-01", "returned_on": "2025-03-01"}, False),
        ({"away_on": "2025-01-01", "transferred_on": "2025-08-01"}, False),
    ],
)
def test_six_month_transfer_flag(overrides, flagged) -> None:
    assert bool(transfer_flag(_card(**overrides), TODAY)) is flagged
