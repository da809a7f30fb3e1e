-- Makes the kept weekly counts use this time zone from now on.
-- Parameters: :zone (an IANA time zone id).
UPDATE analysis_settings SET time_zone = :zone
