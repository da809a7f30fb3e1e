-- A project's metric CRS (distances in metres for clusters, hexagons, hot spots, Moran, the heatmap,
-- participation distances and reports) is a property of the project, kept in a column. Until now
-- project_metric_srid() took it from the newest boundary set under the project's centre, so that
-- importing an unrelated set changed every analysis of the project, while cached answers kept the
-- old CRS.
--
-- The rule for a new project, and for the projects that exist now: RD New (EPSG:28992) when the
-- project's area lies within the bounding box of RD New's area of use as the EPSG registry gives
-- it (the Netherlands onshore and its coastal zone: 3.2–7.22 °E, 50.75–53.7 °N), widened by the
-- 0.01° it is rounded to (the registry's box ends at 7.22 °E, the country at 7.228 °E), otherwise the
-- WGS 84 / UTM zone of the area's centroid (EPSG:326zz north of the equator, 327zz south; the
-- Norwegian and Svalbard exceptions to the zone grid are not made). An admin may choose another
-- projected CRS in metres afterwards (PATCH /api/projects/{id}, metricSrid).
CREATE FUNCTION default_metric_srid(area geometry) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE
        WHEN ST_CoveredBy(area, ST_MakeEnvelope(3.19, 50.74, 7.23, 53.71, 4326)) THEN 28992
        ELSE CASE WHEN ST_Y(ST_Centroid(area)) >= 0 THEN 32600 ELSE 32700 END
             + least(60, greatest(1, floor((ST_X(ST_Centroid(area)) + 180) / 6)::int + 1))
    END
$$;

ALTER TABLE projects ADD COLUMN metric_srid integer;
UPDATE projects SET metric_srid = default_metric_srid(area);
ALTER TABLE projects ALTER COLUMN metric_srid SET NOT NULL;

-- Every way a project is made (the API, the demo content, a script) gets the rule unless it names a CRS.
CREATE FUNCTION projects_default_metric_srid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.metric_srid := coalesce(NEW.metric_srid, default_metric_srid(NEW.area));
    RETURN NEW;
END $$;
CREATE TRIGGER projects_metric_srid_trg BEFORE INSERT ON projects
    FOR EACH ROW EXECUTE FUNCTION projects_default_metric_srid();

-- The function every statement already calls now reads the column.
CREATE OR REPLACE FUNCTION project_metric_srid(project bigint) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT metric_srid FROM projects WHERE id = project
$$;
