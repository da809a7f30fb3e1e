-- Records that the account joined the meeting; joining again changes nothing.
-- Parameters: :meeting, :account.
INSERT INTO meeting_attendees (meeting_id, account_id) VALUES (:meeting, :account) ON CONFLICT DO NOTHING
