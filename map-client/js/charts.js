// Small SVG charts for the participation dashboard, built with DOM calls (no markup strings), so
// they pass the Content-Security-Policy and carry their own title and description for screen
// readers. Colours and sizes are attributes or classes in plein.css, never style attributes.

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') element.textContent = value;
    else element.setAttribute(key, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

let counter = 0;
function titled(root, title, description) {
  counter += 1;
  const titleId = `chart-title-${counter}`;
  const descId = `chart-desc-${counter}`;
  root.setAttribute('role', 'img');
  root.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  root.prepend(svg('title', { id: titleId, text: title }), svg('desc', { id: descId, text: description }));
  return root;
}

/**
 * The Lorenz curve: cumulative share of participants against cumulative share of population,
 * areas ordered from the least to the most taking part. The diagonal is perfect equality.
 * points: [{population, participants}] as fractions 0..1.
 */
export function lorenzChart({ points, title, description, labels, id }) {
  const size = 240;
  const pad = 36;
  const plot = size - pad - 8;
  const x = (f) => pad + f * plot;
  const y = (f) => 8 + (1 - f) * plot;
  const curve = [{ population: 0, participants: 0 }, ...points]
    .map((p) => `${x(p.population).toFixed(1)},${y(p.participants).toFixed(1)}`).join(' ');
  const root = svg('svg', { viewBox: `0 0 ${size} ${size}`, class: 'chart lorenz', id },
    svg('rect', { x: x(0), y: y(1), width: plot, height: plot, class: 'chart-frame' }),
    svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: 'chart-equality' }),
    svg('polyline', { points: curve, class: 'chart-line' }),
    svg('text', { x: x(0.42), y: y(0.48), transform: `rotate(-45 ${x(0.42)} ${y(0.48)})`, 'text-anchor': 'middle', class: 'chart-tick', text: labels.equality }),
    svg('text', { x: x(0.5), y: size - 6, 'text-anchor': 'middle', class: 'chart-label', text: labels.x }),
    svg('text', { x: 12, y: y(0.5), 'text-anchor': 'middle', transform: `rotate(-90 12 ${y(0.5)})`, class: 'chart-label', text: labels.y }),
    svg('text', { x: x(0), y: y(0) + 14, 'text-anchor': 'middle', class: 'chart-tick', text: '0' }),
    svg('text', { x: x(1), y: y(0) + 14, 'text-anchor': 'end', class: 'chart-tick', text: '100%' }),
    svg('text', { x: x(0) - 4, y: y(1) + 4, 'text-anchor': 'end', class: 'chart-tick', text: '100%' }));
  for (const p of points) {
    root.append(svg('circle', { cx: x(p.population).toFixed(1), cy: y(p.participants).toFixed(1), r: 2, class: 'chart-point' }));
  }
  return titled(root, title, description);
}

/**
 * Bars for a weekly series. values: numbers, or null where the figure is hidden (drawn as a
 * hatched stub so a gap is not read as zero).
 */
export function barChart({ values, title, description, id }) {
  const barWidth = 12;
  const gap = 3;
  const height = 120;
  const width = Math.max(1, values.length) * (barWidth + gap) + gap;
  const max = Math.max(1, ...values.filter((v) => typeof v === 'number'));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height + 2}`, class: 'chart bars', id, preserveAspectRatio: 'none' });
  root.append(svg('line', { x1: 0, y1: height, x2: width, y2: height, class: 'chart-axis' }));
  values.forEach((value, i) => {
    const left = gap + i * (barWidth + gap);
    if (typeof value === 'number') {
      const h = (value / max) * (height - 4);
      root.append(svg('rect', { x: left, y: height - h, width: barWidth, height: h, class: 'chart-bar' }));
    } else {
      root.append(svg('rect', { x: left, y: height - 6, width: barWidth, height: 6, class: 'chart-bar-hidden' }));
    }
  });
  return titled(root, title, description);
}
