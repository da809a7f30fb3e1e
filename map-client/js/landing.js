// The landing page: lists the projects. Everything users wrote is set as text, never as HTML.

const STAGES = {
  think: 'Samen denken / Think together',
  decide: 'Besluiten / Decide',
  carry_out: 'Uitvoeren / Carry out',
  learn: 'Leren / Learn',
};

function projectItem(feature) {
  const p = feature.properties;
  const item = document.createElement('li');
  const title = document.createElement('h3');
  title.textContent = p.title;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const count = `${p.proposalCount} ${p.proposalCount === 1 ? 'voorstel' : 'voorstellen'}`;
  meta.textContent = `${STAGES[p.stage] ?? p.stage} · ${count} · ${p.open ? 'open' : 'gesloten / closed'}`;
  const summary = document.createElement('p');
  summary.textContent = p.summary;
  item.append(title, meta, summary);
  return item;
}

async function showProjects() {
  const status = document.getElementById('projects-status');
  const list = document.getElementById('projects');
  try {
    const response = await fetch('/api/projects', { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const collection = await response.json();
    list.replaceChildren(...collection.features.map(projectItem));
    status.textContent = collection.features.length === 0
      ? 'Er zijn nog geen projecten. / No projects yet.'
      : `${collection.features.length} projecten`;
  } catch (error) {
    status.textContent = 'Projecten konden niet worden geladen. / Projects could not be loaded.';
  }
}

showProjects();
