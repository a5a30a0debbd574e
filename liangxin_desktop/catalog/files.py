"""党组织活动资料簿 and 党组织活动图片册: materials and photos kept inside the archive."""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, as_date
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.register import Register

MATERIAL_KINDS = ("活动方案", "工作总结", "讲话稿", "签到表", "学习资料", "会议材料", "其他")


def _size(row: dict[str, Any], day: date) -> str:
    size = row.get("size") or 0
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def _not_in_future(row: dict[str, Any], today: date) -> list[Problem]:
    day = as_date(row.get("file_date"))
    return [Problem("file_date", "日期", "不能晚于今天。")] if day and day > today else []


def _meeting_field() -> Field:
    return Field(
        "related_meeting",
        "关联会议或活动",
        K.CHOICE,
        editable_choices=True,
        max_length=200,
        width=30,
        print_width=3.0,
        help="从列表中选择，或直接输入",
    )


ACTIVITY_MATERIALS = Register(
    key="activity_materials",
    title="党组织活动资料簿",
    group="其他",
    row_noun="资料",
    count_unit="份",
    fields=(
        Field("file_date", "日期", K.DATE, required=True, width=11, print_width=1.5),
        Field("title", "资料名称", required=True, max_length=120, width=28, print_width=3.5),
        Field(
            "kind",
            "资料类型",
            K.CHOICE,
            required=True,
            choices=MATERIAL_KINDS,
            width=9,
            print_width=1.1,
        ),
        _meeting_field(),
        Field("file_name", "文件名", in_form=False, width=20, print_width=2.2),
        Field("size_text", "大小", K.COMPUTED, compute=_size, width=8, print_width=0.8),
        Field("note", "备注", K.LONG_TEXT, max_length=500, width=16, print_width=1.4),
    ),
    table="files",
    view="files_view",
    where="book = 'activity_materials' AND deleted_at IS NULL",
    fixed_values=(("book", "activity_materials"),),
    search_columns=("title", "kind", "related_meeting", "file_name"),
    default_sort="file_date, id",
    date_field="file_date",
    deletable=True,
    checks=(_not_in_future,),
)

PHOTO_ALBUM = Register(
    key="photo_album",
    title="党组织活动图片册",
    group="其他",
    row_noun="照片",
    count_unit="张",
    fields=(
        Field(
            "file_date",
            "拍摄日期",
            K.DATE,
            width=11,
            print_width=1.5,
            help="不填时取照片自带的拍摄日期",
        ),
        Field("title", "照片说明", required=True, max_length=200, width=30, print_width=4.0),
        Field("place", "地点", max_length=80, width=14, print_width=1.6),
        Field("author", "拍摄人", max_length=40, width=8, print_width=1.0),
        _meeting_field(),
        Field("file_name", "文件名", in_form=False, width=18),
        Field("size_text", "大小", K.COMPUTED, compute=_size, width=8),
        Field("note", "备注", K.LONG_TEXT, max_length=500, width=16, in_table=False),
    ),
    table="files",
    view="files_view",
    where="book = 'photo_album' AND deleted_at IS NULL",
    fixed_values=(("book", "photo_album"),),
    search_columns=("title", "place", "author", "related_meeting"),
    default_sort="file_date, id",
    orientation="portrait",
    date_field="file_date",
    deletable=True,
    print_layout="album",
    checks=(_not_in_future,),
)
