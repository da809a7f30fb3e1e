-- How many different people supported proposals during the meeting.
-- Parameters: :meeting.
SELECT count(DISTINCT account_id) FROM supports WHERE meeting_id = :meeting
