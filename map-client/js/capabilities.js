// What this server offers, read from its OpenAPI document. Some endpoints are newer than others
// (config, clusters, places, geocoding, the zoom parameter); asking the document first keeps the
// client from calling what is not there, and keeps the browser console free of 404s.

export async function loadCapabilities({ api }) {
  let document = null;
  try {
    document = await api.get('/api/openapi.json');
  } catch {
    document = { paths: {} };
  }
  const paths = document.paths ?? {};
  return {
    has(path) {
      return path in paths;
    },
    /** Whether a Feature schema's `properties` object describes the named member. */
    schemaHasProperty(schema, name) {
      const members = document.components?.schemas?.[schema]?.properties?.properties?.properties ?? {};
      return name in members;
    },
    hasQueryParameter(path, name) {
      const parameters = paths[path]?.get?.parameters ?? [];
      return parameters.some((p) => resolve(document, p)?.name === name);
    },
  };
}

function resolve(document, parameter) {
  const ref = parameter?.$ref;
  if (!ref) return parameter;
  return ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key], document);
}
