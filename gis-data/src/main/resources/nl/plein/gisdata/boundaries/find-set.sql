-- The set named :name of year :year (none: NULL) and the fingerprint of its source.
SELECT id, source_sha256 FROM area_sets WHERE name = :name AND year IS NOT DISTINCT FROM :year::integer
