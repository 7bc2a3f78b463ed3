// The topology view: clusters grouped by region, members on a ring, coloured by state.
import { esc, num, bytes, percent, time } from './util.js';

const FULL_MESH_LIMIT = 30;
const BOX_GAP = 24;
const HEADER = 28;

let selected = null; // { cluster, id }
let lastFleet = null;

/** Re-renders the graph from a fleet snapshot, keeping the selection. */
export function renderTopology(fleet) {
  lastFleet = fleet;
  const host = document.getElementById('topology');
  const regions = groupByRegion(fleet.clusters);
  let y = BOX_GAP;
  let width = 0;
  const parts = [];
  for (const [region, clusters] of regions) {
    parts.push(`<text class="region-label" x="${BOX_GAP}" y="${y + 12}">${esc(region)}</text>`);
    y += 22;
    let x = BOX_GAP;
    let rowHeight = 0;
    for (const cluster of clusters) {
      const box = clusterBox(cluster, x, y);
      parts.push(box.svg);
      x += box.width + BOX_GAP;
      rowHeight = Math.max(rowHeight, box.height + HEADER);
    }
    width = Math.max(width, x);
    y += rowHeight + BOX_GAP;
  }
  host.innerHTML = `<svg width="${Math.max(width, 400)}" height="${Math.max(y, 200)}"
      xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
  if (selected) showDetail(selected.cluster, selected.id, false);
}

function groupByRegion(clusters) {
  const regions = new Map();
  for (const cluster of clusters) {
    const region = cluster.region || 'no region';
    if (!regions.has(region)) regions.set(region, []);
    regions.get(region).push(cluster);
  }
  return regions;
}

const RING_LIMIT = 40;
const GRID_STEP = 18;

// Small clusters sit on a ring (links stay readable); large ones on a compact grid.
function layout(cluster, x, y) {
  const n = cluster.nodes.length;
  const positions = new Map();
  if (n <= RING_LIMIT) {
    const radius = Math.max(60, n * 5.5);
    const size = 2 * radius + 80;
    const cx = x + size / 2, cy = y + HEADER + size / 2;
    cluster.nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
      positions.set(node.id, [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    });
    return { positions, width: size, height: size, nodeRadius: n > 30 ? 7 : 10 };
  }
  const columns = Math.ceil(Math.sqrt(n * 1.6));
  cluster.nodes.forEach((node, i) => {
    positions.set(node.id, [x + 20 + (i % columns) * GRID_STEP, y + HEADER + 20 + Math.floor(i / columns) * GRID_STEP]);
  });
  const rows = Math.ceil(n / columns);
  return { positions, width: Math.max(240, 40 + (columns - 1) * GRID_STEP), height: 40 + (rows - 1) * GRID_STEP,
    nodeRadius: 6 };
}

function clusterBox(cluster, x, y) {
  const n = cluster.nodes.length;
  const { positions, width, height, nodeRadius } = layout(cluster, x, y);
  const alive = cluster.nodes.filter(node => node.status === 'ALIVE');
  const links = [];
  const chosen = selected && selected.cluster === cluster.name ? selected.id : null;
  if (alive.length <= FULL_MESH_LIMIT) {
    for (let i = 0; i < alive.length; i++) {
      for (let j = i + 1; j < alive.length; j++) links.push(segment(positions, alive[i].id, alive[j].id));
    }
  }
  const selectedLinks = chosen && alive.some(node => node.id === chosen)
    ? alive.filter(node => node.id !== chosen).map(node => segment(positions, chosen, node.id)) : [];
  const labels = n <= RING_LIMIT;
  const nodes = cluster.nodes.map(node => {
    const [nx, ny] = positions.get(node.id);
    const isSelected = chosen === node.id ? ' selected' : '';
    const label = labels ? `<text x="${nx + nodeRadius + 2}" y="${ny + 3}">${esc(node.id)}</text>` : '';
    return `<g class="node ${esc(node.status)}${isSelected}" data-cluster="${esc(cluster.name)}" data-id="${esc(node.id)}">`
      + `<title>${esc(node.id)} (${esc(node.status)})</title>`
      + `<circle cx="${nx.toFixed(1)}" cy="${ny.toFixed(1)}" r="${nodeRadius}"></circle>${label}</g>`;
  }).join('');
  const status = cluster.reachable ? `${alive.length}/${n} alive`
    : `<tspan class="unreachable">unreachable: ${esc(cluster.error)}</tspan>`;
  const svg = `<g class="cluster" data-cluster="${esc(cluster.name)}">`
    + `<rect class="cluster-box" x="${x}" y="${y}" width="${width}" height="${height + HEADER}" rx="6"></rect>`
    + `<text class="cluster-label" x="${x + 10}" y="${y + 18}">${esc(cluster.name)} · ${status}</text>`
    + `<path class="links" d="${links.join('')}"></path>`
    + `<path class="links selected" d="${selectedLinks.join('')}"></path>${nodes}</g>`;
  return { svg, width, height };
}

function segment(positions, from, to) {
  const [x1, y1] = positions.get(from);
  const [x2, y2] = positions.get(to);
  return `M${x1.toFixed(1)} ${y1.toFixed(1)}L${x2.toFixed(1)} ${y2.toFixed(1)}`;
}

/** Wires clicks on members (once). */
export function initTopology() {
  document.getElementById('topology').addEventListener('click', event => {
    const node = event.target.closest('g.node');
    if (!node) return;
    selected = { cluster: node.dataset.cluster, id: node.dataset.id };
    if (lastFleet) renderTopology(lastFleet);
    showDetail(selected.cluster, selected.id, true);
  });
}

async function showDetail(cluster, id, fetchHistory) {
  const panel = document.getElementById('node-detail');
  const clusterView = lastFleet && lastFleet.clusters.find(c => c.name === cluster);
  const node = clusterView && clusterView.nodes.find(n => n.id === id);
  if (!node) { panel.hidden = true; return; }
  panel.hidden = false;
  const components = Object.entries(node.health.components)
    .map(([name, status]) => `<span class="state-${esc(status)}">${esc(name)}: ${esc(status)}</span>`).join('<br>');
  panel.innerHTML = `<h2 id="detail-title">${esc(node.id)}</h2><dl>
    <dt>Cluster</dt><dd>${esc(node.cluster)}${node.region ? ' · ' + esc(node.region) : ''}</dd>
    <dt>State</dt><dd class="state-${esc(node.status)}">${esc(node.status)} since ${time(node.statusSince)}</dd>
    <dt>Incarnation</dt><dd>${esc(node.incarnation)}</dd>
    <dt>URL</dt><dd>${esc(node.url)}</dd>
    <dt>Management</dt><dd>${esc(node.managementUrl)}</dd>
    <dt>Resources</dt><dd id="detail-resources">${esc(node.resources.join(', ') || '–')}</dd>
    <dt>Functions</dt><dd id="detail-functions">${esc(node.functions.join(', ') || '–')}</dd>
    <dt>Load</dt><dd>${num(node.load)}</dd>
    <dt>Health</dt><dd class="state-${esc(node.health.status)}">${esc(node.health.status)}${node.health.error ? ' – ' + esc(node.health.error) : ''}</dd>
    <dt>Components</dt><dd>${components || '–'}</dd>
    <dt>Error rate</dt><dd>${percent(node.metrics.errorRate)}</dd>
    <dt>p99</dt><dd>${num(node.metrics.p99Millis)} ms</dd>
    <dt>JVM memory</dt><dd>${bytes(node.metrics.jvmMemoryUsed)}</dd>
    <dt>Connections</dt><dd>${num(node.metrics.connections, 0)}</dd>
    <dt>Recent load</dt><dd><div id="detail-chart" class="chart"></div></dd></dl>`;
  if (fetchHistory || panel.dataset.history) {
    const url = `api/clusters/${encodeURIComponent(cluster)}/nodes/${encodeURIComponent(id)}/history`;
    const response = await fetch(url);
    if (response.ok) drawChart(await response.json());
    panel.dataset.history = '1';
  }
}

function drawChart(points) {
  const chart = document.getElementById('detail-chart');
  if (!chart || points.length === 0) return;
  const values = points.map(p => p.load);
  const max = Math.max(...values, 1);
  const w = 220, h = 40;
  const coords = values.map((v, i) => `${(i * w / Math.max(values.length - 1, 1)).toFixed(1)},${(h - v * h / max).toFixed(1)}`);
  chart.innerHTML = `<svg width="${w}" height="${h}"><polyline points="${coords.join(' ')}"></polyline></svg>`
    + `<div>max ${num(max)} over ${points.length} polls</div>`;
}
