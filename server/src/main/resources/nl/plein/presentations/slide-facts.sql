-- Where slide :id belongs: its presentation and that presentation's project.
SELECT s.presentation_id, p.project_id
  FROM slides s JOIN presentations p ON p.id = s.presentation_id
 WHERE s.id = :id
