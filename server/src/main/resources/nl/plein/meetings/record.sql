-- A closed meeting's stored record, as text exactly as stored; no row while the meeting is open.
-- Parameters: :meeting.
SELECT content::text FROM meeting_records WHERE meeting_id = :meeting
