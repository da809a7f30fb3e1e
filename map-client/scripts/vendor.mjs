// Copies the files the browser loads from installed npm packages into vendor/ (not committed),
// so that Plein serves them from its own origin under a strict Content-Security-Policy.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'vendor');
const copies = [
  ['leaflet/dist/leaflet.js', 'leaflet/leaflet.js'],
  ['leaflet/dist/leaflet.css', 'leaflet/leaflet.css'],
  ['leaflet/dist/images', 'leaflet/images'],
  ['leaflet/LICENSE', 'leaflet/LICENSE'],
  ['@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.js', 'geoman/leaflet-geoman.js'],
  ['@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css', 'geoman/leaflet-geoman.css'],
  ['@geoman-io/leaflet-geoman-free/LICENSE', 'geoman/LICENSE'],
  // Its package ships no licence file; package.json names it (Beerware).
  ['leaflet.vectorgrid/dist/Leaflet.VectorGrid.bundled.min.js', 'vectorgrid/Leaflet.VectorGrid.bundled.min.js'],
  ['leaflet.vectorgrid/package.json', 'vectorgrid/package.json'],
];

rmSync(vendor, { recursive: true, force: true });
for (const [from, to] of copies) {
  const target = join(vendor, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, 'node_modules', from), target, { recursive: true });
}
console.log(`vendor/: ${copies.length} files and folders copied from node_modules`);
