-- Whether a list filter's category can match: one the project lists (any project, when :project
-- is null). A project that lists no categories takes any; an unknown project counts as a match
-- (its list is empty anyway). Parameters: :project (or null), :category.
SELECT EXISTS (SELECT 1 FROM projects
                WHERE (CAST(:project AS bigint) IS NULL OR id = :project)
                  AND (:category = ANY (categories) OR cardinality(categories) = 0))
    OR (CAST(:project AS bigint) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects WHERE id = :project))
