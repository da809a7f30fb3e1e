-- Hides or restores the contribution. <table> as in lock.sql. Parameters: :id, :hidden.
UPDATE <table> SET hidden = :hidden WHERE id = :id
