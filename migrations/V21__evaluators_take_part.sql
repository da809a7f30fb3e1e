-- Evaluators take part: an evaluation of a finished work (V17) counts its author as a participant of
-- the work's project, as a proposal, variant, comment, support (V6) or ballot (V15) does. Evaluations
-- are kind 6: they count the person and the week they evaluated in, and no column of activity_weeks,
-- so activity_add needs no change. A person counts once however often they change their evaluation
-- (it is changed in place); withdrawing it deletes it, and then it no longer counts, as a support
-- taken back no longer counts. Hidden evaluations still count: the person did take part.

-- Evaluations name their project, as variants, comments and supports do (V6), so that the
-- activity triggers of V6 serve them as they are. The pair (project, work) must match a work.
CREATE UNIQUE INDEX works_project_id_idx ON works (project_id, id);
ALTER TABLE evaluations ADD COLUMN project_id bigint;
UPDATE evaluations e SET project_id = w.project_id FROM works w WHERE w.id = e.work_id;
ALTER TABLE evaluations ALTER COLUMN project_id SET NOT NULL;
ALTER TABLE evaluations DROP CONSTRAINT evaluations_work_id_fkey,
    ADD CONSTRAINT evaluations_work_fkey FOREIGN KEY (project_id, work_id) REFERENCES works (project_id, id);
CREATE INDEX evaluations_project_created_idx ON evaluations (project_id, created_at);
CREATE INDEX evaluations_project_pinned_idx ON evaluations (project_id, id) WHERE pin IS NOT NULL;

-- Writers name the work; the project follows from it.
CREATE FUNCTION project_of_work() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.project_id IS NULL THEN
        NEW.project_id := (SELECT w.project_id FROM works w WHERE w.id = NEW.work_id);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER evaluations_project_trg BEFORE INSERT ON evaluations
    FOR EACH ROW EXECUTE FUNCTION project_of_work();

CREATE TRIGGER evaluations_activity_trg AFTER INSERT ON evaluations REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION activity_added('6', 'author_id');
CREATE TRIGGER evaluations_activity_removed_trg AFTER DELETE ON evaluations REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION activity_removed('6', 'author_id');
CREATE TRIGGER evaluations_activity_fixed_trg BEFORE UPDATE OF project_id, author_id, created_at ON evaluations
    FOR EACH ROW WHEN (NEW.project_id <> OLD.project_id OR NEW.author_id <> OLD.author_id
                       OR NEW.created_at <> OLD.created_at)
    EXECUTE FUNCTION activity_fixed();

-- Evaluation pins can be analysed as contributions (analysis.Selection, EVALUATIONS): a cached
-- analysis of a project is good only while its evaluations have not changed either (V7).
CREATE TRIGGER evaluations_version_insert_trg AFTER INSERT ON evaluations REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_proposals_changed();
CREATE TRIGGER evaluations_version_update_trg AFTER UPDATE ON evaluations REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_proposals_changed();
CREATE TRIGGER evaluations_version_delete_trg AFTER DELETE ON evaluations REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_proposals_changed();

-- The recount (V6, V15) counts evaluations too.
CREATE OR REPLACE FUNCTION activity_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    zone text := (SELECT time_zone FROM analysis_settings);
BEGIN
    LOCK TABLE proposals, variants, comments, supports, ballots, evaluations IN SHARE MODE;
    DELETE FROM activity_weeks;
    DELETE FROM activity_person_weeks;
    DELETE FROM activity_people;
    WITH contribution AS MATERIALIZED (
        SELECT project_id, author_id AS account_id, 1 AS kind, activity_week(created_at, zone) AS week FROM proposals
        UNION ALL
        SELECT project_id, author_id, 2, activity_week(created_at, zone) FROM variants
        UNION ALL
        SELECT project_id, author_id, 3, activity_week(created_at, zone) FROM comments
        UNION ALL
        SELECT project_id, account_id, 4, activity_week(created_at, zone) FROM supports
        UNION ALL
        SELECT v.project_id, b.account_id, 5, activity_week(b.cast_at, zone)
          FROM ballots b JOIN votes v ON v.id = b.vote_id WHERE b.account_id IS NOT NULL
        UNION ALL
        SELECT project_id, author_id, 6, activity_week(created_at, zone) FROM evaluations
    ),
    person_week AS (
        INSERT INTO activity_person_weeks (project_id, account_id, week, contributions)
        SELECT project_id, account_id, week, count(*) FROM contribution GROUP BY project_id, account_id, week
    ),
    week AS (
        INSERT INTO activity_weeks (project_id, week, participants, proposals, variants, comments, supports)
        SELECT project_id, week, count(DISTINCT account_id), count(*) FILTER (WHERE kind = 1),
               count(*) FILTER (WHERE kind = 2), count(*) FILTER (WHERE kind = 3), count(*) FILTER (WHERE kind = 4)
          FROM contribution GROUP BY project_id, week
    )
    INSERT INTO activity_people (project_id, account_id, first_week, home_area_id)
    SELECT c.project_id, c.account_id, min(c.week), min(a.home_area_id)
      FROM contribution c JOIN accounts a ON a.id = c.account_id
     GROUP BY c.project_id, c.account_id;
END $$;

DO $$ BEGIN PERFORM activity_recount(); END $$;
