// #/projects/{id} — the project's map and the list of proposals in view, kept in sync, with
// filters that apply to both, and a list-only view for people who do not use the map.
import L from '../leaflet.js';
import { h, append } from '../dom.js';
import { viewSwitch } from '../blocks.js';
import { createMap, destroyMap, addProjectArea, shapeLayer, COLOURS } from '../map.js';
import { createProposalFeed } from '../proposal-feed.js';
import { projectForPage, STATUSES, plans } from '../projects.js';
import { isAbort } from '../api.js';
import { voteBlock } from '../votes/project-block.js';
import { worksLink } from '../works/project-link.js';
import { learningLink } from '../learning/project-link.js';
import { followButton, feedLink } from '../following/follow-button.js';

export async function projectPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const p = project.properties;
  const filterState = { category: '', status: '', q: '' };
  const filters = () => ({ ...filterState });

  const listStatus = h('p', { role: 'status', class: 'list-status', text: t('list.loading') });
  const list = h('ul', { class: 'proposal-list', id: 'proposal-list' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, text: t('list.more') });
  const mapElement = h('div', { id: 'project-map' });
  const split = h('div', { class: 'split' },
    mapElement,
    h('section', { class: 'list-pane', 'aria-labelledby': 'list-heading' },
      h('h2', { id: 'list-heading', text: t('list.heading') }), listStatus, list, more));

  append(container, [
    h('h1', { tabindex: '-1', text: p.title }),
    h('p', { class: 'meta' },
      h('span', { class: `badge stage-${p.stage}`, text: t(`stage.${p.stage}`) }), ' ',
      p.open ? t('projects.open') : t('projects.closed')),
    h('p', { class: 'lead', text: p.summary }),
    h('p', { class: 'report-link' }, h('a', {
      id: 'report-link', href: `/reports/projects/${project.id}?lang=${ctx.i18n.language}`, text: t('project.report'),
    }), ' · ', feedLink({ ctx, projectId: project.id, signal })),
    followButton({ ctx, kind: 'project', id: project.id }),
    p.open ? h('p', {}, h('a', { class: 'button', id: 'new-proposal-link', href: `#/projects/${project.id}/new`, text: t('project.newProposal') })) : null,
    plans(ctx) ? h('p', { class: 'planner-links' },
      h('a', { id: 'votes-admin-link', href: `#/projects/${project.id}/votes/new`, text: t('voteAdmin.projectLink') }), ' · ',
      h('a', { id: 'participation-link', href: `#/projects/${project.id}/participation`, text: t('project.participation') }), ' · ',
      h('a', { id: 'analysis-link', href: `#/projects/${project.id}/analysis`, text: t('project.analysis') }), ' · ',
      h('a', { id: 'presentations-link', href: `#/projects/${project.id}/presentations`, text: t('project.presentations') })) : null,
    voteBlock({ ctx, projectId: project.id, signal }),
    worksLink({ ctx, project, signal }),
    learningLink({ ctx, project, signal }),
    filterForm({ ctx, project, filterState, onChange: () => { view.reload(); apart.reload(); } }),
    viewSwitch({ ctx, onChange: (listOnly) => view.setListOnly(listOnly) }),
    split,
  ]);
  // Proposals about the whole area have no place on the map: they are listed apart, below it.
  const apart = wholeAreaList({ ctx, project, filters });
  container.append(apart.element);

  const map = createMap({ element: mapElement, ctx, label: t('project.mapLabel', { title: p.title }) });
  addProjectArea({ map, project });
  // Every way into a proposal from the map (a shape, a cluster of one, a dot on a tile) goes here.
  const openProposal = (id) => ctx.router.go(`#/proposals/${id}`);
  const shown = proposalsShown({ ctx, map, list, listStatus, openProposal });

  const feed = createProposalFeed({
    ctx, map, projectId: project.id, proposalCount: p.proposalCount, filters,
    onProposals: shown.proposals,
    onClusters: shown.clusters,
    onTiles: shown.tiles,
    onOpen: openProposal,
    onError: () => { listStatus.textContent = t('list.failed'); },
  });

  const view = listOnlyController({ ctx, project, filters, split, list, listStatus, more, map, feed });
  signal.addEventListener('abort', () => {
    feed.destroy();
    view.destroy();
    apart.destroy();
    destroyMap(map);
  });
  feed.reload();
  apart.reload();
  return { title: p.title };
}

/**
 * What the feed found, on the map and in the list: the proposals themselves (shapes linked to
 * their list items), clusters with the newest proposals listed, or tiles with the newest listed.
 */
function proposalsShown({ ctx, map, list, listStatus, openProposal }) {
  const { t } = ctx.i18n;
  const layers = { shapes: L.featureGroup().addTo(map), clusters: L.layerGroup().addTo(map) };
  const byId = new Map();
  return {
    proposals(features, { more: truncated }) {
      layers.clusters.clearLayers();
      layers.shapes.clearLayers();
      byId.clear();
      for (const feature of features) {
        const layer = shapeLayer({ data: feature, colour: COLOURS.proposal });
        layer.on('click', () => openProposal(feature.id));
        // A DOM node, never a string: Leaflet puts a string tooltip in as HTML, and titles are what residents wrote.
        layer.bindTooltip(h('span', { text: feature.properties.title }));
        layers.shapes.addLayer(layer);
        byId.set(feature.id, layer);
      }
      list.replaceChildren(...features.map((feature) => listItem({ ctx, feature, layer: byId.get(feature.id) })));
      listStatus.textContent = truncated
        ? t('list.truncated', { count: features.length })
        : t('list.inView', { count: features.length });
    },
    clusters(features, { newest }) {
      layers.shapes.clearLayers();
      layers.clusters.clearLayers();
      byId.clear();
      let total = 0;
      for (const feature of features) {
        total += feature.properties.count;
        layers.clusters.addLayer(clusterMarker({ ctx, map, feature, openProposal }));
      }
      list.replaceChildren(...newest.map((feature) => listItem({ ctx, feature })));
      listStatus.textContent = total > newest.length
        ? t('list.newestOf', { count: total, shown: newest.length })
        : t('list.inView', { count: total });
    },
    // The map is drawn from vector tiles; the list holds the newest proposals in view.
    tiles(features, { more: truncated }) {
      layers.shapes.clearLayers();
      layers.clusters.clearLayers();
      byId.clear();
      list.replaceChildren(...features.map((feature) => listItem({ ctx, feature })));
      listStatus.textContent = truncated
        ? t('list.truncated', { count: features.length })
        : t('list.inView', { count: features.length });
    },
  };
}

function filterForm({ ctx, project, filterState, onChange }) {
  const { t } = ctx.i18n;
  const categories = project.properties.categories ?? [];
  const category = h('select', { id: 'filter-category', name: 'category' },
    h('option', { value: '', text: t('filter.anyCategory') }),
    categories.map((c) => h('option', { value: c, text: c })));
  const status = h('select', { id: 'filter-status', name: 'status' },
    h('option', { value: '', text: t('filter.anyStatus') }),
    STATUSES.map((s) => h('option', { value: s, text: t(`status.${s}`) })));
  const search = h('input', { id: 'filter-search', name: 'q', type: 'search', autocomplete: 'off' });
  let timer = null;
  const update = () => {
    Object.assign(filterState, { category: category.value, status: status.value, q: search.value.trim() });
    onChange();
  };
  category.addEventListener('change', update);
  status.addEventListener('change', update);
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
  return h('form', { class: 'filters', role: 'search', 'aria-label': t('filter.label'), on: { submit: (e) => { e.preventDefault(); update(); } } },
    categories.length ? field('filter-category', t('filter.category'), category) : null,
    field('filter-status', t('filter.status'), status),
    field('filter-search', t('filter.search'), search));
}

// In list-only view the list pages through the whole project (50 at a time) instead of the view.
function listOnlyController({ ctx, project, filters, split, list, listStatus, more, map, feed }) {
  const { t } = ctx.i18n;
  let listOnly = false;
  let next = null;
  let controller = null;

  async function loadPage(append) {
    controller?.abort();
    controller = new AbortController();
    try {
      const data = next && append
        ? await ctx.api.get(next, { signal: controller.signal })
        : await ctx.api.get('/api/proposals', {
          query: { project: project.id, place: 'located', limit: 50, ...filters() }, signal: controller.signal,
        });
      const items = data.features.map((feature) => listItem({ ctx, feature }));
      if (append) list.append(...items);
      else list.replaceChildren(...items);
      const link = (data.links ?? []).find((l) => l.rel === 'next');
      next = link ? sameOrigin(link.href) : null;
      more.hidden = !next;
      listStatus.textContent = t('list.shown', { count: list.children.length });
    } catch (error) {
      if (!isAbort(error)) listStatus.textContent = t('list.failed');
    }
  }
  more.addEventListener('click', () => loadPage(true));

  return {
    setListOnly(value) {
      listOnly = value;
      split.classList.toggle('list-only', listOnly);
      if (listOnly) loadPage(false);
      else {
        more.hidden = true;
        map.invalidateSize();
        feed.reload();
      }
    },
    reload() {
      if (listOnly) loadPage(false);
      else feed.reload();
    },
    destroy() { controller?.abort(); },
  };
}

/** At most this many pages of proposals about the whole area are listed (more is shown as "500+"). */
const APART_PAGES = 10;

// The proposals about the whole area, no particular place (place=whole_area), with the same filters
// as the map and list; never drawn on the map. The heading counts them.
function wholeAreaList({ ctx, project, filters }) {
  const { t } = ctx.i18n;
  const heading = h('h2', { id: 'whole-area-heading', text: t('project.wholeArea', { count: 0 }) });
  const list = h('ul', { class: 'proposal-list', id: 'whole-area-list' });
  const status = h('p', { class: 'list-status', id: 'whole-area-status', role: 'status' });
  const element = h('section', { class: 'whole-area-pane', id: 'whole-area', 'aria-labelledby': 'whole-area-heading' },
    heading, h('p', { class: 'hint', text: t('project.wholeAreaHint') }), status, list);
  let controller = null;

  async function reload() {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    try {
      const features = [];
      let next = null;
      let pages = 0;
      do {
        const data = next
          ? await ctx.api.get(next, { signal })
          : await ctx.api.get('/api/proposals', { query: { project: project.id, place: 'whole_area', limit: 50, ...filters() }, signal });
        features.push(...data.features);
        const link = (data.links ?? []).find((l) => l.rel === 'next');
        next = link ? sameOrigin(link.href) : null;
        pages += 1;
      } while (next && pages < APART_PAGES);
      heading.textContent = next
        ? t('project.wholeAreaMore', { count: features.length })
        : t('project.wholeArea', { count: features.length });
      list.replaceChildren(...features.map((feature) => listItem({ ctx, feature })));
      status.textContent = features.length ? '' : t('project.wholeAreaNone');
    } catch (error) {
      if (!isAbort(error)) status.textContent = t('list.failed');
    }
  }

  return { element, reload, destroy() { controller?.abort(); } };
}

function sameOrigin(href) {
  const url = new URL(href, location.href);
  return `${url.pathname}${url.search}`;
}

export function listItem({ ctx, feature, layer }) {
  const { t } = ctx.i18n;
  const p = feature.properties;
  const item = h('li', { class: 'proposal-item', dataset: { proposalId: feature.id } },
    h('a', { href: `#/proposals/${feature.id}`, text: p.title }),
    h('p', { class: 'meta' },
      p.category ? `${p.category} · ` : '',
      h('span', { class: `badge status-${p.status}`, text: t(`status.${p.status}`) }),
      ' · ',
      t('support.count', { count: p.supportCount })));
  if (layer) {
    const on = () => {
      layer.setStyle({ color: COLOURS.highlight, fillColor: COLOURS.highlight, weight: 5 });
      layer.eachLayer((l) => l.bringToFront?.());
      item.classList.add('highlighted');
    };
    const off = () => {
      layer.setStyle({ color: COLOURS.proposal, fillColor: COLOURS.proposal, weight: 3 });
      item.classList.remove('highlighted');
    };
    item.addEventListener('mouseenter', on);
    item.addEventListener('mouseleave', off);
    item.addEventListener('focusin', on);
    item.addEventListener('focusout', off);
  }
  return item;
}

function clusterMarker({ ctx, map, feature, openProposal }) {
  const { count, bbox, proposalId } = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const label = ctx.i18n.t('cluster.label', { count });
  const size = count > 99 ? 48 : 40;
  const marker = L.marker([lat, lon], {
    icon: L.divIcon({ className: 'cluster', html: '', iconSize: [size, size] }),
    title: label,
  });
  marker.on('add', () => {
    const element = marker.getElement();
    element.setAttribute('aria-label', label);
    element.textContent = ctx.i18n.formatNumber(count);
  });
  marker.on('click', () => {
    if (count === 1 && proposalId) openProposal(proposalId);
    else if (bbox) map.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]]);
    else map.setView([lat, lon], map.getZoom() + 2);
  });
  return marker;
}
