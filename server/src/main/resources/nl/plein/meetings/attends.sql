-- Whether the account has joined the meeting: one row when it has, none otherwise.
-- Parameters: :meeting, :account.
SELECT 1 FROM meeting_attendees WHERE meeting_id = :meeting AND account_id = :account
