-- Participation per project, kept up to date as contributions are written.
--
-- The participation view counted every contribution of a project again on every request: with a
-- million contributions that took about 4 s, most of it spent reading and grouping rows that had
-- not changed. These tables keep what that recount produced per person and per week, so the view
-- of a whole project reads people and weeks instead of contributions. A view of a date range still
-- recounts (participation-range.sql); a test holds both paths to the same figures.
--
-- What counts is what the recount counts: every proposal, variant, comment and support in the
-- project, hidden and withdrawn ones included (the person did take part). A support that is taken
-- back is deleted, and no longer counts: a person whose only contribution it was is no longer a
-- participant.

-- Variants, comments and supports name their project, so that a project's contributions are read
-- from an index of their own and not by joining every proposal. The pair (project, proposal) must
-- match a proposal, so the copy can never disagree with its source.
CREATE UNIQUE INDEX proposals_project_id_idx ON proposals (project_id, id);
DROP INDEX proposals_project_idx;

ALTER TABLE variants ADD COLUMN project_id bigint;
ALTER TABLE comments ADD COLUMN project_id bigint;
ALTER TABLE supports ADD COLUMN project_id bigint;
UPDATE variants t SET project_id = p.project_id FROM proposals p WHERE p.id = t.proposal_id;
UPDATE comments t SET project_id = p.project_id FROM proposals p WHERE p.id = t.proposal_id;
UPDATE supports t SET project_id = p.project_id FROM proposals p WHERE p.id = t.proposal_id;
ALTER TABLE variants ALTER COLUMN project_id SET NOT NULL;
ALTER TABLE comments ALTER COLUMN project_id SET NOT NULL;
ALTER TABLE supports ALTER COLUMN project_id SET NOT NULL;
ALTER TABLE variants DROP CONSTRAINT variants_proposal_id_fkey,
    ADD CONSTRAINT variants_proposal_fkey FOREIGN KEY (project_id, proposal_id) REFERENCES proposals (project_id, id);
ALTER TABLE comments DROP CONSTRAINT comments_proposal_id_fkey,
    ADD CONSTRAINT comments_proposal_fkey FOREIGN KEY (project_id, proposal_id) REFERENCES proposals (project_id, id);
ALTER TABLE supports DROP CONSTRAINT supports_proposal_id_fkey,
    ADD CONSTRAINT supports_proposal_fkey FOREIGN KEY (project_id, proposal_id) REFERENCES proposals (project_id, id);

-- Writers name the proposal; the project follows from it.
CREATE FUNCTION project_of_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.project_id IS NULL THEN
        NEW.project_id := (SELECT p.project_id FROM proposals p WHERE p.id = NEW.proposal_id);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER variants_project_trg BEFORE INSERT ON variants
    FOR EACH ROW EXECUTE FUNCTION project_of_proposal();
CREATE TRIGGER comments_project_trg BEFORE INSERT ON comments
    FOR EACH ROW EXECUTE FUNCTION project_of_proposal();
CREATE TRIGGER supports_project_trg BEFORE INSERT ON supports
    FOR EACH ROW EXECUTE FUNCTION project_of_proposal();

-- The comments without a pin lie where their proposal lies: their number is kept on the proposal,
-- beside the number of supports, so that the view of a whole project need not count them.
ALTER TABLE proposals ADD COLUMN unpinned_comment_count integer NOT NULL DEFAULT 0
    CHECK (unpinned_comment_count >= 0);
UPDATE proposals p SET unpinned_comment_count = c.n
  FROM (SELECT proposal_id, count(*) AS n FROM comments WHERE geom IS NULL GROUP BY proposal_id) c
 WHERE p.id = c.proposal_id;
-- Comments are never deleted (a withdrawn one keeps its row); an edit may add or remove a pin.
CREATE FUNCTION unpinned_comments_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE proposals p SET unpinned_comment_count = p.unpinned_comment_count + c.n
      FROM (SELECT proposal_id, count(*) AS n FROM added WHERE geom IS NULL GROUP BY proposal_id) c
     WHERE p.id = c.proposal_id;
    RETURN NULL;
END $$;
CREATE TRIGGER comments_unpinned_count_trg AFTER INSERT ON comments REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION unpinned_comments_added();
CREATE FUNCTION unpinned_comments_repinned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE proposals SET unpinned_comment_count = unpinned_comment_count + CASE WHEN NEW.geom IS NULL THEN 1 ELSE -1 END
     WHERE id = NEW.proposal_id;
    RETURN NULL;
END $$;
CREATE TRIGGER comments_repinned_trg AFTER UPDATE OF geom ON comments
    FOR EACH ROW WHEN ((OLD.geom IS NULL) <> (NEW.geom IS NULL)) EXECUTE FUNCTION unpinned_comments_repinned();

-- A project's contributions in a date range, and where a pinned comment lies.
CREATE INDEX proposals_project_created_idx ON proposals (project_id, created_at);
CREATE INDEX variants_project_created_idx ON variants (project_id, created_at);
CREATE INDEX comments_project_created_idx ON comments (project_id, created_at);
CREATE INDEX supports_project_created_idx ON supports (project_id, created_at);
CREATE INDEX comments_project_pinned_idx ON comments (project_id, id) WHERE geom IS NOT NULL;

-- A person's home area in a boundary set: itself when it belongs to that set, otherwise the area of
-- the set that covers a point inside it (the rule that places drawings: lowest id where areas of one
-- set overlap), through the GiST index on areas. NULL when no area covers it.
CREATE FUNCTION area_in_set(home bigint, set_id bigint) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN h.area_set_id = set_id THEN h.id
                ELSE (SELECT a.id FROM areas a
                       WHERE a.area_set_id = set_id AND ST_Covers(a.geom, ST_PointOnSurface(h.geom))
                       ORDER BY a.id LIMIT 1) END
      FROM areas h WHERE h.id = home
$$;

-- Weeks start on Monday in the municipality's time zone (PLEIN_TIME_ZONE). The application writes
-- it here at start-up, and counts again when it has changed.
CREATE TABLE analysis_settings (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    time_zone  text    NOT NULL
);
INSERT INTO analysis_settings (time_zone) VALUES ('Europe/Amsterdam');

CREATE FUNCTION activity_week(at timestamptz, zone text) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT date_trunc('week', at AT TIME ZONE zone)::date
$$;

-- Each person who took part in a project, the first week they did, and their home area as their
-- account gives it (kept equal to it by accounts_home_trg), so that counting people by home reads
-- this narrow table alone.
CREATE TABLE activity_people (
    project_id    bigint NOT NULL,
    account_id    bigint NOT NULL,
    first_week    date   NOT NULL,
    home_area_id  bigint,
    PRIMARY KEY (project_id, account_id)
);
CREATE INDEX activity_people_account_idx ON activity_people (account_id);

CREATE FUNCTION activity_home_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activity_people SET home_area_id = NEW.home_area_id WHERE account_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER accounts_home_trg AFTER UPDATE OF home_area_id ON accounts
    FOR EACH ROW WHEN (NEW.home_area_id IS DISTINCT FROM OLD.home_area_id) EXECUTE FUNCTION activity_home_moved();

-- Each week a person took part in a project, with how many contributions they made in it.
CREATE TABLE activity_person_weeks (
    project_id     bigint  NOT NULL,
    account_id     bigint  NOT NULL,
    week           date    NOT NULL,
    contributions  integer NOT NULL CHECK (contributions > 0),
    PRIMARY KEY (project_id, account_id, week)
);

-- Each week of a project: the people who took part in it, and the contributions of each kind.
CREATE TABLE activity_weeks (
    project_id    bigint  NOT NULL,
    week          date    NOT NULL,
    participants  integer NOT NULL CHECK (participants >= 0),
    proposals     integer NOT NULL CHECK (proposals >= 0),
    variants      integer NOT NULL CHECK (variants >= 0),
    comments      integer NOT NULL CHECK (comments >= 0),
    supports      integer NOT NULL CHECK (supports >= 0),
    PRIMARY KEY (project_id, week)
);

-- Adds contributions of one kind (1 proposal, 2 variant, 3 comment, 4 support), given per project,
-- person and week (each triple once) with their number. Locks are taken in one order by every
-- writer, people before their weeks before the project's weeks, and in key order within each, so
-- concurrent writers wait for each other instead of deadlocking; an upsert that finds a row another
-- writer has just made adds to it, so nothing is counted twice.
CREATE FUNCTION activity_add(kind integer, projects bigint[], accounts bigint[], weeks date[], counts integer[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_people AS t (project_id, account_id, first_week, home_area_id)
    SELECT c.project_id, c.account_id, min(c.week), min(a.home_area_id)
      FROM unnest(projects, accounts, weeks) AS c (project_id, account_id, week)
      JOIN accounts a ON a.id = c.account_id
     GROUP BY c.project_id, c.account_id
     ORDER BY c.project_id, c.account_id
    ON CONFLICT (project_id, account_id) DO UPDATE SET first_week = excluded.first_week
     WHERE excluded.first_week < t.first_week;

    WITH person_week AS (
        INSERT INTO activity_person_weeks AS t (project_id, account_id, week, contributions)
        SELECT c.project_id, c.account_id, c.week, c.n
          FROM unnest(projects, accounts, weeks, counts) AS c (project_id, account_id, week, n)
         ORDER BY c.project_id, c.account_id, c.week
        ON CONFLICT (project_id, account_id, week) DO UPDATE SET contributions = t.contributions + excluded.contributions
        -- xmax is 0 on a row this statement inserted, and set on one it updated.
        RETURNING t.project_id, t.week, (t.xmax = 0) AS new_person
    ),
    change AS (
        SELECT c.project_id, c.week, sum(c.n)::integer AS n
          FROM unnest(projects, weeks, counts) AS c (project_id, week, n)
         GROUP BY c.project_id, c.week
    )
    INSERT INTO activity_weeks AS t (project_id, week, participants, proposals, variants, comments, supports)
    SELECT c.project_id, c.week, coalesce(pw.people, 0),
           CASE kind WHEN 1 THEN c.n ELSE 0 END, CASE kind WHEN 2 THEN c.n ELSE 0 END,
           CASE kind WHEN 3 THEN c.n ELSE 0 END, CASE kind WHEN 4 THEN c.n ELSE 0 END
      FROM change c
      LEFT JOIN (SELECT project_id, week, count(*) FILTER (WHERE new_person)::integer AS people
                   FROM person_week GROUP BY project_id, week) pw USING (project_id, week)
     ORDER BY c.project_id, c.week
    ON CONFLICT (project_id, week) DO UPDATE
       SET participants = t.participants + excluded.participants, proposals = t.proposals + excluded.proposals,
           variants = t.variants + excluded.variants, comments = t.comments + excluded.comments,
           supports = t.supports + excluded.supports;
END $$;

-- After an insert into proposals, variants, comments or supports (statement level, so a bulk load
-- costs one call): TG_ARGV[0] is the kind, TG_ARGV[1] the column naming the person.
CREATE FUNCTION activity_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone text := (SELECT time_zone FROM analysis_settings);
BEGIN
    EXECUTE format($q$
        SELECT activity_add($1, array_agg(project_id), array_agg(account_id), array_agg(week), array_agg(n))
          FROM (SELECT project_id, %I AS account_id, activity_week(created_at, $2) AS week, count(*)::integer AS n
                  FROM added GROUP BY 1, 2, 3) c
        HAVING count(*) > 0$q$, TG_ARGV[1])
        USING TG_ARGV[0]::integer, zone;
    RETURN NULL;
END $$;

-- After a delete (only supports are ever deleted: taking a support back). One pass per person and
-- week removed, in the same lock order as activity_add.
CREATE FUNCTION activity_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone  text := (SELECT time_zone FROM analysis_settings);
    kind  integer := TG_ARGV[0]::integer;
    r     record;
    left_over integer;
    first date;
BEGIN
    FOR r IN EXECUTE format($q$
            SELECT project_id, %I AS account_id, activity_week(created_at, $1) AS week, count(*)::integer AS n
              FROM removed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3$q$, TG_ARGV[1]) USING zone
    LOOP
        PERFORM 1 FROM activity_people WHERE project_id = r.project_id AND account_id = r.account_id FOR UPDATE;
        UPDATE activity_person_weeks SET contributions = contributions - r.n
         WHERE project_id = r.project_id AND account_id = r.account_id AND week = r.week
               AND contributions > r.n
        RETURNING contributions INTO left_over;
        IF left_over IS NULL THEN
            DELETE FROM activity_person_weeks
             WHERE project_id = r.project_id AND account_id = r.account_id AND week = r.week;
        END IF;
        UPDATE activity_weeks
           SET participants = participants - (left_over IS NULL)::integer,
               proposals = proposals - CASE kind WHEN 1 THEN r.n ELSE 0 END,
               variants = variants - CASE kind WHEN 2 THEN r.n ELSE 0 END,
               comments = comments - CASE kind WHEN 3 THEN r.n ELSE 0 END,
               supports = supports - CASE kind WHEN 4 THEN r.n ELSE 0 END
         WHERE project_id = r.project_id AND week = r.week;
        IF left_over IS NULL THEN
            first := (SELECT min(week) FROM activity_person_weeks
                       WHERE project_id = r.project_id AND account_id = r.account_id);
            IF first IS NULL THEN
                DELETE FROM activity_people WHERE project_id = r.project_id AND account_id = r.account_id;
            ELSE
                UPDATE activity_people SET first_week = first
                 WHERE project_id = r.project_id AND account_id = r.account_id;
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER proposals_activity_trg AFTER INSERT ON proposals REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION activity_added('1', 'author_id');
CREATE TRIGGER variants_activity_trg AFTER INSERT ON variants REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION activity_added('2', 'author_id');
CREATE TRIGGER comments_activity_trg AFTER INSERT ON comments REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION activity_added('3', 'author_id');
CREATE TRIGGER supports_activity_trg AFTER INSERT ON supports REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION activity_added('4', 'account_id');
CREATE TRIGGER supports_activity_removed_trg AFTER DELETE ON supports REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION activity_removed('4', 'account_id');
-- The project, the person and the time of a contribution are never changed after it is written.
CREATE FUNCTION activity_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the project, person and time of a contribution cannot be changed';
END $$;
CREATE TRIGGER proposals_activity_fixed_trg BEFORE UPDATE OF project_id, author_id, created_at ON proposals
    FOR EACH ROW WHEN (NEW.project_id <> OLD.project_id OR NEW.author_id <> OLD.author_id
                       OR NEW.created_at <> OLD.created_at)
    EXECUTE FUNCTION activity_fixed();
CREATE TRIGGER variants_activity_fixed_trg BEFORE UPDATE OF project_id, author_id, created_at ON variants
    FOR EACH ROW WHEN (NEW.project_id <> OLD.project_id OR NEW.author_id <> OLD.author_id
                       OR NEW.created_at <> OLD.created_at)
    EXECUTE FUNCTION activity_fixed();
CREATE TRIGGER comments_activity_fixed_trg BEFORE UPDATE OF project_id, author_id, created_at ON comments
    FOR EACH ROW WHEN (NEW.project_id <> OLD.project_id OR NEW.author_id <> OLD.author_id
                       OR NEW.created_at <> OLD.created_at)
    EXECUTE FUNCTION activity_fixed();
CREATE TRIGGER supports_activity_fixed_trg BEFORE UPDATE OF project_id, account_id, created_at ON supports
    FOR EACH ROW WHEN (NEW.project_id <> OLD.project_id OR NEW.account_id <> OLD.account_id
                       OR NEW.created_at <> OLD.created_at)
    EXECUTE FUNCTION activity_fixed();

-- Counts everything again from the contributions, in the time zone of analysis_settings: here for
-- what is already written, and by the application when PLEIN_TIME_ZONE has changed. Writers wait.
CREATE FUNCTION activity_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    zone text := (SELECT time_zone FROM analysis_settings);
BEGIN
    LOCK TABLE proposals, variants, comments, supports IN SHARE MODE;
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
