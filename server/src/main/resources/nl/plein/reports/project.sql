-- What a report says of its project: title, summary, stage, and the metric CRS it is analysed in.
SELECT title, summary, stage, metric_srid FROM projects WHERE id = :project
