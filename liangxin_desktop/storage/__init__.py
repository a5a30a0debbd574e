"""Storage: the one SQLite archive file, its lock, migrations and the record stores."""
