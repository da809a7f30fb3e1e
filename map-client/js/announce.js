// The polite live region: short messages for screen reader users (loading done, a vertex added).
export function createAnnouncer(region) {
  let timer = null;
  return function announce(message) {
    clearTimeout(timer);
    region.textContent = '';
    // A fresh text node after a tick makes screen readers read a repeated message again.
    timer = setTimeout(() => { region.textContent = message; }, 50);
  };
}
