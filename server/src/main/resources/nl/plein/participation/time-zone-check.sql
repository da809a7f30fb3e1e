-- Fails when PostgreSQL does not know the zone; its answer is not used.
-- Parameters: :zone (an IANA time zone id).
SELECT now() AT TIME ZONE :zone
