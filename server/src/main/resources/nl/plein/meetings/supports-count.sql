-- How many supports were given during the meeting.
-- Parameters: :meeting.
SELECT count(*) FROM supports WHERE meeting_id = :meeting
