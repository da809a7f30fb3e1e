-- The time zone the kept weekly counts use (ActivityCounts writes it at start-up).
-- Parameters: none.
SELECT time_zone FROM analysis_settings
