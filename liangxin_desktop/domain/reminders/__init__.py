"""Reminders (待办与提醒): each kind a pure function of plain records and today (``registry.KINDS``)."""
