-- An area's code and name (for the letters' mail merge). Parameter: :area.
SELECT a.code, a.name FROM areas a WHERE a.id = :area
