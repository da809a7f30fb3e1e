-- What an admin's change depends on, with the row locked until the change is written. Parameter: :id.
SELECT guest, role FROM accounts WHERE id = :id FOR UPDATE
