-- The time zone the kept weekly counts use, its row locked while the zone may change.
-- Parameters: none.
SELECT time_zone FROM analysis_settings FOR UPDATE
