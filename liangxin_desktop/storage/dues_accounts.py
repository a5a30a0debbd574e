"""The branch's dues accounts: 上缴 to the superior, 大额党费, and 返还/下拨 received back.

中组发〔2008〕3号: the branch remits collected dues to the superior (Art. 15 ff.), a voluntary
one-off payment of 1000 yuan or more is 大额党费 and handed in whole (Art. 11; 组电明字〔2017〕
5号 item 一(1)); the superior may give part back (返还) or allocate funds (下拨) for the
branch's education and activities; the branch publishes the account yearly.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.domain.dues import MONTHLY_CAP_FEN, format_fen
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive

LARGE_DUES_MIN_FEN = MONTHLY_CAP_FEN  # 1000 yuan
RETURN_KINDS = ("返还", "下拨")


def remit(
    archive: Archive, remitted_on: date, amount_fen: int, period: str = "", receiver: str = ""
) -> int:
    """上缴: dues passed to the superior organization."""
    if amount_fen <= 0:
        raise InvalidValue("上缴金额必须大于0。")
    return _insert(
        archive,
        "dues_remittances",
        {
            "remitted_on": remitted_on.isoformat(),
            "amount_fen": amount_fen,
            "period": period.strip() or None,
            "receiver": receiver.strip() or None,
        },
        "党费上缴",
    )


def record_large_dues(
    archive: Archive,
    person_id: int,
    paid_on: date,
    amount_fen: int,
    note: str = "",
    today: date | None = None,
) -> int:
    """大额党费 (≥ 1000 yuan, voluntary, one-off), kept apart from the monthly dues."""
    if amount_fen < LARGE_DUES_MIN_FEN:
        raise InvalidValue(
            f"大额党费应不少于1000元，这里是{format_fen(amount_fen)}元。",
            "少于1000元的请按普通党费登记。",
        )
    if paid_on > (today or date.today()):
        raise InvalidValue("缴纳日期不能晚于今天。")
    if archive.db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone() is None:
        raise InvalidValue("找不到这个党员，可能已被其他操作修改。", "请刷新列表后重试。")
    return _insert(
        archive,
        "large_dues",
        {
            "person_id": person_id,
            "paid_on": paid_on.isoformat(),
            "amount_fen": amount_fen,
            "note": note.strip() or None,
        },
        "大额党费",
    )


def record_return(
    archive: Archive,
    received_on: date,
    kind: str,
    amount_fen: int,
    source: str = "",
    purpose: str = "",
    today: date | None = None,
) -> int:
    """返还/下拨: dues the superior gave back or allocated to the branch."""
    if kind not in RETURN_KINDS:
        raise InvalidValue(f"类型“{kind}”无法识别。", "请选择：返还、下拨。")
    if amount_fen <= 0:
        raise InvalidValue("金额必须大于0。")
    if received_on > (today or date.today()):
        raise InvalidValue("收到日期不能晚于今天。")
    return _insert(
        archive,
        "dues_returns",
        {
            "received_on": received_on.isoformat(),
            "kind": kind,
            "amount_fen": amount_fen,
            "source": source.strip() or None,
            "purpose": purpose.strip() or None,
        },
        f"党费{kind}",
    )


def _insert(archive: Archive, table: str, row: dict[str, Any], action: str) -> int:
    with archive.transaction() as db:
        new_id = db.table(table).insert(dict(row, created_at=audit.now_text())).last_rowid
        audit.record(db, action, table, new_id)
    return int(new_id or 0)


def money_lists(archive: Archive, year: int) -> dict[str, list[dict[str, Any]]]:
    """The year's remittances, 大额党费 and 返还/下拨, for the 党费收缴册's accounts."""
    span = [f"{year}-01-01", f"{year}-12-31"]
    return {
        "remittances": list(
            archive.db.query(
                "SELECT remitted_on, amount_fen, period, receiver FROM dues_remittances "
                "WHERE remitted_on BETWEEN ? AND ? ORDER BY remitted_on",
                span,
            )
        ),
        "large": list(
            archive.db.query(
                "SELECT l.paid_on, p.name, l.amount_fen, l.note FROM large_dues l JOIN people p "
                "ON p.id = l.person_id WHERE l.paid_on BETWEEN ? AND ? ORDER BY l.paid_on",
                span,
            )
        ),
        "returns": list(
            archive.db.query(
                "SELECT received_on, kind, amount_fen, source, purpose FROM dues_returns "
                "WHERE received_on BETWEEN ? AND ? ORDER BY received_on",
                span,
            )
        ),
    }
