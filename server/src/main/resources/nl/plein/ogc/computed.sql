-- clusters-{project} and hotspots-{project}: features computed in Java (the DBSCAN clusters and the
-- Gi* hexagons, as the project's analyses give them to anyone), passed as :features, a JSON array of
-- GeoJSON features in CRS84 with numeric ids. They have no time of their own.
SELECT (f ->> 'id')::bigint AS id,
       ST_SetSRID(ST_GeomFromGeoJSON(f ->> 'geometry'), 4326) AS geom,
       NULL::timestamptz AS created_at,
       (f -> 'properties')::json AS properties
  FROM jsonb_array_elements(:features::jsonb) f
