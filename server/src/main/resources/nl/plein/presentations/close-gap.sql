-- Moves the slides after :position of presentation :presentation up by one, closing its gap.
UPDATE slides SET position = position - 1 WHERE presentation_id = :presentation AND position > :position
