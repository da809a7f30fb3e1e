// The live meeting panel on the projector (join code, QR code, live feed, question results).
// This is a stand-in that shows nothing: the live-meeting part replaces this module. It is given
// the empty, hidden <aside id="live-panel"> and may return a function that unmounts it.
export function mountLivePanel(aside, { presentationId, projectId }) {
  return () => {};
}
