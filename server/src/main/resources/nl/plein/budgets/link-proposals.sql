-- Item :item carries proposals :ids.
INSERT INTO ballot_item_proposals (item_id, proposal_id) SELECT :item, unnest(:ids)
