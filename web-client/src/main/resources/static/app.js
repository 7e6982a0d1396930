// The thin web client: hash routes, one view at a time, every call through this origin's gateway.
import { api, ApiError, plainError } from './api.js';
import { renderDashboard } from './dashboard.js';
import { renderModels } from './models.js';
import { renderAuditHome, renderCommunityAudit } from './audit.js';
import { renderSearch, safeDecode, wireSearchBox } from './search.js';
import { renderDigest, renderNotifications, startBell, stopBell } from './notifications.js';

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let me = null;
let loginUrl = null; // set when sign-in happens at the organization's identity provider (profile prod)
let cleanup = [];

export const esc = (value) => String(value ?? '').replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
export const fmt = (n) => (n === null || n === undefined) ? '—'
  : Number(n).toLocaleString('en', { maximumFractionDigits: 2 });
const when = (iso) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
const KIND_NAMES = { QUESTION: 'Question', ANSWER: 'Answer', POST: 'Post', IDEA: 'Idea' };
const REACTION_NAMES = { LIKE: 'Like', THANKS: 'Thanks', USEFUL: 'Useful' };

export function announce(text) {
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = text; }, 50);
}

// Each navigation gets a new number; a view still loading for an older one must not paint over the new page.
let current = 0;
class Stale extends Error {}

function setView(gen, title, html) {
  if (gen !== current) throw new Stale();
  document.title = `${title} · Productive Community`;
  main.innerHTML = html;
}

function focusMain() {
  const heading = main.querySelector('h1');
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: false }); }
}

/** Runs a form submission: shows the API's reason in plain words and keeps what was typed when it fails. */
function onSubmit(form, action) {
  const error = form.querySelector('.error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (error) error.textContent = '';
    if (button) button.disabled = true;
    try {
      await action(new FormData(form));
    } catch (e) {
      if (error) { error.textContent = plainError(e); } else { announce(plainError(e)); }
      const first = form.querySelector('[aria-invalid], input, textarea');
      if (error && first) error.id && first.setAttribute('aria-describedby', error.id);
    } finally {
      if (button && button.isConnected) button.disabled = false;
    }
  });
}

let errorIds = 0;
const errorSlot = () => `<p class="error" role="alert" id="err-${++errorIds}"></p>`;

// ---------- data helpers ----------

async function allCommunities() {
  return (await api('GET', '/api/communities')).data;
}

/** The communities I currently belong to. */
async function myCommunities() {
  return (await api('GET', '/api/communities?member=me')).data;
}

// ---------- rendering pieces ----------

function itemHtml(item, { link = true } = {}) {
  const title = item.kind === 'ANSWER'
    ? (item.questionTitle ? `Answer to “${item.questionTitle}”` : `Answer by ${item.authorId}: open the question`)
    : item.title;
  const target = item.kind === 'ANSWER' && item.inReplyTo ? item.inReplyTo : item.contributionId;
  const heading = link ? `<a href="#/thread/${esc(target)}">${esc(title)}</a>` : esc(title);
  const r = item.reactions || {};
  return `<article class="card item ${esc(item.kind)}" data-id="${esc(item.contributionId)}" aria-label="${esc(KIND_NAMES[item.kind])} by ${esc(item.authorId)}">
    <span class="kind">${esc(KIND_NAMES[item.kind] || item.kind)}</span>
    <h3>${heading}</h3>
    <p class="body">${esc(item.body)}</p>
    <p class="meta">by <strong>${esc(item.authorId)}</strong> · ${esc(when(item.postedAt))}${editedHtml(item)}${item.communityName ? ` · ${esc(item.communityName)}` : ''}</p>
    <p class="counts" data-counts>${countsHtml(r, item.answerCount, item.kind, item.outcomeCount)}</p>
  </article>`;
}

/** " · edited <time>" for an edited contribution (feeds, threads). */
function editedHtml(item) {
  return item.editedAt ? ` · <span class="edited">edited ${esc(when(item.editedAt))}</span>` : '';
}

const visible = (item) => !item.state || item.state === 'VISIBLE';

function countsHtml(r, answerCount, kind, outcomeCount) {
  const n = (count, one, many) => `${count || 0} ${count === 1 ? one : many}`;
  const parts = [n(r.LIKE, 'like', 'likes'), n(r.THANKS, 'thanks', 'thanks'), n(r.USEFUL, 'useful', 'useful')];
  if (kind === 'QUESTION') parts.push(n(answerCount, 'answer', 'answers'));
  if (outcomeCount > 0) parts.push(n(outcomeCount, 'outcome', 'outcomes'));
  return parts.map((p) => `<span>${esc(p)}</span>`).join('');
}

function composeHtml(communities, fixedCommunity) {
  const choose = fixedCommunity
    ? `<input type="hidden" name="communityId" value="${esc(fixedCommunity)}">`
    : `<label for="compose-community">Community</label>
       <select id="compose-community" name="communityId" required>
         ${communities.map((c) => `<option value="${esc(c.communityId)}">${esc(c.name)}</option>`).join('')}
       </select>`;
  // Folded by default: on a phone the feed, not the form, should fill the first screen.
  return `<details class="card compose" id="compose-box"><summary>Ask a question or share something</summary>
    <form id="compose" novalidate>
    <div class="row">
      ${fixedCommunity ? choose : `<div>${choose}</div>`}
      <div><label for="compose-kind">Kind</label>
        <select id="compose-kind" name="kind">
          <option value="QUESTION">Question</option><option value="POST">Post</option><option value="IDEA">Idea</option>
        </select></div>
    </div>
    <label for="compose-title">Title</label>
    <input type="text" id="compose-title" name="title" autocomplete="off">
    <label for="compose-body">Text</label>
    <textarea id="compose-body" name="body"></textarea>
    ${errorSlot()}
    <div class="actions"><button type="submit">Publish</button></div>
  </form></details>`;
}

function wireCompose(after) {
  const form = document.getElementById('compose');
  if (!form) return;
  onSubmit(form, async (data) => {
    const communityId = data.get('communityId');
    if (!communityId) throw new ApiError(400, 'Join a community first: you can only post in communities you belong to.');
    await api('POST', `/api/communities/${communityId}/contributions`, {
      kind: data.get('kind'), title: data.get('title'), body: data.get('body'),
    });
    form.reset();
    announce('Published.');
    await after();
  });
}

// ---------- views ----------

async function loginView() {
  const gen = current;
  stopLive();
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  document.getElementById('site-search').hidden = true;
  stopBell();
  if (loginUrl) {
    setView(gen, 'Sign in', `<section class="card login"><h1>Sign in</h1>
      <p><a href="${esc(loginUrl)}">Sign in with your company account</a></p></section>`);
    return;
  }
  setView(gen, 'Sign in', `<form class="card login" id="login" novalidate>
      <h1>Sign in</h1>
      <p class="muted small">Demo accounts: alice, bob, carol, frank, grace (employees), dana (analyst), erin (auditor). The password is the user name.</p>
      <label for="login-user">User name</label>
      <input type="text" id="login-user" name="user" autocomplete="username" autocapitalize="none" required>
      <label for="login-password">Password</label>
      <input type="password" id="login-password" name="password" autocomplete="current-password" required>
      ${errorSlot()}
      <div class="actions"><button type="submit">Sign in</button></div>
    </form>`);
  const form = document.getElementById('login');
  onSubmit(form, async (data) => {
    const r = await api('POST', '/login', { user: data.get('user'), password: data.get('password') });
    me = r.data;
    showChrome();
    if (!location.hash || location.hash === '#/login') location.hash = '#/feed'; else route();
  });
  document.getElementById('login-user').focus();
}

function showChrome() {
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  document.getElementById('site-search').hidden = false;
  document.getElementById('who-name').textContent = me.name;
  showAuditNav();
  startBell({ api, announce });
}

// The Audit section is the auditors': its link shows when the log's status answers this person (403 for anyone else).
let auditProbe = null;
function showAuditNav() {
  const item = document.getElementById('nav-audit');
  item.hidden = true;
  const probe = auditProbe = api('GET', '/api/audit/status').then(() => true, () => false);
  probe.then((auditor) => { if (probe === auditProbe && me) item.hidden = !auditor; });
}

async function feedView() {
  const gen = current;
  setView(gen, 'Home feed', `<h1>Home feed</h1><div id="compose-slot"></div>
    <h2 id="feed-heading">Latest from your communities</h2>
    <p class="muted small" id="live-state">Connecting to live updates…</p>
    <div id="feed" aria-labelledby="feed-heading"></div>
    <div id="more-slot"></div>`);
  const communities = await myCommunities();
  const names = Object.fromEntries(communities.map((c) => [c.communityId, c.name]));
  document.getElementById('compose-slot').innerHTML = communities.length
    ? composeHtml(communities)
    : `<p class="card">You are not in any community yet. <a href="#/communities">Find a community to join</a>.</p>`;
  const feed = document.getElementById('feed');
  const moreSlot = document.getElementById('more-slot');
  const seen = new Set();
  const add = (items, atTop) => {
    for (const item of items) {
      if (seen.has(item.contributionId)) continue;
      seen.add(item.contributionId);
      item.communityName = names[item.communityId];
      feed.insertAdjacentHTML(atTop ? 'afterbegin' : 'beforeend', itemHtml(item));
    }
  };
  const loadPage = async (before) => {
    const page = (await api('GET', `/api/feed?limit=10${before ? `&before=${encodeURIComponent(before)}` : ''}`)).data;
    add(page.items, false);
    if (!feed.children.length) feed.innerHTML = '<p class="muted" data-empty>Nothing here yet. Ask a question or share an idea.</p>';
    moreSlot.innerHTML = page.next ? '<button type="button" class="secondary loadmore" id="more">Load more</button>' : '';
    const more = document.getElementById('more');
    if (more) more.addEventListener('click', async () => {
      more.disabled = true;
      try { await loadPage(page.next); } catch (e) { more.disabled = false; announce(plainError(e)); }
    });
  };
  await loadPage(null);
  if (gen !== current) return;
  const refreshTop = async () => {
    const page = (await api('GET', '/api/feed?limit=10')).data;
    feed.querySelector('[data-empty]')?.remove();
    add(page.items.slice().reverse(), true);
  };
  wireCompose(refreshTop);
  startLive('/api/feed/stream', {
    contribution: (item) => {
      if (seen.has(item.contributionId)) return;
      feed.querySelector('[data-empty]')?.remove();
      add([item], true);
      feed.firstElementChild?.classList.add('new');
      announce(`New ${KIND_NAMES[item.kind] || ''} from ${item.authorId}: ${item.title || item.body.slice(0, 60)}`);
    },
    counts: (c) => {
      const el = feed.querySelector(`[data-id="${CSS.escape(c.contributionId)}"] [data-counts]`);
      if (el) el.innerHTML = countsHtml(c.reactions, c.answerCount, el.closest('.item').classList.contains('QUESTION') ? 'QUESTION' : '', c.outcomeCount);
    },
  }, () => refreshTop().catch(() => null));
}

async function communitiesView() {
  const gen = current;
  setView(gen, 'Communities', `<h1>Communities</h1>
    <label for="search">Search communities</label>
    <input type="search" id="search" placeholder="Name or purpose" autocomplete="off">
    <p class="muted small" id="search-count" aria-live="polite"></p>
    <ul class="plain" id="list"></ul>
    <form class="card" id="found" novalidate>
      <h2>Start a community</h2>
      <label for="found-name">Name</label><input type="text" id="found-name" name="name" autocomplete="off">
      <label for="found-purpose">Purpose for the organization</label><textarea id="found-purpose" name="purpose"></textarea>
      <label class="check"><input type="checkbox" id="found-external" name="openToExternal" value="true">
        <span>Open to partners and customers (they can join no other community)</span></label>
      ${errorSlot()}
      <div class="actions"><button type="submit">Start community</button></div>
    </form>`);
  const all = await allCommunities();
  const list = document.getElementById('list');
  const search = document.getElementById('search');
  const show = () => {
    const q = search.value.trim().toLowerCase();
    const hits = all.filter((c) => !q || c.name.toLowerCase().includes(q) || (c.purpose || '').toLowerCase().includes(q));
    list.innerHTML = hits.map((c) => `<li class="card"><h2 class="flush"><a href="#/community/${esc(c.communityId)}">${esc(c.name)}</a></h2>
      <p>${esc(c.purpose)}</p><p class="meta">${c.memberCount} member${c.memberCount === 1 ? '' : 's'}</p></li>`).join('')
      || '<li class="muted">No community matches.</li>';
    document.getElementById('search-count').textContent = `${hits.length} of ${all.length} communities`;
  };
  search.addEventListener('input', show);
  show();
  onSubmit(document.getElementById('found'), async (data) => {
    const r = await api('POST', '/api/communities', { name: data.get('name'), purpose: data.get('purpose'),
      openToExternal: data.get('openToExternal') === 'true' });
    location.hash = `#/community/${r.data.communityId}`;
  });
}

/** A member's segments in the organization (leader, remote, partner…), as small tags after their name. */
function segmentTags(segments) {
  return (segments || []).length ? ` <span class="segments">${segments.map((s) => `<span class="tag" data-segment="${esc(s)}">${esc(s)}</span>`).join(' ')}</span>` : '';
}

async function communityView(id) {
  const gen = current;
  const [c, feedPage, outcomes] = await Promise.all([
    api('GET', `/api/communities/${id}`).then((r) => r.data),
    api('GET', `/api/communities/${id}/feed?limit=50`).then((r) => r.data),
    api('GET', `/api/communities/${id}/outcomes?limit=20`).then((r) => r.data),
  ]);
  const member = c.members.find((m) => m.memberId === me.name);
  const leader = c.leaders.includes(me.name);
  setView(gen, c.name, `<h1>${esc(c.name)}</h1>
    <section class="card" aria-labelledby="purpose-h"><h2 id="purpose-h" class="flush">Purpose</h2>
      <p id="community-purpose">${esc(c.purpose)}</p>
      <p class="muted small" id="community-audience">${c.openToExternal ? 'Open to partners and customers as well as the staff.' : 'For the organization\'s staff.'}</p>
      ${leader ? `<form id="edit-purpose" novalidate><label for="edit-purpose-text">Edit the community purpose</label>
        <textarea id="edit-purpose-text" name="purpose">${esc(c.purpose)}</textarea>${errorSlot()}
        <div class="actions"><button type="submit">Save purpose</button></div></form>` : ''}
    </section>
    <section class="card" aria-labelledby="people-h"><h2 id="people-h" class="flush">People</h2>
      <p><strong>Leaders:</strong> ${c.leaders.map(esc).join(', ') || '—'}</p>
      <h3>Members and what they want out of it</h3>
      <ul id="members">${c.members.map((m) => `<li data-member="${esc(m.memberId)}"><strong>${esc(m.memberId)}</strong>${c.leaders.includes(m.memberId) ? ' <span class="muted">(leader)</span>' : ''}${m.purpose ? `: ${esc(m.purpose)}` : ' <span class="muted">(no purpose stated)</span>'}${segmentTags(m.segments)}
        ${leader && m.memberId !== me.name ? `<span class="member-actions">${c.leaders.includes(m.memberId)
          ? `<button type="button" class="secondary small" data-unlead="${esc(m.memberId)}">Remove leader</button>`
          : `<button type="button" class="secondary small" data-lead="${esc(m.memberId)}">Make leader</button>`}
          <button type="button" class="danger small" data-remove="${esc(m.memberId)}">Remove member</button></span>` : ''}</li>`).join('')}</ul>
      <p class="error" role="alert" id="people-error"></p>
    </section>
    <section class="card" aria-labelledby="me-h"><h2 id="me-h" class="flush">${member ? 'Your membership' : 'Join this community'}</h2>
      ${member ? `<form id="my-purpose" novalidate><label for="my-purpose-text">Your purpose (what you want out of it)</label>
          <textarea id="my-purpose-text" name="purpose">${esc(member.purpose || '')}</textarea>${errorSlot()}
          <div class="actions"><button type="submit">Save my purpose</button>
          <button type="button" class="danger" id="leave">Leave community</button></div></form>`
        : `<form id="join" novalidate><label for="join-purpose">Your purpose (optional): what do you want out of it?</label>
          <textarea id="join-purpose" name="purpose"></textarea>${errorSlot()}
          <div class="actions"><button type="submit">Join</button></div></form>`}
    </section>
    ${leader ? `<details class="card compose" id="outcome-box"><summary>Record an outcome for the organization</summary><form id="outcome" novalidate>
      <p class="muted small">What did the organization get (an idea adopted, downtime avoided, hours saved)?</p>
      <label for="outcome-description">Description</label><textarea id="outcome-description" name="description"></textarea>
      <label for="outcome-value">Value (e.g. hours saved)</label><input type="number" id="outcome-value" name="value" min="0" step="any" inputmode="decimal">
      <fieldset class="plain"><legend><strong>Contributions it came from</strong></legend>
        ${feedPage.items.map((i) => `<label class="check"><input type="checkbox" name="contributionIds" value="${esc(i.contributionId)}">
          <span>${esc(KIND_NAMES[i.kind])} by ${esc(i.authorId)}: ${esc(i.title || i.body.slice(0, 80))}</span></label>`).join('') || '<p class="muted">No contributions yet.</p>'}
      </fieldset>${errorSlot()}
      <div class="actions"><button type="submit">Record outcome</button></div></form></details>` : ''}
    ${outcomesHtml(outcomes)}
    <p><a href="#/dashboard/${esc(id)}">See this community's dashboard</a></p>
    ${member ? composeHtml([], id) : ''}
    <h2>Community feed</h2>
    <div id="community-feed">${feedPage.items.map((i) => itemHtml(i)).join('') || '<p class="muted">Nothing posted yet.</p>'}</div>`);
  const reload = () => communityView(id);
  const bind = (formId, call) => { const f = document.getElementById(formId); if (f) onSubmit(f, call); };
  bind('edit-purpose', async (d) => { await api('PUT', `/api/communities/${id}/purpose`, { purpose: d.get('purpose') }); announce('Community purpose saved.'); await reload(); });
  bind('my-purpose', async (d) => { await api('PUT', `/api/communities/${id}/members/me/purpose`, { purpose: d.get('purpose') }); announce('Your purpose is saved.'); await reload(); });
  bind('join', async (d) => {
    const purpose = (d.get('purpose') || '').trim();
    await api('POST', `/api/communities/${id}/members`, purpose ? { purpose } : undefined);
    announce(`You joined ${c.name}.`); await reload();
  });
  bind('outcome', async (d) => {
    const r = await api('POST', `/api/communities/${id}/outcomes`, {
      description: d.get('description'), value: d.get('value') === '' ? null : Number(d.get('value')),
      contributionIds: d.getAll('contributionIds'),
    });
    announce('Outcome recorded.'); await reload();
    return r;
  });
  const peopleError = document.getElementById('people-error');
  const people = (selector, act) => main.querySelectorAll(selector).forEach((b) => b.addEventListener('click', async () => {
    peopleError.textContent = '';
    try { if (await act(b)) await reload(); } catch (e) { peopleError.textContent = plainError(e); }
  }));
  people('[data-lead]', async (b) => {
    await api('POST', `/api/communities/${id}/leaders`, { memberId: b.dataset.lead });
    announce(`${b.dataset.lead} is now a leader.`); return true;
  });
  people('[data-unlead]', async (b) => {
    await api('DELETE', `/api/communities/${id}/leaders/${encodeURIComponent(b.dataset.unlead)}`);
    announce(`${b.dataset.unlead} is no longer a leader.`); return true;
  });
  people('[data-remove]', async (b) => {
    const reason = prompt(`Why remove ${b.dataset.remove} from ${c.name}? (They may join again.)`);
    if (reason === null) return false;
    await api('POST', `/api/communities/${id}/members/${encodeURIComponent(b.dataset.remove)}/removal`, { reason });
    announce(`${b.dataset.remove} was removed.`); return true;
  });
  const leave = document.getElementById('leave');
  if (leave) leave.addEventListener('click', async () => {
    if (!confirm(`Leave ${c.name}?`)) return;
    try { await api('DELETE', `/api/communities/${id}/members/me`); announce(`You left ${c.name}.`); await reload(); }
    catch (e) { document.querySelector('#my-purpose .error').textContent = plainError(e); }
  });
  wireCompose(reload);
}

/** A community's outcomes (newest first), each with the contributions it credits. */
function outcomesHtml(page) {
  const items = page.items || [];
  const credited = (c) => `<li><a href="#/thread/${esc(c.contributionId)}">${esc(c.kind ? KIND_NAMES[c.kind] : 'Contribution')}${c.title ? `: ${esc(c.title)}` : c.questionTitle ? ` to “${esc(c.questionTitle)}”` : ''}</a>${c.authorId ? ` by ${esc(c.authorId)}` : ''}</li>`;
  return `<section class="card" aria-labelledby="outcomes-h"><h2 id="outcomes-h" class="flush">Outcomes for the organization</h2>
    ${items.length ? `<ol id="outcomes" class="outcomes">${items.map((o) => `<li data-outcome="${esc(o.outcomeId)}">
      <p><strong>${esc(o.description)}</strong> · value <span data-value>${esc(o.value)}</span></p>
      <p class="meta">recorded by <strong>${esc(o.recordedBy)}</strong> · ${esc(when(o.recordedAt))}</p>
      ${o.contributions.length ? `<p class="small">It came from:</p><ul>${o.contributions.map(credited).join('')}</ul>` : '<p class="muted small">No contribution named.</p>'}
    </li>`).join('')}</ol>${page.next ? '<p class="muted small">Older outcomes are not shown.</p>' : ''}`
      : '<p class="muted" id="outcomes">No outcome recorded yet.</p>'}
  </section>`;
}

/** The outcomes that credit a contribution, on its thread. */
function creditsHtml(outcomes) {
  if (!outcomes || !outcomes.length) return '';
  return `<div class="credits" id="credits"><p class="small"><strong>Contributed to ${outcomes.length === 1 ? 'an outcome' : `${outcomes.length} outcomes`}:</strong></p>
    <ul>${outcomes.map((o) => `<li data-outcome="${esc(o.outcomeId)}">${esc(o.description)} · value ${esc(o.value)} · recorded by ${esc(o.recordedBy)}</li>`).join('')}</ul></div>`;
}

const viewsRecorded = new Set();

async function threadView(id) {
  const gen = current;
  const t = (await api('GET', `/api/contributions/${id}`)).data;
  const [community, auditor] = await Promise.all([
    api('GET', `/api/communities/${t.communityId}`).then((r) => r.data, () => null),
    auditProbe || Promise.resolve(false),
  ]);
  const leader = !!community && community.leaders.includes(me.name);
  const mine = t.authorId === me.name;
  const answers = t.answers || [];
  // The author edits or retracts, a leader hides (with a reason); the author and auditors read the history.
  const manageHtml = (item) => {
    const cid = esc(item.contributionId);
    const parts = [];
    if (visible(item) && item.authorId === me.name) {
      parts.push(`<details class="manage" data-manage="edit-${cid}"><summary>Edit</summary><form data-edit="${cid}" novalidate>
        <label for="edit-title-${cid}">Title${item.kind === 'ANSWER' ? ' (optional)' : ''}</label>
        <input type="text" id="edit-title-${cid}" name="title" value="${esc(item.title || '')}" autocomplete="off">
        <label for="edit-body-${cid}">Text</label><textarea id="edit-body-${cid}" name="body">${esc(item.body)}</textarea>
        ${errorSlot()}<div class="actions"><button type="submit">Save changes</button>
        <button type="button" class="danger" data-retract="${cid}">Retract</button></div></form></details>`);
    }
    if (visible(item) && leader) {
      parts.push(`<details class="manage" data-manage="hide-${cid}"><summary>Hide (moderation)</summary><form data-hide="${cid}" novalidate>
        <label for="hide-reason-${cid}">Reason (shown in its place)</label><textarea id="hide-reason-${cid}" name="reason"></textarea>
        ${errorSlot()}<div class="actions"><button type="submit" class="danger">Hide</button></div></form></details>`);
    }
    if (item.authorId === me.name || auditor) {
      parts.push(`<details class="manage" data-manage="history-${cid}" data-history="${cid}"><summary>History</summary><div class="history"><p class="muted small">Loading…</p></div></details>`);
    }
    return parts.join('');
  };
  const reactionButtons = (item) => !visible(item) ? '' : item.authorId === me.name
    ? `<p class="muted small">Reactions from others: ${countsHtml(item.reactions, null, '').replace(/<\/?span>/g, ' ')}</p>`
    : `<div class="reactions" role="group" aria-label="React to this ${esc(KIND_NAMES[item.kind].toLowerCase())}">
      ${Object.keys(REACTION_NAMES).map((k) => `<button type="button" data-react="${k}" data-target="${esc(item.contributionId)}">${REACTION_NAMES[k]} <span>(${item.reactions?.[k] || 0})</span></button>`).join('')}
      </div>`;
  const answerHtml = (a) => {
    const accepted = t.acceptedAnswerId === a.contributionId;
    return `<article class="card item ANSWER ${accepted ? 'accepted' : ''}" data-id="${esc(a.contributionId)}">
      ${accepted ? '<p class="badge-accepted">✓ Accepted answer</p>' : ''}
      <p class="body">${esc(a.body)}</p>
      <p class="meta">by <strong>${esc(a.authorId)}</strong> · ${esc(when(a.postedAt))}${editedHtml(a)}</p>
      ${reactionButtons(a)}
      ${manageHtml(a)}
      ${mine && visible(t) && visible(a) && t.kind === 'QUESTION' && !accepted ? `<div class="actions"><button type="button" class="secondary" data-accept="${esc(a.contributionId)}">Accept this answer</button></div>` : ''}
    </article>`;
  };
  const heading = !visible(t) ? `${KIND_NAMES[t.kind]} ${t.state === 'HIDDEN' ? 'hidden by a leader' : 'retracted'}`
    : t.title || (t.questionTitle ? `Answer to “${t.questionTitle}”` : 'Answer');
  setView(gen, heading, `<p><a href="#/community/${esc(t.communityId)}">← Back to the community</a></p>
    <article class="card item ${esc(t.kind)}">
      <span class="kind">${esc(KIND_NAMES[t.kind])}</span>
      <h1>${esc(heading)}</h1>
      <p class="body">${esc(t.body)}</p>
      <p class="meta">by <strong>${esc(t.authorId)}</strong> · ${esc(when(t.postedAt))}${editedHtml(t)}</p>
      ${t.inReplyTo ? `<p><a href="#/thread/${esc(t.inReplyTo)}">Open the question${t.questionTitle ? `: ${esc(t.questionTitle)}` : ''}</a></p>` : ''}
      ${reactionButtons(t)}
      ${manageHtml(t)}
      ${creditsHtml(t.outcomes)}
    </article>
    <p class="error" role="alert" id="thread-error"></p>
    ${t.kind === 'QUESTION' ? `<h2>${answers.length} answer${answers.length === 1 ? '' : 's'}</h2>
      ${answers.map(answerHtml).join('')}
      ${!visible(t) ? '' : `<form class="card" id="answer" novalidate><label for="answer-body">Your answer</label>
        <textarea id="answer-body" name="body"></textarea>${errorSlot()}
        <div class="actions"><button type="submit">Post answer</button></div></form>`}` : ''}`);
  const threadError = document.getElementById('thread-error');
  main.querySelectorAll('[data-react]').forEach((b) => b.addEventListener('click', async () => {
    threadError.textContent = '';
    try {
      await api('POST', `/api/contributions/${b.dataset.target}/reactions`, { kind: b.dataset.react });
      announce(`${REACTION_NAMES[b.dataset.react]} given.`);
      await threadView(id);
    } catch (e) { threadError.textContent = plainError(e); }
  }));
  main.querySelectorAll('[data-accept]').forEach((b) => b.addEventListener('click', async () => {
    threadError.textContent = '';
    try {
      await api('PUT', `/api/contributions/${id}/accepted-answer`, { answerId: b.dataset.accept });
      announce('Answer accepted.');
      await threadView(id);
    } catch (e) { threadError.textContent = plainError(e); }
  }));
  main.querySelectorAll('form[data-edit]').forEach((f) => onSubmit(f, async (d) => {
    await api('PUT', `/api/contributions/${f.dataset.edit}`, { title: d.get('title'), body: d.get('body') });
    announce('Changes saved.');
    await threadView(id);
  }));
  main.querySelectorAll('form[data-hide]').forEach((f) => onSubmit(f, async (d) => {
    await api('PUT', `/api/contributions/${f.dataset.hide}/hidden`, { reason: d.get('reason') });
    announce('Hidden.');
    await threadView(id);
  }));
  main.querySelectorAll('[data-retract]').forEach((b) => b.addEventListener('click', async () => {
    threadError.textContent = '';
    if (!confirm('Retract this? It disappears from feeds and search; the history keeps it.')) return;
    try {
      await api('DELETE', `/api/contributions/${b.dataset.retract}`);
      announce('Retracted.');
      await threadView(id);
    } catch (e) { threadError.textContent = plainError(e); }
  }));
  main.querySelectorAll('details[data-history]').forEach((d) => d.addEventListener('toggle', async () => {
    if (!d.open || d.dataset.loaded) return;
    d.dataset.loaded = 'true';
    const box = d.querySelector('.history');
    try {
      const h = (await api('GET', `/api/contributions/${d.dataset.history}/history`)).data;
      const names = { POSTED: 'Posted', EDITED: 'Edited', RETRACTED: 'Retracted', HIDDEN: 'Hidden by a leader' };
      box.innerHTML = `<ol class="small">${h.changes.map((c) => `<li><strong>${esc(names[c.change] || c.change)}</strong> by ${esc(c.by)} · ${esc(when(c.at))}
        ${c.title ? `<br>${esc(c.title)}` : ''}${c.body ? `<br><span class="body">${esc(c.body)}</span>` : ''}${c.reason ? `<br>Reason: ${esc(c.reason)}` : ''}</li>`).join('')}</ol>`;
    } catch (e) { box.textContent = plainError(e); }
  }));
  const form = document.getElementById('answer');
  if (form) onSubmit(form, async (d) => {
    await api('POST', `/api/communities/${t.communityId}/contributions`, { kind: 'ANSWER', body: d.get('body'), inReplyTo: id });
    announce('Answer posted.');
    await threadView(id);
  });
  // Opening a thread is reading it: record a view of everything shown that someone else wrote (once per page load).
  const viewed = [t, ...answers].filter((i) => visible(i) && i.authorId !== me.name && !viewsRecorded.has(i.contributionId));
  viewed.forEach((i) => viewsRecorded.add(i.contributionId));
  await Promise.all(viewed.map((i) => api('POST', `/api/contributions/${i.contributionId}/views`).catch(() => null)));
}

async function valueView() {
  const gen = current;
  setView(gen, 'My value', '<h1>My value</h1><p class="muted">What you gave each community and what you got from it, point by point.</p><div id="values"><p class="muted">Loading…</p></div>');
  const communities = await myCommunities();
  const box = document.getElementById('values');
  if (!communities.length) { box.innerHTML = '<p class="card">You are not in any community yet. <a href="#/communities">Find one to join</a>.</p>'; return; }
  const sections = await Promise.all(communities.map(async (c) => {
    const base = `/api/analytics/communities/${c.communityId}/members/${encodeURIComponent(me.name)}`;
    const [fig, ledger] = await Promise.all([api('GET', base).then((r) => r.data), api('GET', `${base}/ledger`).then((r) => r.data)]);
    const more = Number(fig.benefit) > Number(fig.contribution);
    return `<section class="card" aria-labelledby="v-${esc(c.communityId)}" data-community="${esc(c.communityId)}">
      <h2 id="v-${esc(c.communityId)}" class="flush"><a href="#/community/${esc(c.communityId)}">${esc(c.name)}</a></h2>
      <div class="figures">
        <div class="figure"><span class="value" data-figure="contribution">${fmt(fig.contribution)}</span><span class="label">You gave (contribution)</span></div>
        <div class="figure"><span class="value" data-figure="benefit">${fmt(fig.benefit)}</span><span class="label">You got (benefit)</span></div>
        <div class="figure"><span class="value ${Number(fig.balance) >= 0 ? 'pos' : 'neg'}" data-figure="balance">${Number(fig.balance) > 0 ? '+' : ''}${fmt(fig.balance)}</span><span class="label">Balance (got − gave)</span></div>
        <div class="figure"><span class="value" data-figure="ratio">${fig.ratio === null ? '—' : `${fmt(fig.ratio)}×`}</span><span class="label">Ratio (got ÷ gave)</span></div>
      </div>
      <p>${fig.contribution == 0 && fig.benefit == 0 ? 'Nothing counted yet.' : more ? 'You get more out of this community than you put in.' : 'So far you put in more than you get out.'}</p>
      <details ${ledger.length <= 12 ? 'open' : ''}><summary>Ledger: every point explained (${ledger.length} entries)</summary>
        <div class="table-wrap"><table><caption class="visually-hidden">Ledger for ${esc(c.name)}</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Why</th><th scope="col" class="num">Gave</th><th scope="col" class="num">Got</th></tr></thead>
          <tbody>${ledger.map((e) => `<tr><td>${esc(when(e.occurredAt))}</td><td>${esc(e.reason)} <span class="muted small">(${esc(e.eventType)})</span></td>
            <td class="num">${Number(e.contribution) ? fmt(e.contribution) : ''}</td><td class="num">${Number(e.benefit) ? fmt(e.benefit) : ''}</td></tr>`).join('')}</tbody>
        </table></div></details>
    </section>`;
  }));
  box.innerHTML = sections.join('');
}

async function dashboardView(id) {
  const gen = current;
  const all = await allCommunities();
  if (!id && all.length) { location.replace(`#/dashboard/${all[0].communityId}`); return; }
  setView(gen, 'Dashboard', `<h1>Community dashboard</h1>
    <label for="dash-community">Community</label>
    <select id="dash-community">${all.map((c) => `<option value="${esc(c.communityId)}" ${c.communityId === id ? 'selected' : ''}>${esc(c.name)}</option>`).join('')}</select>
    <div id="dash">${all.length ? '<p class="muted">Loading…</p>' : '<p>No community yet.</p>'}</div>`);
  document.getElementById('dash-community').addEventListener('change', (e) => { location.hash = `#/dashboard/${e.target.value}`; });
  if (id) await renderDashboard(document.getElementById('dash'), id, { api, esc, fmt, me, cleanup });
}

async function modelsView() {
  const gen = current;
  setView(gen, 'Value models', `<h1>Value model versions</h1>
    <p class="muted">Create a version of the value model, watch it replay over the whole history, compare it with another and make it the default.</p>
    <div id="models"><p class="muted">Loading…</p></div>`);
  await renderModels(document.getElementById('models'), { api, esc, fmt, cleanup, announce, plainError });
}

async function auditView(id) {
  const gen = current;
  setView(gen, 'Audit', `<h1>Audit</h1>
    ${id ? '<p><a href="#/audit">← The log\'s status and all communities</a></p>' : '<p class="muted">Check that the history was not altered, and trace how each community\'s figures and verdict came about, event by event.</p>'}
    <div id="audit"><p class="muted">Loading…</p></div>`);
  const box = document.getElementById('audit');
  const context = { api, esc, fmt, announce, plainError };
  if (id) await renderCommunityAudit(box, id, context); else await renderAuditHome(box, context);
}

async function notificationsView() {
  const gen = current;
  setView(gen, 'Notifications', `<h1>Notifications</h1>
    <p class="muted">When someone answers your question, accepts your answer, thanks you, or credits your work in an outcome.</p>
    <div id="notifications-box"><p class="muted">Loading…</p></div>`);
  await renderNotifications(document.getElementById('notifications-box'), { api, esc, when, announce, plainError, cleanup });
}

async function digestView(week) {
  const gen = current;
  setView(gen, 'Weekly digest', `<h1>Your weekly digest</h1>
    <p class="muted">What you gave, what you got, and what your communities achieved (weeks run Monday to Sunday, UTC). It is also sent to you every Monday. <a href="#/notifications">Your notifications</a></p>
    <div id="digest"><p class="muted">Loading…</p></div>`);
  await renderDigest(document.getElementById('digest'), week, { api, esc, fmt });
}

async function searchView(q) {
  const gen = current;
  setView(gen, `Search: ${q}`, `<h1>Search results</h1><div id="search-results"></div>`);
  await renderSearch(document.getElementById('search-results'), q, { api, esc, announce, plainError });
}

// ---------- live updates ----------

let source = null;
function startLive(url, handlers, onReconnect) {
  stopLive();
  source = new EventSource(url);
  const state = document.getElementById('live-state');
  let lost = false;
  source.onopen = () => {
    if (state) state.textContent = 'Live: new items appear here as they are posted.';
    // The stream does not replay what was missed while it was down: read the newest page again.
    if (lost && onReconnect) onReconnect();
    lost = false;
  };
  source.onerror = () => { lost = true; if (state) state.textContent = 'Live updates paused; reconnecting…'; };
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (e) => { try { handler(JSON.parse(e.data)); } catch (err) { console.warn(err); } });
  }
}
function stopLive() { if (source) { source.close(); source = null; } }

// ---------- router ----------

async function route() {
  const gen = ++current;
  stopLive();
  cleanup.splice(0).forEach((f) => f());
  const [, name = 'feed', id] = (location.hash || '#/feed').split('/');
  if (!me) { await loginView(); return; }
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === name || (name === 'community' && a.dataset.nav === 'communities')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  try {
    switch (name) {
      case 'communities': await communitiesView(); break;
      case 'community': await communityView(id); break;
      case 'thread': await threadView(id); break;
      case 'value': await valueView(); break;
      case 'dashboard': await dashboardView(id); break;
      case 'models': await modelsView(); break;
      case 'audit': await auditView(id); break;
      case 'search': await searchView(safeDecode(id)); break;
      case 'notifications': await notificationsView(); break;
      case 'digest': await digestView(id); break;
      default: await feedView();
    }
    focusMain();
  } catch (e) {
    if (e instanceof Stale || gen !== current) return;
    if (e instanceof ApiError && e.status === 401) { me = null; await loginView(); return; }
    setView(gen, 'Problem', `<h1>Something went wrong</h1><p class="error" role="alert">${esc(plainError(e))}</p><p><a href="#/feed">Back to the home feed</a></p>`);
  }
}

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('POST', '/logout'); } catch (e) { /* the session is gone either way */ }
  me = null;
  stopBell();
  document.getElementById('nav-audit').hidden = true;
  // One rendering of the sign-in form: a second one would replace the fields while the person types.
  if (location.hash === '#/login') await loginView(); else location.hash = '#/login';
});

window.addEventListener('hashchange', route);
wireSearchBox();
(async () => {
  try { me = (await api('GET', '/me')).data; showChrome(); } catch (e) { me = null; loginUrl = e.problem?.loginUrl || null; }
  await route();
})();
