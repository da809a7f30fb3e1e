-- A new comment; :geometry (WKB, EPSG:4326), :parent and :meeting may be null. Parameters:
-- :proposal, :parent, :author, :body, :geometry, :meeting.
INSERT INTO comments (proposal_id, parent_id, author_id, body, geom, meeting_id)
VALUES (:proposal, :parent, :author, :body, ST_GeomFromWKB(:geometry, 4326), :meeting)
RETURNING id
