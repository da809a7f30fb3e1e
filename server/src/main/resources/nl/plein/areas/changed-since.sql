-- The earliest time a drawing changed after this moment may carry as updated_at: writers set it
-- to their transaction's start, so it is the start of the oldest other transaction now open, or
-- now when none is (the server's sessions all use one database role, so all are visible here).
SELECT coalesce(min(xact_start), clock_timestamp()) FROM pg_stat_activity
 WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
