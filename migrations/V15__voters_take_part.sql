-- Voters take part: a budget ballot cast with an account counts its voter as a participant of the
-- vote's project, as a proposal, variant, comment or support does (V6). Ballots are kind 5: they
-- count the person and the week they voted in, and no column of activity_weeks (which counts
-- proposals, variants, comments and supports), so activity_add needs no change. Ballots cast with
-- a code or on paper carry no account and count no participant (turnout per area counts them).
-- A voter counts once however often they change their ballot: people are counted, not ballots.

CREATE INDEX ballots_account_cast_idx ON ballots (account_id, cast_at) WHERE account_id IS NOT NULL;

CREATE FUNCTION ballots_activity_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone text := (SELECT time_zone FROM analysis_settings);
BEGIN
    PERFORM activity_add(5, array_agg(project_id), array_agg(account_id), array_agg(week), array_agg(n))
       FROM (SELECT v.project_id, a.account_id, activity_week(a.cast_at, zone) AS week, count(*)::integer AS n
               FROM added a JOIN votes v ON v.id = a.vote_id
              WHERE a.account_id IS NOT NULL
              GROUP BY 1, 2, 3) c
     HAVING count(*) > 0;
    RETURN NULL;
END $$;
CREATE TRIGGER ballots_activity_trg AFTER INSERT ON ballots REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ballots_activity_added();

-- The recount (V6) counts ballots too.
CREATE OR REPLACE FUNCTION activity_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    zone text := (SELECT time_zone FROM analysis_settings);
BEGIN
    LOCK TABLE proposals, variants, comments, supports, ballots IN SHARE MODE;
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
