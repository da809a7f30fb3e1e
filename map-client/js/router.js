// Hash routes → page functions. Each page gets a fresh <main> content, an AbortSignal that fires
// when the person leaves it, and returns { title } once it has rendered. Focus then moves to the
// page's h1, so screen reader and keyboard users start at the top of the new page.

export function createRouter({ routes, notFound, outlet, onRender }) {
  let current = null;
  let firstRender = true;
  let shownHash = null;
  let previousHash = null;

  async function render() {
    const hash = location.hash.replace(/^#/, '') || '/';
    if (hash !== shownHash) {
      previousHash = shownHash;
      shownHash = hash;
    }
    current?.controller.abort();
    const controller = new AbortController();
    current = { controller };
    const match = findRoute(routes, hash) ?? { page: notFound, params: {} };
    const container = document.createElement('div');
    container.className = 'page';
    outlet.replaceChildren(container);
    const result = await match.page({ container, params: match.params, signal: controller.signal });
    if (controller.signal.aborted) return;
    onRender({ title: result?.title });
    if (!firstRender) container.querySelector('h1')?.focus();
    firstRender = false;
  }

  return {
    start() {
      window.addEventListener('hashchange', render);
      return render();
    },
    refresh: render,
    /** The page shown before this one (e.g. to return to after signing in), or null. */
    get previous() { return previousHash; },
    go(hash) {
      if (location.hash === hash) render();
      else location.hash = hash;
    },
  };
}

function findRoute(routes, hash) {
  for (const [pattern, page] of routes) {
    const names = [];
    // Ids are numbers; a meeting's join code is letters and digits.
    const regex = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (all, name) => {
      names.push(name);
      return name === 'code' ? '([A-Za-z0-9]{1,12})' : '(\\d+)';
    })}$`);
    const found = hash.match(regex);
    if (found) {
      return { page, params: Object.fromEntries(names.map((name, i) => [name, found[i + 1]])) };
    }
  }
  return null;
}
