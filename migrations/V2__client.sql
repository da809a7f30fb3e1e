-- What the residents' map client needs beyond the foundation: how a location was given, a
-- project's default language, and named places to choose from without using the map.

-- How the resident gave the location: drawn on the map, with the keyboard drawing mode, by
-- choosing a neighbourhood or a named place, or by typing an address. Older rows were drawn.
ALTER TABLE proposals
    ADD COLUMN location_method text NOT NULL DEFAULT 'map'
        CHECK (location_method IN ('map', 'keyboard', 'area', 'place', 'address'));

ALTER TABLE projects
    ADD COLUMN language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));

-- Named places of a project ("De fontein", "Ingang park"), offered where a map is not used.
CREATE TABLE places (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint      NOT NULL REFERENCES projects (id),
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    geom        geometry(Point, 4326) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX places_geom_idx ON places USING gist (geom);
CREATE INDEX places_project_idx ON places (project_id);
