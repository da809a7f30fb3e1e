// Builds DOM elements. Text only ever goes in as textContent or text nodes, never as HTML,
// so that what residents wrote cannot become markup.

/**
 * h('a', { href: '#/', class: 'card', text: 'Hi', on: { click } }, child, ...)
 * Options: class, text, on (event → listener), dataset; every other key becomes an attribute
 * (false/null/undefined leave it out, true sets it empty). Children: nodes, strings, or null.
 */
export function h(tag, options = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key === 'on') {
      for (const [type, listener] of Object.entries(value)) element.addEventListener(type, listener);
    } else if (key === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** A unique id for label/aria wiring. */
let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
