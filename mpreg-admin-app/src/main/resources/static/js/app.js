// Entry point: view switching and the live Server-Sent Events stream.
import { initTopology, renderTopology } from './topology.js';
import { initCatalog, renderCatalog } from './catalog.js';
import { renderHealth } from './health.js';
import { initAlerts, renderAlerts } from './alerts.js';

const VIEWS = ['topology', 'functions', 'health', 'alerts'];
let fleetVersion = -1;

function showView() {
  const wanted = location.hash.replace('#', '');
  const view = VIEWS.includes(wanted) ? wanted : 'topology';
  for (const name of VIEWS) {
    document.getElementById(`view-${name}`).hidden = name !== view;
    document.querySelector(`nav a[data-view="${name}"]`).classList.toggle('active', name === view);
  }
}

function onFleet(fleet) {
  if (fleet.version < fleetVersion) return; // an older snapshot that arrived late
  fleetVersion = fleet.version;
  renderTopology(fleet);
  renderCatalog(fleet);
  renderHealth(fleet);
}

function connect() {
  const status = document.getElementById('connection');
  const events = new EventSource('api/events');
  events.addEventListener('open', () => { fleetVersion = -1; status.textContent = 'live'; status.classList.add('live'); });
  events.addEventListener('error', () => { status.textContent = 'reconnecting…'; status.classList.remove('live'); });
  events.addEventListener('fleet', event => onFleet(JSON.parse(event.data)));
  events.addEventListener('alerts', event => renderAlerts(JSON.parse(event.data)));
}

initTopology();
initCatalog();
initAlerts();
window.addEventListener('hashchange', showView);
showView();
connect();
