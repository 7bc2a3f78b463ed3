// Small helpers shared by the views.
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** A number for people: fixed decimals, or a dash when absent. */
export function num(value, digits = 2) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
}

/** Bytes for people. */
export function bytes(value) {
  if (value === null || value === undefined) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = value, i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** A percentage for people. */
export function percent(value) {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(2)} %`;
}

/** A time of day from an ISO instant. */
export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '–';
}

/** Sends JSON and returns the parsed answer, or throws with the server's reason. */
export async function sendJson(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let reason = `${response.status}`;
    try { const problem = await response.json(); reason = problem.detail || problem.message || reason; } catch (e) { /* no body */ }
    throw new Error(reason);
  }
  return response.status === 204 ? null : response.json();
}
