-- Whether the contribution is hidden now, with its row locked until the change is written.
-- <table> is the target's table, from ModerationStore.Target (never from the request). Parameter: :id.
SELECT hidden FROM <table> WHERE id = :id FOR UPDATE
