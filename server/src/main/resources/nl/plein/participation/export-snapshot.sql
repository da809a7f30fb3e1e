-- Exports this transaction's snapshot, so a second connection can read the same data.
-- Parameters: none.
SELECT pg_export_snapshot()
