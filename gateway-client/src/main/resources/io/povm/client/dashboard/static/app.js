// SPDX-License-Identifier: Apache-2.0
// povm dashboard: reads the JSON API once, then follows the ledger through the server's event stream
// (/api/events, Server-Sent Events relayed from the chaincode's events). The page never polls.
'use strict';

const jobs = new Map();          // job id -> job as the ledger holds it
let selected = null;             // id of the job shown in the detail panel
let total = 0;                   // jobs on the ledger: the list's count plus those pushed since
let jobsLoaded = false;          // until the first list arrives, pushed jobs wait in `early`
let early = [];
const timers = new Map();

// el('td', {class: 'x'}, 'text', child...): a DOM element; text goes in as text, never as HTML.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return node;
}

// once(key, fn): runs fn half a second after the last call for key, so that a burst of events costs one request.
function once(key, fn) {
  clearTimeout(timers.get(key));
  timers.set(key, setTimeout(() => { timers.delete(key); fn(); }, 500));
}

// throttle(key, millis, fn): runs fn at most once per `millis` for key, at the end of the interval.
const throttled = new Set();
function throttle(key, millis, fn) {
  if (throttled.has(key)) return;
  throttled.add(key);
  setTimeout(() => { throttled.delete(key); fn(); }, millis);
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error + (body.hint ? ' (' + body.hint + ')' : ''));
  }
  return body;
}

function connect() {
  const live = document.getElementById('live');
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => {
    live.textContent = 'live';
    live.className = 'live on';
    // (re)connected: read everything once; what changes from now on arrives as events
    loadJobs();
    loadWorkers();
    loadUsefulWork();
    loadBeacon();
  });
  events.addEventListener('error', () => {
    live.textContent = 'reconnecting…';
    live.className = 'live off';
  });
  events.addEventListener('job', (event) => onJob(JSON.parse(event.data)));  // {event, block, job}
  events.addEventListener('beacon', () => throttle('beacon', 1000, loadBeacon));  // {event, block}
  events.addEventListener('worker', (event) => {
    // heartbeats come every few seconds from every worker: refresh for them at most every 15 s
    if (JSON.parse(event.data).event === 'WorkerHeartbeat') throttle('workers', 15000, loadWorkers);
    else once('workers', loadWorkers);
  });
}

// ---- jobs ----

async function loadJobs() {
  jobsLoaded = false;
  early = [];
  try {
    const body = await api('/api/jobs');
    jobs.clear();
    body.jobs.forEach((job) => jobs.set(job.spec.id, job));
    total = body.total;
    renderJobs();
    showCount();
  } catch (e) {
    document.getElementById('job-count').textContent = 'cannot list jobs: ' + e.message;
  }
  jobsLoaded = true;
  early.forEach(onJob);
  early = [];
}

function onJob(change) {
  if (!jobsLoaded) {
    early.push(change);
    return;
  }
  const job = change.job;
  const id = job.spec.id;
  jobs.set(id, job);
  const row = jobRow(job);
  const old = document.querySelector('#jobs tbody tr[data-job-id="' + CSS.escape(id) + '"]');
  if (old) {
    old.replaceWith(row);
  } else {
    document.querySelector('#jobs tbody').prepend(row);
    if (change.event === 'JobSubmitted') total++;
    showCount();
  }
  row.classList.add('flash');
  if (id === selected) once('detail', () => showDetail(id));
  if (job.replicas.some((r) => r.state === 'RESULT_REVEALED')) once('useful', loadUsefulWork);
}

function showCount() {
  const shown = document.querySelectorAll('#jobs tbody tr').length;
  document.getElementById('job-count').textContent =
    total > shown ? '(newest ' + shown + ' of ' + total + ')' : '(' + total + ')';
}

function renderJobs() {
  const sorted = [...jobs.values()].sort((a, b) => (b.submittedAt + b.spec.id).localeCompare(a.submittedAt + a.spec.id));
  document.querySelector('#jobs tbody').replaceChildren(...sorted.map(jobRow));
}

const DONE = ['RESOLVED_SOFT', 'RESOLVED_FIRM', 'FINALIZED'];
const FAILED = ['FAILED', 'EXPIRED', 'CANCELLED'];

function jobRow(job) {
  const env = job.spec.env || {};
  const revealed = job.replicas.filter((r) => r.state === 'RESULT_REVEALED').length;
  const wanted = job.spec.redundancy.replicas || job.replicas.length;
  const stateClass = 'state' + (DONE.includes(job.state) ? ' done' : FAILED.includes(job.state) ? ' failed' : '');
  const row = el('tr', {'data-job-id': job.spec.id, 'data-state': job.state},
    el('td', {class: 'mono'}, job.spec.id),
    el('td', {}, env.SEED !== undefined ? env.SEED + ' / ' + env.K : '—'),
    el('td', {class: stateClass}, job.state),
    el('td', {}, revealed + ' of ' + wanted + ' revealed'),
    el('td', {class: 'result'}, verdictText(job)),
    el('td', {class: 'mono'}, (job.submittedAt || '').replace('T', ' ').replace(/\.\d+Z$/, 'Z')));
  if (job.spec.id === selected) row.classList.add('selected');
  row.addEventListener('click', () => showDetail(job.spec.id));
  return row;
}

// The winning replica's output, e.g. '14 flips', once the ledger holds a verdict.
function verdictText(job) {
  if (!job.verdict) return '';
  const winner = job.replicas.find((r) => r.result && r.result.resultHash === job.verdict.resultHash);
  if (!winner) return 'no agreed result (' + job.verdict.stage + ')';
  const lines = (winner.result.output || '').trim().split('\n');
  try {
    const answer = JSON.parse(lines[lines.length - 1]);
    return answer.flips !== undefined ? answer.flips + ' flips' : lines[lines.length - 1];
  } catch (e) {
    return lines[lines.length - 1] || winner.result.resultHash.slice(0, 12);
  }
}

async function showDetail(id) {
  selected = id;
  document.querySelectorAll('#jobs tbody tr').forEach((tr) => tr.classList.toggle('selected', tr.dataset.jobId === id));
  const panel = document.getElementById('detail-panel');
  panel.hidden = false;
  document.getElementById('detail-id').textContent = id;
  const detail = document.getElementById('detail');
  try {
    const body = await api('/api/jobs/' + encodeURIComponent(id));
    detail.replaceChildren(...jobDetail(body.job, body.attestations));
  } catch (e) {
    detail.replaceChildren(el('p', {class: 'error'}, e.message));
  }
}

function jobDetail(job, attestations) {
  const verdict = job.verdict;
  const facts = el('dl', {},
    el('dt', {}, 'state'), el('dd', {class: 'mono', id: 'detail-state'}, job.state),
    el('dt', {}, 'submitted'), el('dd', {}, job.submittedAt + ' by ' + job.submitter.msp),
    el('dt', {}, 'image'), el('dd', {class: 'mono'}, job.spec.image),
    el('dt', {}, 'SLA, redundancy'), el('dd', {}, job.spec.sla + ', ' + job.spec.redundancy.mode + ' '
      + (job.spec.redundancy.replicas || '')),
    el('dt', {}, 'verdict'), el('dd', {id: 'detail-verdict'}, verdict
      ? verdict.stage + ': ' + verdictText(job) + ' — agreed ' + verdict.agreed.join(', ')
        + (verdict.disagreed.length ? '; disagreed ' + verdict.disagreed.join(', ') : '') + ' (' + verdict.reason + ')'
      : 'none yet'));
  const replicas = table(['#', 'worker', 'state', 'exit', 'CPU ms', 'wall ms', 'checkpoints', 'output'],
    job.replicas.map((r) => [r.index, r.workerKey, r.state, r.result ? r.result.exitCode : '',
      r.result ? r.result.cpuMillis : '', r.result ? r.result.wallMillis : '', r.result ? r.result.checkpoints : '',
      r.result ? (r.result.output || '').trim() : (r.fault || '')]));
  const signed = table(['#', 'worker', 'CPU ms', 'wall ms', 'peak memory', 'result hash', 'signature'],
    attestations.reveals.map((reveal) => {
      const a = reveal.attestation;
      return [a.replica, a.workerKey, a.cpuMillis, a.wallMillis, Math.round(a.peakMemoryBytes / 1024) + ' KiB',
        a.resultHash.slice(0, 16) + '…', reveal.signature.slice(0, 16) + '…'];
    }));
  signed.id = 'attestations';
  return [facts, el('h3', {}, 'Replicas'), replicas,
    el('h3', {}, 'Signed attestations (' + attestations.reveals.length + ')'), signed];
}

function table(headings, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', {}, String(c)))))));
}

// ---- submitting ----

async function submitSweep(event) {
  event.preventDefault();
  const button = document.getElementById('submit');
  const result = document.getElementById('submit-result');
  const value = (id) => Number(document.getElementById(id).value);
  button.disabled = true;
  result.className = 'note';
  result.textContent = 'submitting…';
  try {
    const body = await api('/api/jobs', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({k: value('k'), seedFrom: value('seed-from'), seedTo: value('seed-to'),
        replicas: value('replicas')}),
    });
    result.textContent = 'submitted ' + body.submitted.length + ' job(s): ' + body.submitted.join(', ');
  } catch (e) {
    result.className = 'note error';
    result.textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

// ---- workers, useful work, beacon ----

async function loadWorkers() {
  try {
    const body = await api('/api/workers');
    document.querySelector('#workers tbody').replaceChildren(...body.workers.map(({worker, record}) => el('tr', {},
      el('td', {class: 'mono'}, worker.key), el('td', {}, worker.state),
      el('td', {}, worker.freeSlots ?? ''), el('td', {class: 'mono'}, worker.lastHeartbeatAt || ''),
      ...['results', 'agreements', 'disagreements', 'timeouts', 'faults', 'violations', 'streak']
        .map((k) => el('td', {}, String(record[k] ?? 0))))));
    document.querySelector('#orgs tbody').replaceChildren(...body.orgs.map((org) => el('tr', {},
      el('td', {}, org.msp),
      ...['results', 'agreements', 'disagreements', 'timeouts', 'faults', 'violations']
        .map((k) => el('td', {}, String(org[k] ?? 0))))));
  } catch (e) {
    document.querySelector('#workers tbody').replaceChildren(el('tr', {}, el('td', {class: 'error'}, e.message)));
  }
}

const seconds = (millis) => (millis / 1000).toFixed(1) + ' CPU-s';
// energy(joules, grams): the model's figures as povm job sweep prints them, e.g. '9.0 J (0.00250 Wh, 0.00120 g CO2)'
const energy = (joules, grams) => joules.toFixed(1) + ' J (' + (joules / 3600).toPrecision(3) + ' Wh, '
  + grams.toPrecision(3) + ' g CO2)';

async function loadUsefulWork() {
  const box = document.getElementById('useful');
  try {
    const body = await api('/api/useful-work');
    const w = body.work;
    const m = w.energyModel;
    const percent = (100 * w.usefulShare).toFixed(1);
    box.replaceChildren(
      el('div', {class: 'figure', id: 'useful-share'}, percent + ' %'),
      el('div', {class: 'bar'}, el('div', {style: 'width:' + percent + '%'})),
      el('dl', {},
        el('dt', {}, 'customer jobs'), el('dd', {id: 'useful-customer'}, seconds(w.usefulCpuMillis)
          + ' in ' + body.replicas + ' replicas of ' + body.jobs + ' jobs'),
        el('dt', {}, 'network and workers'), el('dd', {}, seconds(w.overheadCpuMillis)),
        el('dt', {}, 'whole system'), el('dd', {}, seconds(w.usefulCpuMillis + w.overheadCpuMillis)),
        el('dt', {}, 'energy of customer jobs'), el('dd', {id: 'useful-energy'},
          energy(w.usefulJoules, w.usefulGramsCo2)),
        el('dt', {}, 'energy of overhead'), el('dd', {id: 'overhead-energy'},
          energy(w.overheadJoules, w.overheadGramsCo2)),
        el('dt', {}, 'hashcash, for comparison'), el('dd', {}, '0 % useful: all its energy goes into the puzzle'),
        el('dt', {}, 'energy model'), el('dd', {id: 'energy-model'}, 'CPU-seconds × ' + m.wattsPerCore
          + ' W per busy core × ' + m.gramsCo2PerKwh + ' gCO2/kWh'),
        el('dt', {}, 'watts from'), el('dd', {}, m.wattsSource),
        el('dt', {}, 'carbon from'), el('dd', {}, m.gramsCo2Source)),
      body.processes.length
        ? table(['process', 'pid', 'CPU'], body.processes.map((p) => [p.name, p.pid, seconds(p.cpuMillis)]))
        : el('p', {class: 'note'}, 'no network or worker processes found in the run directory\'s pid files'));
  } catch (e) {
    box.replaceChildren(el('p', {class: 'error'}, e.message));
  }
}

async function loadBeacon() {
  const box = document.getElementById('beacon');
  try {
    const body = await api('/api/beacon');
    box.replaceChildren(body.rounds.length
      ? table(['round', 'phase', 'closed', 'tickets', 'lottery winner', 'strikes'], body.rounds.map((r) => [
          String(r.round),
          r.phase === 'CLOSED' ? 'closed' : r.phase + ': ' + r.note,
          r.closedAt ?? '',
          String(r.tickets),
          r.winners.length
            ? r.winners.map((w) => `${w.workerKey} (${w.tickets} of ${w.total} tickets, +${w.amount})`).join(', ')
            : (r.phase === 'CLOSED' ? 'none (no tickets)' : ''),
          r.strikes.map((s) => `${s.msp}: ${s.reason}`).join('; ')]))
      : el('p', {class: 'unavailable'}, 'no beacon round yet'));
  } catch (e) {
    box.replaceChildren(el('p', {class: 'unavailable'}, 'not available: ' + e.message));
  }
}

document.getElementById('sweep').addEventListener('submit', submitSweep);
connect();
