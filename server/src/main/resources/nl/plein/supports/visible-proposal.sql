-- Whether the viewer may see the proposal. Parameters: :proposal, and the visibility rule's
-- (<visible>, alias p).
SELECT EXISTS (SELECT 1 FROM proposals p WHERE p.id = :proposal AND <visible>)
