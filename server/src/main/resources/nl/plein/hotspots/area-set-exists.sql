-- Whether boundary set :set exists (a row when it does).
SELECT true FROM area_sets WHERE id = :set
