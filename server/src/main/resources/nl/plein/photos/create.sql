-- A new photo on one target (<column> from PhotoTarget), both files written with its row.
INSERT INTO photos (<column>, alt, display, width, height, thumb, thumb_width, thumb_height, digest, author_id)
VALUES (:target, :alt, :display, :width, :height, :thumb, :thumbWidth, :thumbHeight, :digest, :author)
RETURNING id
