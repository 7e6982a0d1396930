// The auditor's pages: the log's verification status and its export, and per community the trail (every event
// that changed a figure, with the figures before and after, verdict flips marked, paged with `after`), any
// member's ledger, and the analytics exports as downloads (plain links: the gateway passes Content-Disposition).

const FIGURES = [
  ['organizationBenefit', 'Organization benefit'],
  ['activeMembers', 'Active members'],
  ['membersBenefitingMore', 'Members benefiting more'],
  ['shareBenefitingMore', 'Share benefiting more'],
  ['productive', 'Productive (verdict)'],
];
const FIGURE_NAMES = Object.fromEntries(FIGURES);
const EXPORTS = [
  ['trail', 'Trail'], ['ledger', 'Ledger (every entry of every member)'], ['members', 'Member figures'],
  ['figures', 'Community figures'],
];
const PAGE = 50;
const when = (iso) => iso ? new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
const pct = (share) => (share === null || share === undefined) ? '—' : `${Math.round(Number(share) * 1000) / 10} %`;
const verdict = (productive) => productive ? 'productive' : 'not productive';

function value(figure, v, fmt) {
  if (figure === 'productive') return verdict(v);
  if (figure === 'shareBenefitingMore') return pct(v);
  return fmt(v);
}

/** The log's own check and its export: what an auditor needs to trust (or doubt) the history. */
export async function renderLogStatus(box, { api, esc, fmt }) {
  let status;
  try {
    status = (await api('GET', '/api/audit/status')).data;
  } catch (e) {
    if (e.status === 403) {
      box.innerHTML = '<p class="card" role="alert">The audit log\'s status and export are for auditors.</p>';
      return;
    }
    throw e;
  }
  const head = status.treeHead;
  const check = status.check;
  const label = { OK: 'Verified: no event differs from the log', FAILED: 'Check failed', PENDING: 'First check under way' };
  box.innerHTML = `<section class="card" aria-labelledby="log-h">
    <h2 id="log-h" class="flush">Tamper-evident event log</h2>
    <p class="log-status ${status.status === 'OK' ? 'good' : status.status === 'FAILED' ? 'bad' : 'pending'}" id="log-status"
       data-status="${esc(status.status)}" role="status"><strong>${esc(status.status)}</strong> · ${esc(label[status.status] || status.status)}</p>
    ${check.failure ? `<p class="error" id="log-failure">${esc(check.failure.detail)}${check.failure.position ? ` (position ${esc(check.failure.position)})` : ''}</p>` : ''}
    <dl class="facts">
      <dt>Events in the log</dt><dd id="log-size">${fmt(status.size)}</dd>
      <dt>Last signed tree head</dt><dd id="log-head-size">${head ? `size ${fmt(head.size)}` : 'none yet'}</dd>
      <dt>Signed at</dt><dd id="log-head-time">${head ? `<time datetime="${esc(head.timestamp)}">${esc(when(head.timestamp))}</time>` : '—'}</dd>
      <dt>Root hash</dt><dd><code class="hash" id="log-root">${esc(head ? head.root : '—')}</code></dd>
      <dt>Public key id</dt><dd><code class="hash" id="log-key">${esc(status.keyId)}</code>${head && head.keyId && head.keyId !== status.keyId ? ` <span class="muted small">(the last head was signed with key ${esc(head.keyId)})</span>` : ''}</dd>
      <dt>Last complete check</dt><dd id="log-check">${check.lastPassAt ? `<time datetime="${esc(check.lastPassAt)}">${esc(when(check.lastPassAt))}</time>` : 'not yet'} · ${fmt(check.passes)} passes, now at position ${fmt(check.checkedUpTo)}</dd>
    </dl>
    <p class="muted small">The platform re-reads every stored event in the background and compares it with its leaf in the Merkle tree, and checks the last signed head's signature and root. To check it yourself without the platform, download the export and the public key and run <code>java -jar audit-verifier.jar audit-export.jsonl --public-key audit-public-key.pem</code>.</p>
    <div class="actions">
      <a class="button" href="/api/audit/export" download="audit-export.jsonl" id="download-log">Download the events with their tree heads (JSON lines)</a>
      <a class="button secondary" href="/api/audit/public-key" download="audit-public-key.pem" id="download-key">Public key (PEM)</a>
    </div>
  </section>`;
}

/** The audit home: the log's status and the communities, each with its trail. */
export async function renderAuditHome(box, { api, esc, fmt }) {
  box.innerHTML = '<div id="log"><p class="muted">Loading…</p></div><section class="card" aria-labelledby="trails-h"><h2 id="trails-h" class="flush">Community trails</h2><ul class="plain" id="audit-communities"><li class="muted">Loading…</li></ul></section>';
  const [communities] = await Promise.all([
    api('GET', '/api/communities').then((r) => r.data),
    renderLogStatus(box.querySelector('#log'), { api, esc, fmt }),
  ]);
  box.querySelector('#audit-communities').innerHTML = communities.map((c) => `<li class="trail-link">
      <a href="#/audit/${esc(c.communityId)}">${esc(c.name)}</a> <span class="muted small">${c.memberCount} member${c.memberCount === 1 ? '' : 's'}</span></li>`).join('')
    || '<li class="muted">No community yet.</li>';
}

function isoOrEmpty(local) {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

/** One community for the auditor: trail, a member's ledger, downloads. */
export async function renderCommunityAudit(box, id, { api, esc, fmt, announce, plainError }) {
  const [community, versions] = await Promise.all([
    api('GET', `/api/communities/${id}`).then((r) => r.data),
    api('GET', '/api/analytics/models').then((r) => r.data).catch(() => []),
  ]);
  const readable = versions.filter((v) => v.state === 'caught-up');
  const members = new Set(community.members.map((m) => m.memberId));
  box.innerHTML = `<h2 class="flush">${esc(community.name)}</h2>
    <p class="muted">${esc(community.purpose)}</p>
    <form class="card" id="trail-form" novalidate>
      <h2 class="flush">Which history</h2>
      <div class="row">
        <div><label for="t-model">Value model version</label>
          <select id="t-model" name="model">${readable.map((v) => `<option value="${esc(v.name)}" ${v.isDefault ? 'selected' : ''}>${esc(v.name)}${v.isDefault ? ' (default)' : ''}</option>`).join('') || '<option value="">default</option>'}</select></div>
        <div><label for="t-figure">Only changes of</label>
          <select id="t-figure" name="figure"><option value="">any figure</option><option value="verdict">the verdict</option>
            ${FIGURES.filter(([f]) => f !== 'productive').map(([f, n]) => `<option value="${f}">${esc(n.toLowerCase())}</option>`).join('')}</select></div>
      </div>
      <div class="row">
        <div><label for="t-from">From (events at or after)</label><input type="datetime-local" step="1" id="t-from" name="from"></div>
        <div><label for="t-asof">As of (events at or before)</label><input type="datetime-local" step="1" id="t-asof" name="asOf"></div>
        <div><label for="t-limit">Events per page</label>
          <select id="t-limit" name="limit">${[5, 20, 50, 200].map((n) => `<option ${n === PAGE ? 'selected' : ''}>${n}</option>`).join('')}</select></div>
      </div>
      <p class="muted small">Times are in your time zone. The figures after the last event shown are the community's figures as of that moment.</p>
      <p class="error" role="alert" id="trail-error"></p>
      <div class="actions"><button type="submit">Show the trail</button></div>
    </form>
    <section class="card" aria-labelledby="trail-h">
      <h2 id="trail-h" class="flush">How the figures came about</h2>
      <p id="trail-summary" class="muted" aria-live="polite"></p>
      <ol class="trail" id="trail"></ol>
      <div id="trail-more"></div>
    </section>
    <section class="card" aria-labelledby="ledger-h">
      <h2 id="ledger-h" class="flush">A member's ledger</h2>
      <form id="ledger-form" novalidate>
        <label for="ledger-member">Member</label>
        <input type="text" id="ledger-member" name="member" list="ledger-members" autocomplete="off" autocapitalize="none" required>
        <datalist id="ledger-members"></datalist>
        <p class="error" role="alert" id="ledger-error"></p>
        <div class="actions"><button type="submit">Show the ledger</button></div>
      </form>
      <div id="ledger"></div>
    </section>
    <section class="card" aria-labelledby="exports-h">
      <h2 id="exports-h" class="flush">Downloads</h2>
      <p class="muted small">Streamed from the ledger for the version and times chosen above, each with the signed tree head of the log that covers its last event, so it can be checked against the log.</p>
      <ul class="plain downloads" id="exports"></ul>
    </section>`;

  const form = box.querySelector('#trail-form');
  const list = box.querySelector('#trail');
  const more = box.querySelector('#trail-more');
  const summary = box.querySelector('#trail-summary');
  const datalist = box.querySelector('#ledger-members');
  const showMembers = () => { datalist.innerHTML = [...members].sort().map((m) => `<option value="${esc(m)}"></option>`).join(''); };
  showMembers();

  const params = () => {
    const data = new FormData(form);
    const q = new URLSearchParams();
    if (data.get('model')) q.set('model', data.get('model'));
    const asOf = isoOrEmpty(data.get('asOf'));
    if (asOf) q.set('asOf', asOf);
    return { q, from: isoOrEmpty(data.get('from')), figure: data.get('figure') || '', limit: data.get('limit') || String(PAGE) };
  };

  const showExports = () => {
    const { q, from, figure } = params();
    box.querySelector('#exports').innerHTML = EXPORTS.map(([kind, name]) => {
      const e = new URLSearchParams(q);
      if (kind === 'trail') { if (from) e.set('from', from); if (figure) e.set('figure', figure); }
      const link = (format) => { const f = new URLSearchParams(e); f.set('format', format); return `/api/analytics/communities/${esc(id)}/exports/${kind}?${esc(f.toString())}`; };
      return `<li><span>${esc(name)}</span>
        <a href="${link('csv')}" download data-export="${kind}" data-format="csv">CSV<span class="visually-hidden"> of the ${esc(name.toLowerCase())}</span></a>
        <a href="${link('json')}" download data-export="${kind}" data-format="json">JSON<span class="visually-hidden"> of the ${esc(name.toLowerCase())}</span></a></li>`;
    }).join('');
  };

  let shown = 0; let flips = 0;
  const load = async (after) => {
    const { q, from, figure, limit } = params();
    if (from) q.set('from', from);
    if (figure) q.set('figure', figure);
    q.set('limit', limit);
    if (after) q.set('after', after);
    const page = (await api('GET', `/api/analytics/communities/${id}/trail?${q}`)).data;
    if (!after) { list.innerHTML = ''; shown = 0; flips = 0; }
    list.insertAdjacentHTML('beforeend', page.items.map((e) => eventHtml(e, { esc, fmt })).join(''));
    shown += page.items.length;
    flips += page.items.filter((e) => e.verdictFlipped).length;
    page.items.forEach((e) => e.members.forEach((m) => members.add(m)));
    showMembers();
    if (!shown) list.innerHTML = '<li class="muted">No event changed a figure in this period.</li>';
    summary.textContent = `${shown} event${shown === 1 ? '' : 's'} changed the figures under ${page.model}${page.next ? ' so far' : ''}; the verdict flipped ${flips} time${flips === 1 ? '' : 's'}.`;
    more.innerHTML = page.next ? '<button type="button" class="secondary loadmore" id="trail-next">Load more events</button>' : '';
    const next = more.querySelector('#trail-next');
    if (next) next.addEventListener('click', async () => {
      next.disabled = true;
      try { await load(page.next); announce(`${shown} events shown.`); } catch (e) { next.disabled = false; box.querySelector('#trail-error').textContent = plainError(e); }
    });
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = box.querySelector('#trail-error');
    error.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
    try {
      await load(null);
      showExports();
      announce(summary.textContent);
    } catch (e) {
      error.textContent = plainError(e);
      const field = e.problem && e.problem.field && form.elements[e.problem.field];
      if (field) { field.setAttribute('aria-invalid', 'true'); field.setAttribute('aria-describedby', 'trail-error'); field.focus(); }
    }
  });

  const ledgerForm = box.querySelector('#ledger-form');
  ledgerForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = box.querySelector('#ledger-error');
    error.textContent = '';
    const member = String(new FormData(ledgerForm).get('member') || '').trim();
    if (!member) { error.textContent = 'Name a member (their user name).'; return; }
    const { q } = params();
    try {
      const base = `/api/analytics/communities/${id}/members/${encodeURIComponent(member)}`;
      const [figures, entries] = await Promise.all([
        api('GET', `${base}?${q}`).then((r) => r.data), api('GET', `${base}/ledger?${q}`).then((r) => r.data)]);
      box.querySelector('#ledger').innerHTML = ledgerHtml(member, figures, entries, { esc, fmt });
      announce(`${member}'s ledger: ${entries.length} entries.`);
    } catch (e) {
      error.textContent = plainError(e);
    }
  });

  showExports();
  await load(null);
}

function eventHtml(e, { esc, fmt }) {
  const changes = e.changes.map((c) => `<tr class="${c.figure === 'productive' ? 'flipped' : ''}"><th scope="row">${esc(FIGURE_NAMES[c.figure] || c.figure)}</th>
    <td class="num">${esc(value(c.figure, c.before, fmt))}</td><td class="num">${esc(value(c.figure, c.after, fmt))}</td></tr>`).join('');
  const flip = e.verdictFlipped
    ? `<p class="flip-note"><strong>Verdict flips:</strong> ${esc(verdict(!e.figures.productive))} → ${esc(verdict(e.figures.productive))}</p>` : '';
  const memberRows = (e.memberChanges || []).map((m) => `<tr data-member="${esc(m.memberId)}"><th scope="row">${esc(m.memberId)}</th>
    <td class="num">${fmt(m.contributionBefore)} → ${fmt(m.contributionAfter)}</td><td class="num">${fmt(m.benefitBefore)} → ${fmt(m.benefitAfter)}</td>
    <td>${m.benefitingMoreBefore === m.benefitingMoreAfter ? (m.benefitingMoreAfter ? 'yes' : 'no') : `${m.benefitingMoreBefore ? 'yes' : 'no'} → <strong>${m.benefitingMoreAfter ? 'yes' : 'no'}</strong>`}</td></tr>`).join('');
  return `<li class="trail-event ${e.verdictFlipped ? 'flipped' : ''}" data-event-id="${esc(e.eventId)}" data-cursor="${esc(e.cursor)}">
    <p class="meta"><time datetime="${esc(e.occurredAt)}">${esc(when(e.occurredAt))}</time> · <strong class="event-type">${esc(e.eventType)}</strong>
      · for ${e.members.map(esc).join(', ') || '—'} <span class="small">(event <code>${esc(e.eventId)}</code>)</span></p>
    ${flip}
    <div class="table-wrap"><table class="changes"><caption class="visually-hidden">Figures changed by this event</caption>
      <thead><tr><th scope="col">Figure</th><th scope="col" class="num">Before</th><th scope="col" class="num">After</th></tr></thead>
      <tbody>${changes}</tbody></table></div>
    <p class="small muted figures-after">After it: organization benefit ${esc(fmt(e.figures.organizationBenefit))} · ${esc(fmt(e.figures.activeMembers))} active · ${esc(fmt(e.figures.membersBenefitingMore))} benefiting more (${esc(pct(e.figures.shareBenefitingMore))}) · ${esc(verdict(e.figures.productive))}</p>
    ${memberRows ? `<details><summary>Members' figures before and after</summary><div class="table-wrap"><table>
      <caption class="visually-hidden">Members' own figures before and after this event</caption>
      <thead><tr><th scope="col">Member</th><th scope="col" class="num">Gave</th><th scope="col" class="num">Got</th><th scope="col">Benefits more</th></tr></thead>
      <tbody>${memberRows}</tbody></table></div></details>` : ''}
  </li>`;
}

function ledgerHtml(member, f, entries, { esc, fmt }) {
  return `<h3 id="ledger-of" data-member="${esc(member)}">${esc(member)} under ${esc(f.model)}</h3>
    <p id="ledger-figures">Gave <strong>${fmt(f.contribution)}</strong>, got <strong>${fmt(f.benefit)}</strong>, balance <strong>${Number(f.balance) > 0 ? '+' : ''}${fmt(f.balance)}</strong>${f.ratio === null ? '' : `, ratio ${fmt(f.ratio)}×`}.</p>
    <div class="table-wrap"><table id="ledger-table"><caption class="visually-hidden">Ledger of ${esc(member)}</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Why</th><th scope="col">Event</th><th scope="col" class="num">Gave</th><th scope="col" class="num">Got</th></tr></thead>
      <tbody>${entries.map((e) => `<tr data-event-id="${esc(e.eventId)}"><td><time datetime="${esc(e.occurredAt)}">${esc(when(e.occurredAt))}</time></td>
        <td>${esc(e.reason)}</td><td><span class="small">${esc(e.eventType)}</span></td>
        <td class="num">${Number(e.contribution) ? fmt(e.contribution) : ''}</td><td class="num">${Number(e.benefit) ? fmt(e.benefit) : ''}</td></tr>`).join('')
        || '<tr><td colspan="5">No entry: this member has no points in this community.</td></tr>'}</tbody>
    </table></div>`;
}
