-- All the money of a round, located or not: the budgets of its works (cancelled ones left out) and
-- the costs of funded ballot items not carried out as a work. Parameters: :project.
SELECT (SELECT coalesce(sum(w.budget), 0) FROM works w WHERE w.project_id = :project AND w.status <> 'cancelled')
     + (SELECT coalesce(sum(i.cost), 0)
          FROM ballot_items i
          JOIN votes v ON v.id = i.vote_id
          JOIN vote_results r ON r.pot_id = i.pot_id AND r.rule = v.rule AND r.item_id = i.id
         WHERE v.project_id = :project AND r.funded_order IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM works w WHERE w.item_id = i.id)) AS euros
