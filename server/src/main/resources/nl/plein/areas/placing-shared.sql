-- Takes the placing advisory lock shared, until the transaction ends: placing single drawings.
-- Parameters: :placing (the lock's key).
SELECT pg_advisory_xact_lock_shared(:placing)
