// The alerts view: active alerts, editable rules and history.
import { esc, time, sendJson } from './util.js';

let editing = null; // the name of the rule being edited, or null for a new one

/** Re-renders active alerts, rules and history. */
export function renderAlerts(view) {
  const badge = document.getElementById('firing-count');
  const firing = view.active.filter(alert => alert.state === 'FIRING').length;
  badge.hidden = firing === 0;
  badge.textContent = firing;
  document.getElementById('active-rows').innerHTML = view.active.map(alert => `<tr>
      <td class="state-${alert.state}">${alert.state}</td><td>${alert.severity}</td><td>${esc(alert.rule)}</td>
      <td>${esc(alert.key)}</td><td>${esc(alert.summary)}</td><td>${time(alert.activeSince)}</td></tr>`).join('')
    || '<tr><td colspan="6">No active alert.</td></tr>';
  document.getElementById('rule-rows').innerHTML = view.rules.map(rule => `<tr data-rule="${esc(rule.name)}">
      <td>${esc(rule.name)}</td><td>${rule.kind}</td><td>${rule.severity}</td><td>${seconds(rule.forDuration)} s</td>
      <td>${esc(condition(rule))}</td><td>${esc(rule.cluster || 'all')}</td>
      <td><button type="button" data-edit="${esc(rule.name)}">Edit</button>
        <button type="button" data-delete="${esc(rule.name)}">Delete</button></td></tr>`).join('');
  document.getElementById('history-rows').innerHTML = view.history.map(alert => `<tr>
      <td>${time(alert.resolvedAt || alert.firedAt || alert.activeSince)}</td>
      <td class="state-${alert.state}">${alert.state}</td><td>${alert.severity}</td><td>${esc(alert.rule)}</td>
      <td>${esc(alert.key)}</td><td>${esc(alert.summary)}</td></tr>`).join('');
  lastRules = view.rules;
}

let lastRules = [];

function condition(rule) {
  const compared = `${rule.comparison} ${rule.threshold}`;
  switch (rule.kind) {
    case 'LIVE_MEMBERS_BELOW': return `live < ${rule.threshold}`;
    case 'ERROR_RATE_ABOVE': return `error rate ${compared}`;
    case 'P99_ABOVE': return `p99 ms ${compared}`;
    case 'METER': return `${rule.meter}${tagText(rule.tags)} ${rule.statistic} ${compared}`;
    case 'FUNCTION_UNAVAILABLE': return rule.function || 'any function';
    default: return '';
  }
}

function tagText(tags) {
  const entries = Object.entries(tags || {});
  return entries.length ? `{${entries.map(([k, v]) => `${k}=${v}`).join(',')}}` : '';
}

function seconds(duration) {
  // Durations arrive as ISO-8601 (PT30S) or as a number of seconds.
  if (typeof duration === 'number') return duration;
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration || '');
  return match ? (+(match[1] || 0)) * 3600 + (+(match[2] || 0)) * 60 + (+(match[3] || 0)) : duration;
}

/** Wires the rule form and buttons (once). */
export function initAlerts() {
  const form = document.getElementById('rule-form');
  document.getElementById('new-rule').addEventListener('click', () => openForm(null));
  document.getElementById('cancel-rule').addEventListener('click', () => { form.hidden = true; });
  document.getElementById('rule-rows').addEventListener('click', async event => {
    const edit = event.target.dataset.edit;
    const remove = event.target.dataset.delete;
    if (edit) openForm(lastRules.find(rule => rule.name === edit));
    if (remove && confirm(`Delete rule ${remove}?`)) {
      await sendJson('DELETE', `api/alerts/rules/${encodeURIComponent(remove)}`);
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const rule = ruleFromForm(form);
    try {
      if (editing) await sendJson('PUT', `api/alerts/rules/${encodeURIComponent(editing)}`, rule);
      else await sendJson('POST', 'api/alerts/rules', rule);
      form.hidden = true;
    } catch (failure) {
      document.getElementById('rule-error').textContent = failure.message;
    }
  });
}

function openForm(rule) {
  const form = document.getElementById('rule-form');
  editing = rule ? rule.name : null;
  document.getElementById('rule-form-title').textContent = rule ? `Edit rule ${rule.name}` : 'New rule';
  document.getElementById('rule-error').textContent = '';
  form.reset();
  if (rule) {
    for (const field of ['name', 'kind', 'severity', 'cluster', 'comparison', 'function', 'meter', 'statistic', 'description']) {
      form.elements[field].value = rule[field] ?? '';
    }
    form.elements.threshold.value = rule.threshold ?? '';
    form.elements.forSeconds.value = seconds(rule.forDuration);
    form.elements.tags.value = Object.entries(rule.tags || {}).map(([k, v]) => `${k}=${v}`).join(',');
  }
  form.elements.name.readOnly = Boolean(rule);
  form.hidden = false;
}

function ruleFromForm(form) {
  const value = name => form.elements[name].value.trim();
  const tags = {};
  for (const pair of value('tags').split(',').map(s => s.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at > 0) tags[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return {
    name: value('name'), kind: value('kind'), severity: value('severity'),
    forDuration: `PT${Number(value('forSeconds') || 0)}S`, cluster: value('cluster') || null,
    threshold: value('threshold') === '' ? null : Number(value('threshold')), comparison: value('comparison'),
    function: value('function') || null, meter: value('meter') || null, statistic: value('statistic') || null,
    tags, description: value('description'),
  };
}
