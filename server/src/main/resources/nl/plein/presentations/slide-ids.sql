SELECT id FROM slides WHERE presentation_id = :presentation
