-- The comment a reply answers: its proposal, and whether it was removed. Parameter: :parent.
SELECT proposal_id, hidden OR withdrawn FROM comments WHERE id = :parent
