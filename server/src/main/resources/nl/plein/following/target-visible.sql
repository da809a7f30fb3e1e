-- Whether the viewer may see what they ask to follow: a proposal by the one visibility rule
-- (proposals/Visibility, alias p), a work or a project always (both are public).
-- Parameters: :kind, :id, :staff, :viewer.
SELECT CASE :kind
         WHEN 'proposal' THEN EXISTS (SELECT 1 FROM proposals p WHERE p.id = :id AND <visible>)
         WHEN 'work' THEN EXISTS (SELECT 1 FROM works WHERE id = :id)
         WHEN 'project' THEN EXISTS (SELECT 1 FROM projects WHERE id = :id)
       END
