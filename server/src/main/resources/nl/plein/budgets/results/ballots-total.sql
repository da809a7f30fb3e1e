-- All ballots of a vote, every channel.
SELECT count(*) FROM ballots WHERE vote_id = :vote
