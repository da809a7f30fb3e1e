-- Changes work :work: what is null stays as it is, except the as-built geometry, which is replaced
-- (:asBuilt as WKB, null clearing it) only when :setAsBuilt.
UPDATE works
   SET title = coalesce(:title, title),
       team = coalesce(:team, team),
       description = coalesce(:description, description),
       planned_start = coalesce(:start::date, planned_start),
       planned_end = coalesce(:end::date, planned_end),
       spent = coalesce(:spent::bigint, spent),
       as_built = CASE WHEN :setAsBuilt THEN ST_GeomFromWKB(:asBuilt::bytea, 4326) ELSE as_built END,
       updated_at = now()
 WHERE id = :work
