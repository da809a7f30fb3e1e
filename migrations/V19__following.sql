-- Following and notifications: a signed-in person follows a proposal, a work or a project and is
-- told what happens to it. Telling is set-based and lands with the event: triggers on the tables
-- that record events (decisions, work steps, comments) queue one notification per follower with
-- one INSERT ... SELECT in the writing transaction, so an event and its notifications land together
-- and ten thousand followers cost one statement. Votes open and close by the clock, so a scheduled
-- job notices each opening and closing once (vote_events) and queues the same way.
-- Nobody is told of their own action, nor of what they may not see (the rule of
-- proposals/Visibility, written in below with the follower as the viewer).

CREATE TABLE follows (
    account_id  bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('proposal', 'work', 'project')),
    target_id   bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, kind, target_id)
);
CREATE INDEX follows_target_idx ON follows (kind, target_id);

-- What a person is told of. source_id is the event's row: proposal_decisions.id (decision),
-- work_steps.id (step), comments.id (comment), votes.id (vote_opened, vote_closed). What it says is
-- read from that row when shown, so content hidden later is not shown either.
CREATE TABLE notifications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    event       text        NOT NULL CHECK (event IN ('decision', 'step', 'comment', 'vote_opened', 'vote_closed')),
    source_id   bigint      NOT NULL,
    project_id  bigint      NOT NULL REFERENCES projects (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- Once per person per event, however many of the things they follow it touches.
    UNIQUE (account_id, event, source_id)
);
CREATE INDEX notifications_account_idx ON notifications (account_id, id);

-- A person's marks and e-mail choice. No row: nothing read, nothing e-mailed, e-mail on, in the
-- default language. read_up_to and emailed_up_to are notification ids: everything up to them is
-- read, or was in an e-mail that went out (the digest moves the mark after each e-mail it sends,
-- so a crash sends at most the one e-mail in flight twice).
CREATE TABLE notification_settings (
    account_id     bigint  PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    email          boolean NOT NULL DEFAULT true,
    language       text    CHECK (language IN ('nl', 'en')),
    read_up_to     bigint  NOT NULL DEFAULT 0,
    emailed_up_to  bigint  NOT NULL DEFAULT 0,
    -- Random, in the one-click unsubscribe link of every digest. It can only turn e-mail off, so it
    -- is kept as it is (the digest needs it again), not hashed as sessions are.
    unsubscribe_token text UNIQUE
);

-- Each vote's opening and closing, once it has happened and been noticed.
CREATE TABLE vote_events (
    vote_id     bigint      NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    event       text        NOT NULL CHECK (event IN ('vote_opened', 'vote_closed')),
    noticed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vote_id, event)
);
-- What happened before following existed is not news.
INSERT INTO vote_events (vote_id, event)
SELECT id, 'vote_opened' FROM votes WHERE opens_at <= now()
UNION ALL
SELECT id, 'vote_closed' FROM votes WHERE closes_at <= now();

-- Authors follow their own proposals, from now on by trigger and for what exists already here.
INSERT INTO follows (account_id, kind, target_id, created_at)
SELECT author_id, 'proposal', id, created_at FROM proposals;

CREATE FUNCTION follow_own_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follows (account_id, kind, target_id) VALUES (NEW.author_id, 'proposal', NEW.id)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER proposals_follow_trg AFTER INSERT ON proposals
    FOR EACH ROW EXECUTE FUNCTION follow_own_proposal();

-- A decision: to followers of the proposal and of its project who may see the proposal as it now
-- stands (to_status), except whoever decided.
CREATE FUNCTION notify_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notifications (account_id, event, source_id, project_id)
    SELECT f.account_id, 'decision', NEW.id, p.project_id
    FROM proposals p
    JOIN follows f ON (f.kind = 'proposal' AND f.target_id = p.id)
                   OR (f.kind = 'project' AND f.target_id = p.project_id)
    JOIN accounts a ON a.id = f.account_id
    WHERE p.id = NEW.proposal_id
      AND f.account_id IS DISTINCT FROM NEW.decided_by
      AND NOT a.disabled
      AND (a.role <> 'resident' OR (NOT p.withdrawn AND (p.author_id = a.id
                                    OR (NOT p.hidden AND NEW.to_status <> 'submitted'))))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER proposal_decisions_notify_trg AFTER INSERT ON proposal_decisions
    FOR EACH ROW EXECUTE FUNCTION notify_decision();

-- A step of a work: to followers of the work and of its project, unless the step is hidden.
CREATE FUNCTION notify_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.hidden THEN
        RETURN NULL;
    END IF;
    INSERT INTO notifications (account_id, event, source_id, project_id)
    SELECT f.account_id, 'step', NEW.id, w.project_id
    FROM works w
    JOIN follows f ON (f.kind = 'work' AND f.target_id = w.id)
                   OR (f.kind = 'project' AND f.target_id = w.project_id)
    JOIN accounts a ON a.id = f.account_id
    WHERE w.id = NEW.work_id
      AND f.account_id IS DISTINCT FROM NEW.author_id
      AND NOT a.disabled
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER work_steps_notify_trg AFTER INSERT ON work_steps
    FOR EACH ROW EXECUTE FUNCTION notify_step();

-- A comment: to followers of the proposal (its author among them) who may see it, except the
-- commenter; not to the project's followers, for whom every comment would be too much.
CREATE FUNCTION notify_comment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.hidden OR NEW.withdrawn THEN
        RETURN NULL;
    END IF;
    INSERT INTO notifications (account_id, event, source_id, project_id)
    SELECT f.account_id, 'comment', NEW.id, p.project_id
    FROM proposals p
    JOIN follows f ON f.kind = 'proposal' AND f.target_id = p.id
    JOIN accounts a ON a.id = f.account_id
    WHERE p.id = NEW.proposal_id
      AND f.account_id <> NEW.author_id
      AND NOT a.disabled
      AND (a.role <> 'resident' OR (NOT p.withdrawn AND (p.author_id = a.id
                                    OR (NOT p.hidden AND p.status <> 'submitted'))))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER comments_notify_trg AFTER INSERT ON comments
    FOR EACH ROW EXECUTE FUNCTION notify_comment();
