SELECT count(*) FROM slides WHERE presentation_id = :presentation
