-- Puts project :project in series :series as round :label at :position (moving it if it was in another).
INSERT INTO series_rounds (project_id, series_id, label, position)
VALUES (:project, :series, :label, :position)
ON CONFLICT (project_id) DO UPDATE SET series_id = EXCLUDED.series_id, label = EXCLUDED.label,
                                       position = EXCLUDED.position
