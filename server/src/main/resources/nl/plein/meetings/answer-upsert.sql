-- A person's answer to a question; answering again replaces it. Parameters: :question, :account,
-- :choice (smallint, or NULL), :wkb (the pin as WKB in EPSG:4326, or NULL).
INSERT INTO meeting_answers (question_id, account_id, choice, geom)
VALUES (:question, :account, :choice, ST_GeomFromWKB(:wkb, 4326))
ON CONFLICT (question_id, account_id) DO UPDATE
   SET choice = excluded.choice, geom = excluded.geom, answered_at = now()
