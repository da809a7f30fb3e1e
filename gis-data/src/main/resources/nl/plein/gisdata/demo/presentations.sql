-- A presentation for a council evening on each project of :projects, so that the projector, a live
-- meeting and its record have something to show: all proposals, their clusters, participation per
-- buurt of set :set, and (where there are any) the most supported accepted or realised proposals
-- with their variants. Each slide's view spans the project's area.
WITH shown AS (
    INSERT INTO presentations (project_id, title, created_by, created_at, updated_at)
    SELECT id, 'Raadsinformatieavond: ' || title, created_by, updated_at, updated_at
      FROM projects WHERE id = ANY (:projects)
    RETURNING id, project_id, created_at
), chosen AS (
    SELECT p.project_id, jsonb_agg(p.id ORDER BY p.support_count DESC, p.id) AS ids
      FROM (SELECT project_id, id, support_count,
                   row_number() OVER (PARTITION BY project_id ORDER BY support_count DESC, id) AS rank
              FROM proposals
             WHERE project_id = ANY (:projects) AND status IN ('accepted', 'realised')
               AND NOT hidden AND NOT withdrawn) p
     WHERE p.rank <= 5
     GROUP BY p.project_id
)
INSERT INTO slides (presentation_id, position, title, text, view, created_at, updated_at)
SELECT shown.id, slide.position, slide.title, slide.text,
       jsonb_build_object('bbox', jsonb_build_array(ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)),
                          'basemap', false, 'layers', slide.layers),
       shown.created_at, shown.created_at
  FROM shown
  JOIN projects ON projects.id = shown.project_id
  LEFT JOIN chosen ON chosen.project_id = shown.project_id
 CROSS JOIN LATERAL (SELECT ST_Expand(Box2D(projects.area), (ST_XMax(projects.area) - ST_XMin(projects.area)) * 0.04,
                                 (ST_YMax(projects.area) - ST_YMin(projects.area)) * 0.04) AS box) extent
 CROSS JOIN LATERAL (VALUES
       (1, 'Alle voorstellen', 'Wat bewoners voorstelden, per status.',
        jsonb_build_object('proposals', jsonb_build_object('statuses',
            jsonb_build_array('published', 'under_consideration', 'accepted', 'rejected', 'realised')))),
       (2, 'Waar voorstellen samenkomen', 'Groepen van ten minste vijf voorstellen op hoogstens 25 meter van elkaar.',
        jsonb_build_object('clusters', jsonb_build_object('eps', 25, 'minPoints', 5))),
       (3, 'Wie deed mee, en wie nog niet?', 'Deelnemers per 1.000 inwoners per buurt.',
        jsonb_build_object('participation', jsonb_build_object('set', :set::bigint))),
       (4, 'Wat we kozen', 'De meest gesteunde aangenomen voorstellen, met hun varianten.',
        CASE WHEN chosen.ids IS NULL THEN NULL
             ELSE jsonb_build_object('chosen', jsonb_build_object('proposalIds', chosen.ids, 'variants', true)) END)
 ) AS slide (position, title, text, layers)
 WHERE slide.layers IS NOT NULL
