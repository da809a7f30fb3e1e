// Leaflet and Geoman are loaded as classic scripts (index.html) because Geoman extends the
// global L. This is the one place that reads that global; everything else imports it from here.
const L = window.L;
export default L;
