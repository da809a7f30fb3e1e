-- A slide at :position of presentation :presentation; :view is the map view as JSON text.
INSERT INTO slides (presentation_id, position, title, text, view)
VALUES (:presentation, :position, :title, :text, :view::jsonb) RETURNING id
