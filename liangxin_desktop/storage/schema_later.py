"""The SQL text of the migrations after 0009 (``storage/migrations.later_migration``)."""

from __future__ import annotations

# The rules that decide the numbers (issue 12):
# - ``dues_changes``: a 核定 within a year that applies from an effective month (a new wage,
#   中组发〔2008〕3号 Art. 10); the yearly row of ``dues_assessments`` applies from January.
#   ``voluntary_fen`` is the part of ``monthly_fen`` a member chose to pay above the computed
#   amount (自愿多交, 组电明字〔2017〕5号), on both tables.
# - ``dues_returns``: dues the superior gives back (返还) or allocates (下拨) to the branch.
# - ``member_review_results``: each member's 民主评议 result, on the review meeting.
# - ``elections`` with ``election_candidates``: a 换届 election; ``committee_terms`` with
#   ``committee_term_members``: the committee of every term, kept when a new one is elected.
RULES_SCHEMA = """
ALTER TABLE dues_assessments ADD COLUMN voluntary_fen INTEGER NOT NULL DEFAULT 0;
CREATE TABLE dues_changes (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    effective_month TEXT NOT NULL,
    category TEXT NOT NULL,
    base_fen INTEGER NOT NULL DEFAULT 0 CHECK (base_fen >= 0),
    rate_bp INTEGER,
    monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0),
    voluntary_fen INTEGER NOT NULL DEFAULT 0,
    approved_by TEXT,
    note TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (person_id, effective_month)
);
CREATE TABLE dues_returns (
    id INTEGER PRIMARY KEY,
    received_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('返还', '下拨')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    source TEXT,
    purpose TEXT,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE member_review_results (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    result TEXT NOT NULL CHECK (result IN ('优秀', '合格', '基本合格', '不合格')),
    note TEXT,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE TABLE elections (
    id INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    entitled INTEGER NOT NULL CHECK (entitled > 0),
    present INTEGER NOT NULL CHECK (present >= 0),
    seats INTEGER NOT NULL CHECK (seats > 0),
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE election_candidates (
    id INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    votes INTEGER NOT NULL CHECK (votes >= 0),
    elected INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE committee_terms (
    id INTEGER PRIMARY KEY,
    term_start TEXT,
    term_end TEXT,
    election_id INTEGER REFERENCES elections (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE committee_term_members (
    term_id INTEGER NOT NULL REFERENCES committee_terms (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
DROP VIEW meetings_view;
CREATE VIEW meetings_view AS
SELECT m.*,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status != '列席') AS expected,
    (SELECT count(*) FROM meeting_attendance a
        WHERE a.meeting_id = m.id AND a.status = '出席') AS present,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '出席'
        ORDER BY p.id)) AS attendees,
    (SELECT group_concat(name, '、') FROM (SELECT p.name || coalesce('（' || a.reason || '）', '')
        AS name FROM meeting_attendance a JOIN people p ON p.id = a.person_id
        WHERE a.meeting_id = m.id AND a.status = '请假' ORDER BY p.id)) AS on_leave,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '缺席'
        ORDER BY p.id)) AS absentees,
    (SELECT group_concat(name, '、') FROM (SELECT p.name FROM meeting_attendance a
        JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id AND a.status = '列席'
        ORDER BY p.id)) AS observers,
    (SELECT group_concat(result || '：' || names, '；') FROM (SELECT r.result,
        group_concat(p.name, '、') AS names FROM member_review_results r
        JOIN people p ON p.id = r.person_id WHERE r.meeting_id = m.id GROUP BY r.result
        ORDER BY CASE r.result WHEN '优秀' THEN 1 WHEN '合格' THEN 2 WHEN '基本合格' THEN 3
        ELSE 4 END)) AS review_results
FROM meetings m;
"""

# Defaults of DOMAIN.md (domain/rule_settings.py names and explains them).
RULE_SETTING_DEFAULTS = (
    ("dues_rounding", "fen"),
    ("prepay_months", "6"),
    ("study_hours_target", "32"),
    ("study_hours_leader_target", "56"),
    ("party_lessons_per_quarter", "1"),
    ("publicity_working_days", "5"),
)

# 组织关系 and 党籍 (issue 11). A member's stays here are periods (接收/转入/组建 → 转出/死亡/出党/
# 取消资格); 停止党籍 is an interval in ``party_standing``. ``people`` keeps the current period's
# 转入日期/原党组织 and the last 停止党籍 in step (written by storage/membership.py only), like
# joined_on and left_on. Milestones may name the meeting that decided them (支委会/支部党员大会);
# meetings count 书面意见 (written opinions of absent voting members) in their vote.
MEMBERSHIP_SCHEMA = """
CREATE TABLE membership_periods (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    start_on TEXT NOT NULL,
    start_kind TEXT NOT NULL CHECK (start_kind IN ('接收', '转入', '组建')),
    from_org TEXT,
    in_letter_no TEXT,
    dues_paid_until TEXT,
    end_on TEXT,
    end_kind TEXT CHECK (end_kind IS NULL OR end_kind IN ('转出', '死亡', '出党', '取消资格')),
    end_detail TEXT,
    decided_by TEXT,
    to_org TEXT,
    out_letter_no TEXT,
    letter_valid_until TEXT,
    out_dues_paid_until TEXT,
    receipt_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on > start_on)
);
CREATE INDEX membership_periods_person ON membership_periods (person_id, start_on);
CREATE INDEX membership_periods_start ON membership_periods (start_on, end_on);
CREATE TABLE party_standing (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    suspended_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    restored_on TEXT,
    restored_by TEXT,
    created_at TEXT NOT NULL,
    CHECK (restored_on IS NULL OR restored_on > suspended_on)
);
CREATE INDEX party_standing_person ON party_standing (person_id, suspended_on);
ALTER TABLE people ADD COLUMN transferred_in_on TEXT;
ALTER TABLE people ADD COLUMN from_org TEXT;
ALTER TABLE people ADD COLUMN suspended_on TEXT;
ALTER TABLE people ADD COLUMN restored_on TEXT;
ALTER TABLE people ADD COLUMN approved_on TEXT;
ALTER TABLE milestones ADD COLUMN meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL;
CREATE INDEX milestones_meeting ON milestones (meeting_id);
ALTER TABLE meetings ADD COLUMN vote_written INTEGER;
UPDATE people SET approved_on = (SELECT max(date) FROM milestones m
    WHERE m.person_id = people.id AND m.kind = 'approved');
DROP VIEW activists_view;
CREATE VIEW activists_view AS
SELECT p.*,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'applied') AS applied_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'talked') AS talked_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'activist') AS activist_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'activist_filed') AS activist_filed_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'candidate') AS candidate_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'candidate_filed') AS candidate_filed_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'political_review') AS political_review_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'training_start') AS training_start_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'training_end') AS training_end_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'pre_review') AS pre_review_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'publicity_start') AS publicity_start_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'publicity_end') AS publicity_end_on,
    (SELECT max(date) FROM milestones m WHERE m.person_id = p.id AND m.kind = 'admitted') AS admitted_on
FROM people p;
"""

MIGRATED_PERIOD_NOTE = "升级时生成：原台账未记录组织关系转入，按入党日期（早于本组织成立日期的按成立日期）作为在本组织的开始日期"

# Members and leavers of the earlier versions: one period from the later of 入党日期 and the
# organization's 成立日期 (when that is before the day they left), ended as they left.
EXISTING_PERIODS = """
INSERT INTO membership_periods (person_id, start_on, start_kind, end_on, end_kind, end_detail,
    to_org, note, created_at)
SELECT p.id, s.start_on, CASE WHEN s.start_on > p.joined_on THEN '组建' ELSE '接收' END,
    e.end_on, CASE WHEN e.end_on IS NULL THEN NULL ELSE p.left_kind END,
    CASE WHEN p.left_kind IN ('出党', '取消资格') THEN (SELECT m.detail FROM milestones m
        WHERE m.person_id = p.id AND m.kind IN ('expelled', 'disqualified') ORDER BY m.date DESC LIMIT 1) END,
    CASE WHEN p.left_kind = '转出' THEN (SELECT substr(m.detail, 4) FROM milestones m
        WHERE m.person_id = p.id AND m.kind = 'transferred_out' AND m.detail LIKE '转往：%'
        ORDER BY m.date DESC LIMIT 1) END,
    ?, ?
FROM people p
JOIN (SELECT p2.id AS id, CASE WHEN p2.stage != 'member' AND p2.left_kind != '停止党籍'
        AND p2.left_on <= coalesce(o.founded_on, '') THEN p2.joined_on
        ELSE max(p2.joined_on, coalesce(o.founded_on, p2.joined_on)) END AS start_on
    FROM people p2 LEFT JOIN organization o ON o.id = 1) s ON s.id = p.id
JOIN (SELECT id, CASE WHEN stage IN ('left', 'dropped') AND left_kind IN ('转出', '死亡', '出党', '取消资格')
        THEN left_on END AS end_on FROM people) e ON e.id = p.id
WHERE p.joined_on IS NOT NULL AND p.stage IN ('member', 'left', 'dropped')
    AND (e.end_on IS NULL OR e.end_on > s.start_on)
"""

# 停止党籍 used to take a member off the roster; now the member stays, with 党籍状态 停止党籍.
SUSPENDED_BECOME_STANDING = """
INSERT INTO party_standing (person_id, suspended_on, reason, decided_by, created_at)
SELECT p.id, p.left_on,
    coalesce((SELECT m.note FROM milestones m WHERE m.person_id = p.id AND m.kind = 'suspended'
        ORDER BY m.date DESC LIMIT 1), '升级前登记为停止党籍'),
    '（升级前未记录）', datetime('now')
FROM people p WHERE p.stage = 'left' AND p.left_kind = '停止党籍' AND p.left_on IS NOT NULL;
UPDATE people SET stage = 'member', suspended_on = left_on, left_on = NULL, left_kind = NULL
WHERE stage = 'left' AND left_kind = '停止党籍';
"""

# 首页 reminders the clerk settled: 已处理 (``done``) or 暂缓到 a day (``snoozed``, ``until``). A
# reminder's key names its kind, subject and due date, so a new due date is a new reminder.
REMINDERS_SCHEMA = """
CREATE TABLE reminder_states (
    key TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('done', 'snoozed')),
    until TEXT,
    updated_at TEXT NOT NULL
);
"""

# Form drafts (issue 14): what a form held when it was closed without saving.
DRAFTS_SCHEMA = """
CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    register TEXT NOT NULL,
    record_id INTEGER,
    label TEXT NOT NULL,
    draft_values TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
"""
