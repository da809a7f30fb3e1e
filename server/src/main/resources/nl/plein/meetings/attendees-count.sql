-- How many people joined the meeting.
-- Parameters: :meeting.
SELECT count(*) FROM meeting_attendees WHERE meeting_id = :meeting
