-- :geom is NULL for a comment without a pin; :parent NULL for one that answers none.
INSERT INTO comments (proposal_id, parent_id, author_id, body, geom, hidden, created_at, updated_at)
VALUES (:proposal, :parent::bigint, :author, :body, ST_GeomFromWKB(:geom, 4326), :hidden, :createdAt, :createdAt)
