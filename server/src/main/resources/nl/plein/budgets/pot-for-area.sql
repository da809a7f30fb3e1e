-- Vote :vote's pot for area :area, or its city-wide pot when :area is null; no row when it has none.
SELECT t.id FROM vote_pots t WHERE t.vote_id = :vote AND t.area_id IS NOT DISTINCT FROM :area::bigint
