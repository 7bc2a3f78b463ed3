// The health view: every member's state, Actuator health and key figures.
import { esc, num, bytes, percent } from './util.js';

/** Re-renders the health table from a fleet snapshot. */
export function renderHealth(fleet) {
  const rows = [];
  for (const cluster of fleet.clusters) {
    if (!cluster.reachable) {
      rows.push(`<tr><td>${esc(cluster.name)}</td><td colspan="9" class="state-DOWN">unreachable: ${esc(cluster.error)}</td></tr>`);
    }
    for (const node of cluster.nodes) {
      const components = Object.entries(node.health.components)
        .map(([name, status]) => `<span class="state-${esc(status)}">${esc(name)}</span>`).join(' ');
      rows.push(`<tr><td>${esc(cluster.name)}</td><td>${esc(node.id)}</td>
        <td class="state-${esc(node.status)}">${esc(node.status)}</td>
        <td class="state-${esc(node.health.status)}" title="${esc(node.health.error)}">${esc(node.health.status)}</td>
        <td>${components}</td><td>${num(node.load)}</td><td>${percent(node.metrics.errorRate)}</td>
        <td>${num(node.metrics.p99Millis)}</td><td>${bytes(node.metrics.jvmMemoryUsed)}</td>
        <td>${num(node.metrics.connections, 0)}</td></tr>`);
    }
  }
  document.getElementById('health-rows').innerHTML = rows.join('');
}
