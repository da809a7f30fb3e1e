-- Which of the proposals :ids are proposals of project :project that the viewer may see (<visible>).
SELECT p.id FROM proposals p WHERE p.project_id = :project AND p.id = ANY(:ids) AND <visible>
