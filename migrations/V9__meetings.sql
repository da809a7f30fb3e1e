-- Live meetings: a planner starts a meeting on a project; people in the room join with a short code
-- and comment, support and answer questions from their phones; closing freezes a record of it.

-- Guests: made by joining a meeting with a display name (and optionally a home neighbourhood, never
-- an address). They have no email and no password, so they can never sign in; they act through a
-- normal session, and only through the meeting endpoints. Every other account keeps both.
ALTER TABLE accounts ADD COLUMN guest boolean NOT NULL DEFAULT false;
ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL, ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE accounts ADD CONSTRAINT accounts_guest_check CHECK (
    CASE WHEN guest THEN email IS NULL AND password_hash IS NULL AND role = 'resident'
         ELSE email IS NOT NULL AND password_hash IS NOT NULL END);

-- presentation_id names a presentation of the same project (checked when a meeting starts). A
-- presentation deleted later leaves the meeting without one: its record keeps its own copy of the slides.
CREATE TABLE meetings (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       bigint      NOT NULL REFERENCES projects (id),
    presentation_id  bigint      REFERENCES presentations (id) ON DELETE SET NULL,
    -- Six characters people can read off a screen: no 0/O or 1/I.
    code             text        NOT NULL UNIQUE CHECK (code ~ '^[2-9A-HJ-NP-Z]{6}$'),
    started_by       bigint      NOT NULL REFERENCES accounts (id),
    started_at       timestamptz NOT NULL DEFAULT now(),
    closed_at        timestamptz,
    CHECK (closed_at IS NULL OR closed_at >= started_at)
);
-- At most one open meeting per project; also how triggers find a project's open meeting.
CREATE UNIQUE INDEX meetings_open_idx ON meetings (project_id) WHERE closed_at IS NULL;

CREATE TABLE meeting_attendees (
    meeting_id  bigint      NOT NULL REFERENCES meetings (id),
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    joined_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, account_id)
);
CREATE INDEX meeting_attendees_account_idx ON meeting_attendees (account_id);

-- A question put to the room: a choice among 2 to 8 options, or "put a pin where ...".
CREATE TABLE meeting_questions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  bigint      NOT NULL REFERENCES meetings (id),
    kind        text        NOT NULL CHECK (kind IN ('choice', 'pin')),
    prompt      text        NOT NULL CHECK (length(btrim(prompt)) > 0),
    options     text[]      NOT NULL DEFAULT '{}',
    opened_at   timestamptz NOT NULL DEFAULT now(),
    closed_at   timestamptz,
    CHECK (CASE kind WHEN 'choice' THEN cardinality(options) BETWEEN 2 AND 8 ELSE cardinality(options) = 0 END)
);
CREATE INDEX meeting_questions_meeting_idx ON meeting_questions (meeting_id, id);
CREATE UNIQUE INDEX meeting_questions_open_idx ON meeting_questions (meeting_id) WHERE closed_at IS NULL;

-- One answer per person per question: answering again changes it. The id names an answer in the
-- moderation log.
CREATE TABLE meeting_answers (
    question_id  bigint      NOT NULL REFERENCES meeting_questions (id),
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    id           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    choice       smallint    CHECK (choice BETWEEN 0 AND 7),
    geom         geometry(Point, 4326),
    hidden       boolean     NOT NULL DEFAULT false,
    answered_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (question_id, account_id),
    CHECK ((choice IS NULL) <> (geom IS NULL))
);

-- What was shown, frozen when the meeting closed; never changed afterwards.
CREATE TABLE meeting_records (
    meeting_id  bigint      PRIMARY KEY REFERENCES meetings (id),
    closed_at   timestamptz NOT NULL,
    content     jsonb       NOT NULL
);

-- Contributions made in a meeting name it.
ALTER TABLE comments ADD COLUMN meeting_id bigint REFERENCES meetings (id);
ALTER TABLE supports ADD COLUMN meeting_id bigint REFERENCES meetings (id);
CREATE INDEX comments_meeting_idx ON comments (meeting_id, id) WHERE meeting_id IS NOT NULL;
CREATE INDEX supports_meeting_idx ON supports (meeting_id) WHERE meeting_id IS NOT NULL;

ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_target_kind_check,
    ADD CONSTRAINT moderation_log_target_kind_check
        CHECK (target_kind IN ('proposal', 'variant', 'comment', 'answer'));

-- A comment and a support on one project at once could deadlock: a support locks its proposal's row
-- (the count) and then, through the proposals' statement trigger, the project's analysis version,
-- before its activity rows; a comment's statement triggers fire by name, so it took the activity
-- rows first and the proposal and version after (its unpinned count). 200 people in one room act on
-- one project at once, so the comment's count now goes first, in the order a support takes them.
ALTER TRIGGER comments_unpinned_count_trg ON comments RENAME TO comments_0_unpinned_count_trg;

-- Live updates: after a statement that changes what a meeting shows, the meeting's id is sent on the
-- channel plein_meeting (the application listens and pushes the new state to the screens). Only
-- meetings that are open are told; a project without one costs a look at an empty partial index.
-- Statement level with transition tables, so a bulk write notifies once; PostgreSQL folds equal
-- notifications of one transaction into one.
CREATE FUNCTION meeting_notify_projects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('plein_meeting', m.id::text)
       FROM meetings m
      WHERE m.closed_at IS NULL AND m.project_id IN (SELECT project_id FROM changed);
    RETURN NULL;
END $$;

CREATE FUNCTION meeting_notify_meetings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('plein_meeting', id::text)
       FROM (SELECT DISTINCT meeting_id AS id FROM changed) m;
    RETURN NULL;
END $$;

CREATE FUNCTION meeting_notify_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('plein_meeting', m.id::text)
       FROM (SELECT DISTINCT q.meeting_id AS id FROM changed a JOIN meeting_questions q ON q.id = a.question_id) m;
    RETURN NULL;
END $$;

CREATE TRIGGER comments_meeting_insert_trg AFTER INSERT ON comments REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_projects();
CREATE TRIGGER comments_meeting_update_trg AFTER UPDATE ON comments REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_projects();
CREATE TRIGGER supports_meeting_insert_trg AFTER INSERT ON supports REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_projects();
CREATE TRIGGER supports_meeting_delete_trg AFTER DELETE ON supports REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_projects();
CREATE TRIGGER proposals_meeting_insert_trg AFTER INSERT ON proposals REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_projects();
CREATE TRIGGER proposals_meeting_update_trg AFTER UPDATE ON proposals REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_projects();
CREATE TRIGGER meeting_attendees_notify_trg AFTER INSERT ON meeting_attendees REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_meetings();
CREATE TRIGGER meeting_questions_insert_trg AFTER INSERT ON meeting_questions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_meetings();
CREATE TRIGGER meeting_questions_update_trg AFTER UPDATE ON meeting_questions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_meetings();
CREATE TRIGGER meeting_answers_insert_trg AFTER INSERT ON meeting_answers REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_answers();
CREATE TRIGGER meeting_answers_update_trg AFTER UPDATE ON meeting_answers REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_notify_answers();
-- Closing a meeting: the screens learn that it is over.
CREATE FUNCTION meeting_notify_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('plein_meeting', NEW.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER meetings_closed_trg AFTER UPDATE OF closed_at ON meetings
    FOR EACH ROW EXECUTE FUNCTION meeting_notify_closed();
