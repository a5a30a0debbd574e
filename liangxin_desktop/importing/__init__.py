"""Importing the clerk's own spreadsheets: read safely, find the header, map columns, plan, commit.

``runner.plan_import`` writes nothing and reports every problem by Excel row; ``commit_import``
writes a plan in one transaction as a batch that ``storage.import_batches`` can undo.
"""
