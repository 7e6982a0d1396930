// The analyst's value model versions: list, create (a form over the weights, prefilled from the base version),
// the replay's progress (live, from the progress stream), the comparison of two versions with flipped verdicts
// highlighted and both versions' timelines in one chart, and promote.

const SIGNALS = ['QUESTION_POSTED', 'ANSWER_POSTED', 'POST_POSTED', 'IDEA_POSTED', 'ANSWER_RECEIVED',
  'CONTRIBUTION_VIEWED', 'LIKE_RECEIVED', 'LIKE_GIVEN', 'THANKS_RECEIVED', 'THANKS_GIVEN', 'USEFUL_RECEIVED',
  'USEFUL_GIVEN', 'ANSWER_ACCEPTED_BY_QUESTION_AUTHOR', 'ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR', 'OUTCOME_LINKED_AUTHOR',
  'OUTCOME_RECORDED'];
const STATE_NAMES = { queued: 'Queued', replaying: 'Replaying', 'caught-up': 'Caught up', failed: 'Failed', retired: 'Retired' };
const COLORS = ['#0b5cad', '#c46200'];
const signalName = (s) => s.toLowerCase().replace(/_/g, ' ');
const when = (iso) => iso ? new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }) : '—';

export async function renderModels(box, { api, esc, fmt, cleanup, announce, plainError }) {
  let versions;
  try {
    versions = (await api('GET', '/api/analytics/models')).data;
  } catch (e) {
    if (e.status === 403) {
      box.innerHTML = '<p class="card" role="alert">Only analysts (and auditors, to read) work with value model versions.</p>';
      return;
    }
    throw e;
  }
  const communities = (await api('GET', '/api/communities')).data;
  const live = versions.filter((v) => v.state !== 'retired');
  const readable = versions.filter((v) => v.state === 'caught-up');
  const base = versions.find((v) => v.isDefault) || versions[0];
  box.innerHTML = `
    <section class="card" aria-labelledby="versions-h">
      <h2 id="versions-h" class="flush">Versions</h2>
      <div class="table-wrap"><table id="versions-table"><caption class="visually-hidden">Value model versions</caption>
        <thead><tr><th scope="col">Version</th><th scope="col">State</th><th scope="col">Created</th><th scope="col">Caught up</th><th scope="col">Actions</th></tr></thead>
        <tbody>${versions.map((v) => `<tr data-version="${esc(v.name)}">
          <th scope="row">${esc(v.name)}${v.isDefault ? ' <span class="badge">default</span>' : ''}
            <div class="muted small">${esc(v.description || '')}${v.derivedFrom ? ` (from ${esc(v.derivedFrom)})` : ''}${v.until ? ` · up to ${esc(v.until)}` : ''}${(v.sharedWith || []).length ? ` · <span data-shared="${esc(v.name)}">replayed in one pass with ${v.sharedWith.map(esc).join(', ')}</span>` : ''}</div></th>
          <td data-state="${esc(v.state)}">${esc(STATE_NAMES[v.state] || v.state)}
            ${v.state === 'queued' || v.state === 'replaying' ? `<div><progress max="1" value="0" data-progress="${esc(v.name)}" aria-label="Replay of ${esc(v.name)}"></progress> <span class="small" data-progress-text="${esc(v.name)}"></span></div>` : ''}</td>
          <td>${esc(v.createdBy)}, ${esc(when(v.createdAt))}</td>
          <td>${esc(when(v.caughtUpAt))}</td>
          <td>${v.state === 'caught-up' && !v.isDefault && !v.until ? `<button type="button" class="secondary" data-promote="${esc(v.name)}">Make default</button>` : ''}
            <details><summary>History</summary><ul class="small">${(v.actions || []).map((a) => `<li>${esc(a.action)} by ${esc(a.actor)}, ${esc(when(a.at))}${a.detail ? `: ${esc(a.detail)}` : ''}</li>`).join('')}</ul></details></td>
        </tr>`).join('')}</tbody></table></div>
      <p class="error" role="alert" id="versions-error"></p>
    </section>
    <section class="card" aria-labelledby="create-h">
      <h2 id="create-h" class="flush">New version</h2>
      <p class="muted small">A version never changes once created: it is replayed over the whole history beside the default, which keeps serving.</p>
      <form id="create-form" novalidate>
        <label for="m-base">Start from</label>
        <select id="m-base" name="derivedFrom">${versions.map((v) => `<option value="${esc(v.name)}" ${v === base ? 'selected' : ''}>${esc(v.name)}</option>`).join('')}</select>
        <label for="m-name">Name</label>
        <input id="m-name" name="name" type="text" required maxlength="40" autocomplete="off">
        <label for="m-description">Description</label>
        <input id="m-description" name="description" type="text" maxlength="1000" autocomplete="off">
        <label for="m-threshold">Share of active members that must benefit more (0 to 1)</label>
        <input id="m-threshold" name="productiveShareThreshold" type="number" min="0" max="1" step="any" required>
        <label for="m-until">What if: replay only the events up to (optional, UTC)</label>
        <input id="m-until" name="until" type="datetime-local" step="1" aria-describedby="m-until-help">
        <p class="muted small" id="m-until-help">Empty: the whole history, then every new event. A date: the version answers as of that instant and never follows later events.</p>
        <fieldset><legend>Weights</legend><div class="weights">
          ${SIGNALS.map((s) => `<label for="w-${s}">${esc(signalName(s))}</label><input id="w-${s}" name="w-${s}" data-signal="${s}" type="number" min="0" step="any">`).join('')}
        </div></fieldset>
        <p class="error" role="alert" id="create-error"></p>
        <button type="submit">Create and replay</button>
      </form>
    </section>
    <section class="card" aria-labelledby="compare-h">
      <h2 id="compare-h" class="flush">Compare two versions</h2>
      <form id="compare-form">
        <label for="c-first">First</label>
        <select id="c-first" name="first">${readable.map((v) => `<option ${v.isDefault ? 'selected' : ''}>${esc(v.name)}</option>`).join('')}</select>
        <label for="c-second">Second</label>
        <select id="c-second" name="second">${readable.map((v, i) => `<option ${!v.isDefault && i === readable.length - 1 ? 'selected' : ''}>${esc(v.name)}</option>`).join('')}</select>
        <label for="c-community">Where</label>
        <select id="c-community" name="community"><option value="">The whole organization</option>${communities.map((c) => `<option value="${esc(c.communityId)}">${esc(c.name)}</option>`).join('')}</select>
        <p class="error" role="alert" id="compare-error"></p>
        <button type="submit">Compare</button>
      </form>
      <div id="comparison"></div>
    </section>`;

  const fill = (name) => {
    const v = versions.find((x) => x.name === name);
    if (!v) return;
    box.querySelector('#m-threshold').value = v.productiveShareThreshold;
    box.querySelectorAll('[data-signal]').forEach((input) => { input.value = v.weights[input.dataset.signal] ?? 0; });
  };
  fill(base && base.name);
  box.querySelector('#m-base').addEventListener('change', (e) => fill(e.target.value));

  box.querySelectorAll('[data-promote]').forEach((button) => button.addEventListener('click', async () => {
    const error = box.querySelector('#versions-error');
    error.textContent = '';
    button.disabled = true;
    try {
      await api('POST', `/api/analytics/models/${encodeURIComponent(button.dataset.promote)}/promote`);
      announce(`${button.dataset.promote} is now the default version.`);
      await renderModels(box, { api, esc, fmt, cleanup, announce, plainError });
    } catch (e) {
      error.textContent = plainError(e);
      button.disabled = false;
    }
  }));

  const form = box.querySelector('#create-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = box.querySelector('#create-error');
    error.textContent = '';
    const data = new FormData(form);
    const weights = {};
    box.querySelectorAll('[data-signal]').forEach((input) => {
      if (input.value !== '') weights[input.dataset.signal] = Number(input.value);
    });
    const body = {
      name: String(data.get('name') || '').trim(),
      derivedFrom: data.get('derivedFrom') || undefined,
      productiveShareThreshold: data.get('productiveShareThreshold') === '' ? undefined : Number(data.get('productiveShareThreshold')),
      weights,
    };
    const description = String(data.get('description') || '').trim();
    if (description) body.description = description;
    // datetime-local has no zone: the form says UTC, so it is sent as an instant in UTC.
    const until = String(data.get('until') || '');
    if (until) body.until = `${until.length === 16 ? `${until}:00` : until}Z`;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api('POST', '/api/analytics/models', body);
      announce(`Version ${body.name} created; its replay has started.`);
      await renderModels(box, { api, esc, fmt, cleanup, announce, plainError });
    } catch (e) {
      error.textContent = plainError(e);
      const field = e.problem && e.problem.field;
      const input = field && (field.startsWith('weights.') ? box.querySelector(`#w-${field.slice(8)}`) : form.elements[field]);
      if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', 'create-error'); input.focus(); }
      button.disabled = false;
    }
  });

  // A live progress bar for every version still replaying, from its progress stream.
  for (const v of live.filter((x) => x.state === 'queued' || x.state === 'replaying')) {
    const source = new EventSource(`/api/analytics/models/${encodeURIComponent(v.name)}/progress/stream`);
    let done = false;
    source.addEventListener('progress', (e) => {
      const p = JSON.parse(e.data);
      const bar = box.querySelector(`[data-progress="${CSS.escape(v.name)}"]`);
      const text = box.querySelector(`[data-progress-text="${CSS.escape(v.name)}"]`);
      if (bar) { bar.max = Math.max(1, p.eventsTotal); bar.value = p.eventsDone; }
      if (text) {
        text.textContent = `${fmt(p.eventsDone)} of ${fmt(p.eventsTotal)} events` + (p.eventsPerSecond > 0 ? `, ${fmt(p.eventsPerSecond)}/s` : '')
          + (p.etaSeconds !== null && p.etaSeconds !== undefined && p.state !== 'caught-up' ? `, about ${fmt(p.etaSeconds)} s left` : '');
      }
      if (p.state !== 'queued' && p.state !== 'replaying' && !done) {
        done = true;
        source.close();
        announce(`Version ${v.name}: ${STATE_NAMES[p.state] || p.state}.`);
        renderModels(box, { api, esc, fmt, cleanup, announce, plainError }).catch(() => {});
      }
    });
    source.onerror = () => { if (done) source.close(); };
    cleanup.push(() => source.close());
  }

  box.querySelector('#compare-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = box.querySelector('#compare-error');
    error.textContent = '';
    const data = new FormData(event.target);
    const first = data.get('first');
    const second = data.get('second');
    const community = data.get('community');
    try {
      const query = `models=${encodeURIComponent(first)},${encodeURIComponent(second)}${community ? `&community=${encodeURIComponent(community)}` : ''}`;
      const comparison = (await api('GET', `/api/analytics/compare?${query}`)).data;
      renderComparison(box.querySelector('#comparison'), comparison, { esc, fmt });
      if (community) await drawTimelines(box.querySelector('#comparison'), community, [first, second], { api, esc, fmt, cleanup });
      announce(`Compared ${first} with ${second}: ${comparison.summary.communitiesFlipped} community verdict(s) and ${comparison.summary.membersFlipped} member verdict(s) flip.`);
    } catch (e) {
      error.textContent = plainError(e);
    }
  });
}

function renderComparison(box, c, { esc, fmt }) {
  const [a, b] = c.models;
  const signed = (n) => `${Number(n) > 0 ? '+' : ''}${fmt(n)}`;
  const flip = (flipped) => flipped ? '<strong class="flip">verdict flips</strong>' : '';
  box.innerHTML = `
    <p id="compare-summary">${fmt(c.summary.communitiesFlipped)} of ${fmt(c.summary.communities)} communities and ${fmt(c.summary.membersFlipped)} of ${fmt(c.summary.members)} active members change verdict from ${esc(a)} to ${esc(b)}.</p>
    <h3>Communities</h3>
    <div class="table-wrap"><table id="compare-communities"><caption class="visually-hidden">Communities under ${esc(a)} and ${esc(b)}</caption>
      <thead><tr><th scope="col">Community</th><th scope="col">Productive (${esc(a)})</th><th scope="col">Productive (${esc(b)})</th><th scope="col" class="num">Share ${esc(a)}</th><th scope="col" class="num">Share ${esc(b)}</th><th scope="col" class="num">Organization benefit change</th><th scope="col">Flip</th></tr></thead>
      <tbody>${c.communities.map((x) => `<tr class="${x.verdictFlipped ? 'flipped' : ''}" data-community="${esc(x.communityId)}">
        <th scope="row">${esc(x.name)}</th><td>${x.figures[a].productive ? 'yes' : 'no'}</td><td>${x.figures[b].productive ? 'yes' : 'no'}</td>
        <td class="num">${fmt(x.figures[a].shareBenefitingMore)}</td><td class="num">${fmt(x.figures[b].shareBenefitingMore)}</td>
        <td class="num">${signed(x.difference.organizationBenefit)}</td><td>${flip(x.verdictFlipped)}</td></tr>`).join('')}</tbody></table></div>
    <h3>Members, largest change first</h3>
    <div class="table-wrap"><table id="compare-members"><caption class="visually-hidden">Members under ${esc(a)} and ${esc(b)}</caption>
      <thead><tr><th scope="col">Member</th><th scope="col" class="num">Balance ${esc(a)}</th><th scope="col" class="num">Balance ${esc(b)}</th><th scope="col" class="num">Change</th><th scope="col">Flip</th></tr></thead>
      <tbody>${c.members.map((m) => `<tr class="${m.verdictFlipped ? 'flipped' : ''}" data-member="${esc(m.memberId)}">
        <th scope="row">${esc(m.memberId)}</th><td class="num">${fmt(m.figures[a].balance)}</td><td class="num">${fmt(m.figures[b].balance)}</td>
        <td class="num">${signed(m.difference.balance)}</td><td>${flip(m.verdictFlipped)}</td></tr>`).join('') || '<tr><td colspan="5">No active member.</td></tr>'}</tbody></table></div>
    <div class="chart-box" id="compare-chart-box" hidden><canvas id="compare-chart" role="img"></canvas></div>`;
}

async function drawTimelines(box, community, models, { api, esc, fmt, cleanup }) {
  const timelines = await Promise.all(models.map((m) =>
    api('GET', `/api/analytics/communities/${community}/timeline?bucket=day&model=${encodeURIComponent(m)}`).then((r) => r.data)));
  const chartBox = box.querySelector('#compare-chart-box');
  const canvas = box.querySelector('#compare-chart');
  const labels = [...new Set(timelines.flatMap((t) => t.points.map((p) => p.start)))].sort();
  canvas.setAttribute('aria-label', `Benefit over time under ${models.join(' and ')}; the figures are in the tables above.`);
  chartBox.hidden = false;
  if (!window.Chart) return;
  const datasets = timelines.map((t, i) => {
    const byStart = Object.fromEntries(t.points.map((p) => [p.start, Number(p.benefit)]));
    return { label: `Benefit (${esc(models[i])})`, data: labels.map((l) => byStart[l] ?? null), borderColor: COLORS[i],
      backgroundColor: COLORS[i], borderWidth: 3, pointRadius: 3, tension: 0.25, borderDash: i ? [8, 5] : [] };
  });
  const chart = new window.Chart(canvas, {
    type: 'line',
    data: { labels: labels.map((l) => new Date(l).toLocaleDateString('en', { day: 'numeric', month: 'short' })), datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'Points members got' } } } },
  });
  cleanup.push(() => chart.destroy());
}
