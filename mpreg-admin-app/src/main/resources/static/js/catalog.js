// The function catalog: function -> nodes, versions, resources, with search.
import { esc } from './util.js';

let lastFleet = null;

/** Wires the search box (once). */
export function initCatalog() {
  document.getElementById('function-search').addEventListener('input', () => lastFleet && renderCatalog(lastFleet));
}

/** Re-renders the catalog from a fleet snapshot, applying the search text. */
export function renderCatalog(fleet) {
  lastFleet = fleet;
  const needle = document.getElementById('function-search').value.trim().toLowerCase();
  const rows = [];
  for (const cluster of fleet.clusters) {
    for (const fn of cluster.functions) {
      const haystack = [fn.name, fn.version, ...fn.resources, ...fn.nodes].join(' ').toLowerCase();
      if (needle && !haystack.includes(needle)) continue;
      const unavailable = fn.liveNodes.length === 0 ? ' class="state-DEAD"' : '';
      rows.push(`<tr><td>${esc(cluster.name)}</td><td>${esc(fn.name)}</td><td>${esc(fn.version)}</td>
        <td>${esc(fn.resources.join(', '))}</td><td>${fn.idempotent ? 'yes' : 'no'}</td>
        <td${unavailable}>${fn.liveNodes.length} / ${fn.nodes.length}: ${esc(fn.nodes.join(', '))}</td></tr>`);
    }
  }
  document.getElementById('function-rows').innerHTML = rows.join('')
    || '<tr><td colspan="6">No function matches.</td></tr>';
}
