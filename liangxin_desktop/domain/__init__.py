"""Pure-Python rules of Party record keeping: validators, code tables, dates and dues."""
