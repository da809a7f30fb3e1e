-- The language of project :project (it names the city-wide pot); no row when there is no such project.
SELECT language FROM projects WHERE id = :project
