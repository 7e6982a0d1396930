// Calls to the gateway on this origin. Writes remember their X-Event-Position; the reads that follow send it as
// X-Await-Position, so a person sees their own change at once (read-your-writes).

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem || null;
  }
}

const RECENT_MS = 10000;
let recent = [];

function awaitHeader() {
  const now = Date.now();
  recent = recent.filter((p) => now - p.at < RECENT_MS);
  return recent.map((p) => p.position).join(',');
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Requested-With'] = 'fetch';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'GET' && path.startsWith('/api/')) {
    const wait = awaitHeader();
    if (wait) headers['X-Await-Position'] = wait;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'The platform cannot be reached. Check your connection and try again; nothing you typed was lost.');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = text; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, messageFor(response.status, data), typeof data === 'object' ? data : null);
  }
  const position = response.headers.get('X-Event-Position');
  if (position && method !== 'GET') {
    recent = recent.filter((p) => !p.position.startsWith(position.split(':')[0] + ':'));
    recent.push({ position, at: Date.now() });
  }
  return { status: response.status, data };
}

function sentence(text) {
  const t = String(text).trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

const FALLBACK = {
  400: 'Something you entered is not accepted.',
  401: 'You are not signed in (or your session has ended). Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'This no longer exists, or the link is wrong.',
  409: 'That cannot be done in the current state.',
  413: 'What you sent is too large.',
};

function messageFor(status, problem) {
  const detail = problem && typeof problem === 'object' ? problem.detail : null;
  if (detail) return sentence(String(detail).replace(/^Invalid request:\s*/i, ''));
  return FALLBACK[status] || `The platform could not do that right now (error ${status}). Please try again in a moment.`;
}

export function plainError(e) {
  if (e instanceof ApiError) return e.message;
  return `Something went wrong in this page: ${e.message || e}`;
}
