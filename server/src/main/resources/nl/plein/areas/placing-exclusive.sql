-- Takes the placing advisory lock exclusively, until the transaction ends: placing a whole area set,
-- after every single placing under the shared lock has finished.
-- Parameters: :placing (the lock's key).
SELECT pg_advisory_xact_lock(:placing)
