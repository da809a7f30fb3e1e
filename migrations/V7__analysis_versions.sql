-- Spatial analyses (clusters, hot spots) are cached per project and parameters. A cached result
-- is good while the project's proposals have not changed: this counter goes up with every
-- statement that inserts, changes or deletes proposals of the project (a support changes the
-- proposal's count, so it counts too). It lives in a narrow table of its own, so that bumping it
-- does not rewrite the project's row and its area.
CREATE TABLE analysis_versions (
    project_id  bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    proposals   bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION analysis_proposals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analysis_versions AS t (project_id, proposals)
    SELECT DISTINCT project_id, 1 FROM changed ORDER BY project_id
    ON CONFLICT (project_id) DO UPDATE SET proposals = t.proposals + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER proposals_version_insert_trg AFTER INSERT ON proposals REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_proposals_changed();
CREATE TRIGGER proposals_version_update_trg AFTER UPDATE ON proposals REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_proposals_changed();
CREATE TRIGGER proposals_version_delete_trg AFTER DELETE ON proposals REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_proposals_changed();

-- The metric CRS a project's drawings are analysed in (distances in metres): that of the newest
-- boundary set with an area under the project's centre (RD New for CBS data), otherwise the UTM
-- zone of that centre.
CREATE FUNCTION project_metric_srid(project bigint) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
               (SELECT s.metric_srid
                  FROM areas a JOIN area_sets s ON s.id = a.area_set_id
                 WHERE s.metric_srid IS NOT NULL AND ST_Covers(a.geom, ST_PointOnSurface(p.area))
                 ORDER BY s.id DESC LIMIT 1),
               metric_srid(4326, ST_PointOnSurface(p.area)))
      FROM projects p WHERE p.id = project
$$;
