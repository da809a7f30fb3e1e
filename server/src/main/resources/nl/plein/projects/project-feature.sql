-- One project as a GeoJSON Feature (RFC 7946), written by PostgreSQL so that text is escaped once,
-- correctly. Parameter: :id, the project's id, or null for every project (in id order).
SELECT json_build_object(
           'type', 'Feature',
           'id', p.id,
           'geometry', ST_AsGeoJSON(p.area, 7)::json,
           'properties', json_build_object(
               'id', p.id,
               'title', p.title,
               'summary', p.summary,
               'categories', p.categories,
               'geometryKinds', p.geometry_kinds,
               'stage', p.stage,
               'open', p.open,
               'premoderation', p.premoderation,
               'language', p.language,
               'metricSrid', p.metric_srid,
               'schedule', (SELECT coalesce(json_object_agg(s.stage, json_build_object(
                                    'startsOn', s.starts_on, 'endsOn', s.ends_on)), '{}'::json)
                              FROM project_stages s WHERE s.project_id = p.id),
               'proposalCount', (SELECT count(*) FROM proposals x
                                  WHERE x.project_id = p.id AND NOT x.hidden AND NOT x.withdrawn
                                    AND x.status <> 'submitted'),
               'createdAt', p.created_at,
               'updatedAt', p.updated_at))::text
  FROM projects p
 WHERE p.id = :id OR :id::bigint IS NULL
 ORDER BY p.id
