-- Meetings: the one with :id, the one with join code :code, or a project's (:project), newest
-- first. <which> (the condition) and <lock> (none, FOR SHARE, FOR NO KEY UPDATE or FOR UPDATE) are
-- chosen in MeetingStore from fixed sets.
SELECT id, project_id, presentation_id, code, started_at, closed_at
  FROM meetings
 WHERE <which>
 ORDER BY id DESC
 <lock>
