-- Whether another project already holds this position in the series. Parameters: :series, :position, :project.
SELECT EXISTS (SELECT 1 FROM series_rounds
                WHERE series_id = :series AND position = :position AND project_id <> :project)
