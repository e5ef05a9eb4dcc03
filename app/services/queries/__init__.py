"""Read-only queries: SQL-paged record lists and look-ups."""
