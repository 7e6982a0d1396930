// Notifications: the bell in the header (unread count, kept live by GET /api/notifications/stream on every page),
// the list (#/notifications: newest first, Load more, opening one marks it read and opens its thread) and the
// weekly digest (#/digest or #/digest/<yyyy-mm-dd>: what I gave, what I got, what my communities achieved).

const KIND_NAMES = { ANSWERED: 'Answered', ACCEPTED: 'Accepted', THANKED: 'Thanked', CREDITED: 'Outcome' };
let bellSource = null;
let unread = 0;
let listeners = [];

function showCount(count) {
  unread = Math.max(0, Number(count) || 0);
  const bell = document.getElementById('bell');
  const badge = document.getElementById('bell-count');
  if (!bell || !badge) return;
  badge.textContent = unread > 99 ? '99+' : String(unread);
  badge.hidden = unread === 0;
  bell.dataset.count = String(unread);
  bell.setAttribute('aria-label', unread ? `Notifications, ${unread} unread` : 'Notifications, none unread');
}

/** Shows the bell and keeps its count live; a new notification is announced and shown on the list page when open. */
export function startBell({ api, announce }) {
  stopBell();
  const bell = document.getElementById('bell');
  bell.hidden = false;
  const refresh = () => api('GET', '/api/notifications/unread-count').then((r) => showCount(r.data.unreadCount), () => null);
  refresh();
  const source = bellSource = new EventSource('/api/notifications/stream');
  // Every (re)connect reads the count again: the stream does not replay what happened while it was not open.
  source.onopen = () => { refresh(); bell.dataset.live = 'true'; };
  source.onerror = () => { delete bell.dataset.live; };
  source.addEventListener('unread', (e) => { try { showCount(JSON.parse(e.data).unreadCount); } catch (err) { console.warn(err); } });
  source.addEventListener('notification', (e) => {
    try {
      const n = JSON.parse(e.data);
      announce(`New notification: ${n.text}`);
      listeners.forEach((f) => f(n));
    } catch (err) { console.warn(err); }
  });
}

export function stopBell() {
  if (bellSource) { bellSource.close(); bellSource = null; }
  const bell = document.getElementById('bell');
  if (bell) { bell.hidden = true; delete bell.dataset.live; delete bell.dataset.count; }
  listeners = [];
}

function target(n) {
  return n.threadId ? `#/thread/${n.threadId}` : `#/community/${n.communityId}`;
}

function itemHtml(n, { esc, when }) {
  return `<li class="card notification ${n.read ? 'read' : 'unread'}" data-notification="${esc(n.notificationId)}" data-kind="${esc(n.kind)}">
    <span class="kind">${esc(KIND_NAMES[n.kind] || n.kind)}</span>${n.read ? '' : ' <span class="unread-dot">New</span>'}
    <p class="flush"><a href="${esc(target(n))}" data-open="${esc(n.notificationId)}">${esc(n.text)}</a></p>
    <p class="meta">${esc(when(n.createdAt))}${n.communityName ? ` · ${esc(n.communityName)}` : ''}</p>
  </li>`;
}

/** The #/notifications page. */
export async function renderNotifications(box, ctx) {
  const { api, esc, announce, plainError, cleanup } = ctx;
  box.innerHTML = `<div class="actions"><button type="button" class="secondary" id="mark-all">Mark all as read</button>
      <a href="#/digest">Your weekly digest</a></div>
    <p class="error" role="alert" id="notifications-error"></p>
    <ul class="plain" id="notifications"></ul><div id="notifications-more"></div>`;
  const list = box.querySelector('#notifications');
  const more = box.querySelector('#notifications-more');
  const error = box.querySelector('#notifications-error');
  const seen = new Set();
  const add = (items, atTop) => {
    list.querySelector('[data-empty]')?.remove();
    for (const n of atTop ? items.slice().reverse() : items) {
      if (seen.has(n.notificationId)) continue;
      seen.add(n.notificationId);
      list.insertAdjacentHTML(atTop ? 'afterbegin' : 'beforeend', itemHtml(n, ctx));
      if (atTop) list.firstElementChild.classList.add('new');
    }
    if (!list.children.length) list.innerHTML = '<li class="muted" data-empty>No notifications yet. You will be told here when someone answers your question, accepts your answer, thanks you, or credits your work in an outcome.</li>';
  };
  const load = async (before) => {
    const page = (await api('GET', `/api/notifications?limit=20${before ? `&before=${encodeURIComponent(before)}` : ''}`)).data;
    add(page.items, false);
    showCount(page.unreadCount);
    more.innerHTML = page.next ? '<button type="button" class="secondary loadmore" id="more-notifications">Load more</button>' : '';
    const button = more.querySelector('button');
    if (button) button.addEventListener('click', async () => {
      button.disabled = true;
      try { await load(page.next); } catch (e) { button.disabled = false; error.textContent = plainError(e); }
    });
  };
  await load(null);
  const markRead = async (body) => {
    const r = await api('POST', '/api/notifications/read', body);
    showCount(r.data.unreadCount);
    return r.data;
  };
  list.addEventListener('click', async (event) => {
    const link = event.target.closest('[data-open]');
    if (!link) return;
    event.preventDefault();
    const item = link.closest('.notification');
    if (item.classList.contains('unread')) {
      try { await markRead({ notificationIds: [link.dataset.open] }); } catch (e) { /* open it anyway */ }
    }
    location.hash = link.getAttribute('href');
  });
  box.querySelector('#mark-all').addEventListener('click', async () => {
    error.textContent = '';
    try {
      await markRead(undefined);
      list.querySelectorAll('.notification.unread').forEach((li) => {
        li.classList.replace('unread', 'read');
        li.querySelector('.unread-dot')?.remove();
      });
      announce('All notifications marked as read.');
    } catch (e) { error.textContent = plainError(e); }
  });
  const live = (n) => add([n], true);
  listeners.push(live);
  cleanup.push(() => { listeners = listeners.filter((f) => f !== live); });
}

const isoDay = (date) => date.toISOString().slice(0, 10);
function shift(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** The #/digest page: one week (the current one without a date). */
export async function renderDigest(box, week, ctx) {
  const { api, esc, fmt } = ctx;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(week || '') ? week : isoDay(new Date());
  const d = (await api('GET', `/api/notifications/digest?week=${encodeURIComponent(day)}`)).data;
  const start = d.weekStart;
  const reactions = (r) => `${r.LIKE || 0} like${r.LIKE === 1 ? '' : 's'}, ${r.THANKS || 0} thanks, ${r.USEFUL || 0} useful`;
  const quoted = (t) => (t ? ` “${esc(t)}”` : '');
  const link = (id, text) => `<a href="#/thread/${esc(id)}">${text}</a>`;
  const posted = (c) => c.kind === 'ANSWER'
    ? link(c.contributionId, `Answer to${quoted(c.questionTitle) || ' a question'}`)
    : link(c.contributionId, `${esc(c.kind.charAt(0) + c.kind.slice(1).toLowerCase())}${quoted(c.title)}`);
  const outcome = (o) => `<strong>${esc(o.description)}</strong> · value ${esc(fmt(o.value))} · recorded by ${esc(o.recordedBy)}`;
  const none = '<p class="muted">Nothing this week.</p>';
  const g = d.gave; const r = d.got;
  const gaveTotal = g.reactionsGiven.LIKE + g.reactionsGiven.THANKS + g.reactionsGiven.USEFUL;
  const gotTotal = r.reactionsReceived.LIKE + r.reactionsReceived.THANKS + r.reactionsReceived.USEFUL;
  const busy = d.communities.filter((c) => c.contributions || c.outcomes.length || c.newMembers.length);
  box.innerHTML = `<div class="actions digest-nav">
      <a href="#/digest/${esc(shift(start, -7))}" id="digest-prev">← Previous week</a>
      <strong id="digest-week">${esc(d.weekStart)} – ${esc(d.weekEnd)}</strong>
      <a href="#/digest/${esc(shift(start, 7))}" id="digest-next">Next week →</a>
      <a href="/api/notifications/digest?week=${esc(start)}&amp;format=html" target="_blank" rel="noopener">As the e-mail</a>
    </div>
    <section class="card" aria-labelledby="gave-h" id="digest-gave"><h2 id="gave-h" class="flush">What you gave</h2>
      ${g.contributions.length ? `<p>${g.contributions.length} contribution${g.contributions.length === 1 ? '' : 's'}</p>
        <ul>${g.contributions.map((c) => `<li>${posted(c)}${c.communityName ? ` in ${esc(c.communityName)}` : ''}</li>`).join('')}</ul>` : ''}
      ${gaveTotal ? `<p>Reactions you gave: ${esc(reactions(g.reactionsGiven))}</p>` : ''}
      ${!g.contributions.length && !gaveTotal ? none : ''}
    </section>
    <section class="card" aria-labelledby="got-h" id="digest-got"><h2 id="got-h" class="flush">What you got</h2>
      ${gotTotal ? `<p>Reactions to your contributions: ${esc(reactions(r.reactionsReceived))}</p>` : ''}
      ${r.answers.length ? `<p>${r.answers.length} answer${r.answers.length === 1 ? '' : 's'} to your questions</p>
        <ul>${r.answers.map((a) => `<li>${esc(a.authorId)} answered ${link(a.questionId, a.questionTitle ? `“${esc(a.questionTitle)}”` : 'your question')}</li>`).join('')}</ul>` : ''}
      ${r.acceptedAnswers.length ? `<p>${r.acceptedAnswers.length} answer${r.acceptedAnswers.length === 1 ? '' : 's'} of yours accepted</p>
        <ul>${r.acceptedAnswers.map((a) => `<li>${esc(a.acceptedBy)} accepted your answer to ${link(a.questionId, a.questionTitle ? `“${esc(a.questionTitle)}”` : 'a question')}</li>`).join('')}</ul>` : ''}
      ${r.outcomes.length ? `<p>${r.outcomes.length} outcome${r.outcomes.length === 1 ? '' : 's'} crediting your work</p>
        <ul>${r.outcomes.map((o) => `<li>${outcome(o)}${o.communityName ? ` · ${esc(o.communityName)}` : ''}</li>`).join('')}</ul>` : ''}
      ${!gotTotal && !r.answers.length && !r.acceptedAnswers.length && !r.outcomes.length ? none : ''}
    </section>
    <section class="card" aria-labelledby="achieved-h" id="digest-communities"><h2 id="achieved-h" class="flush">What your communities achieved</h2>
      ${busy.length ? busy.map((c) => `<div data-community="${esc(c.communityId)}"><h3><a href="#/community/${esc(c.communityId)}">${esc(c.name)}</a></h3>
        <p>${c.contributions} contribution${c.contributions === 1 ? '' : 's'} · ${c.outcomes.length} outcome${c.outcomes.length === 1 ? '' : 's'} recorded · ${c.newMembers.length} new member${c.newMembers.length === 1 ? '' : 's'}${c.newMembers.length ? ` (${c.newMembers.map(esc).join(', ')})` : ''}</p>
        ${c.outcomes.length ? `<ul>${c.outcomes.map((o) => `<li>${outcome(o)}</li>`).join('')}</ul>` : ''}</div>`).join('') : none}
    </section>`;
}
