-- A new series of rounds, made by :account; answered as the series JSON without rounds.
INSERT INTO series (name, created_by) VALUES (:name, :account) RETURNING id
