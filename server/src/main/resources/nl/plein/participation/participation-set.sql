-- The boundary set participation is counted in: the one asked for, else the newest neighbourhood
-- set, else the newest set; with the project's metric CRS (migration V12), in which distances are
-- measured. Parameters: :project, :set (or NULL).
SELECT s.id, s.name, s.year, s.kind, s.source, (SELECT metric_srid FROM projects WHERE id = :project) AS metric_srid
  FROM area_sets s
 WHERE s.id = coalesce(:set::bigint, (SELECT max(id) FROM area_sets WHERE kind = 'neighbourhood'),
                       (SELECT max(id) FROM area_sets))
