// Search (GET /api/search): the box in the header and the results page (#/search/<q>), best match first,
// paged with the API's cursor. Results link to the community or to the thread (an answer to its question).

const KIND_NAMES = { QUESTION: 'Question', ANSWER: 'Answer', POST: 'Post', IDEA: 'Idea' };
const EXCERPT = 240;

/** The header's search box: submitting opens the results page; on that page it shows the current search. */
export function wireSearchBox() {
  const form = document.getElementById('site-search');
  const input = document.getElementById('site-search-q');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) { input.focus(); return; }
    const hash = `#/search/${encodeURIComponent(q)}`;
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = hash;
  });
  const sync = () => {
    const [, name, q] = (location.hash || '').split('/');
    if (name === 'search' && q !== undefined) input.value = safeDecode(q);
  };
  window.addEventListener('hashchange', sync);
  sync();
}

export function safeDecode(text) {
  try { return decodeURIComponent(text || ''); } catch (e) { return text || ''; }
}

function excerpt(body) {
  const chars = [...String(body || '')];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join('');
}

function hitHtml(hit, esc) {
  if (hit.type === 'COMMUNITY') {
    const c = hit.community;
    return `<li class="card hit" data-type="COMMUNITY" data-id="${esc(c.communityId)}">
      <span class="kind">Community</span>
      <h2 class="flush"><a href="#/community/${esc(c.communityId)}">${esc(c.name)}</a></h2>
      <p class="body">${esc(excerpt(c.purpose))}</p>
      <p class="meta">${c.memberCount} member${c.memberCount === 1 ? '' : 's'}</p></li>`;
  }
  const item = hit.contribution;
  const answer = item.kind === 'ANSWER';
  const target = answer && item.inReplyTo ? item.inReplyTo : item.contributionId;
  const title = answer ? `Answer by ${item.authorId}` : item.title;
  const community = hit.communityName
    ? ` · in <a href="#/community/${esc(hit.communityId)}">${esc(hit.communityName)}</a>` : '';
  return `<li class="card hit item ${esc(item.kind)}" data-type="CONTRIBUTION" data-id="${esc(item.contributionId)}">
    <span class="kind">${esc(KIND_NAMES[item.kind] || item.kind)}</span>
    <h2 class="flush"><a href="#/thread/${esc(target)}">${esc(title)}</a></h2>
    <p class="body">${esc(excerpt(item.body))}</p>
    <p class="meta">by <strong>${esc(item.authorId)}</strong>${community} · ${esc(new Date(item.postedAt).toLocaleDateString('en', { dateStyle: 'medium' }))}</p></li>`;
}

/** Renders the results of {@code q} into {@code box}, a page at a time. */
export async function renderSearch(box, q, { api, esc, announce, plainError }) {
  if (!q.trim()) {
    box.innerHTML = '<p class="muted">Type a word in the search box above.</p>';
    return;
  }
  box.innerHTML = `<p class="muted small" id="search-status"></p>
    <ol class="plain" id="search-list" aria-label="Results for ${esc(q)}"></ol>
    <p class="error" role="alert" id="search-error"></p><div id="search-more"></div>`;
  const list = box.querySelector('#search-list');
  const status = box.querySelector('#search-status');
  const more = box.querySelector('#search-more');
  const error = box.querySelector('#search-error');
  let shown = 0;
  const load = async (before) => {
    const url = `/api/search?limit=20&q=${encodeURIComponent(q)}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const page = (await api('GET', url)).data;
    list.insertAdjacentHTML('beforeend', page.items.map((hit) => hitHtml(hit, esc)).join(''));
    shown += page.items.length;
    const text = shown === 0 ? `Nothing found for “${q}”.`
      : `${shown}${page.next ? '+' : ''} result${shown === 1 && !page.next ? '' : 's'} for “${q}”, best match first.`;
    status.textContent = text;
    announce(text);
    more.innerHTML = page.next ? '<button type="button" class="secondary loadmore" id="search-next">More results</button>' : '';
    const button = more.querySelector('#search-next');
    if (button) button.addEventListener('click', async () => {
      button.disabled = true;
      error.textContent = '';
      try { await load(page.next); } catch (e) { button.disabled = false; error.textContent = plainError(e); }
    });
  };
  try {
    await load(null);
  } catch (e) {
    if (e.status === 401) throw e;
    error.textContent = plainError(e);
  }
}
