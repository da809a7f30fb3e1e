-- Links each area of set :set to the area of set :parentSet whose code is its parent code.
UPDATE areas a SET parent_id = p.id FROM areas p
 WHERE a.area_set_id = :set AND p.area_set_id = :parentSet AND p.code = a.parent_code
