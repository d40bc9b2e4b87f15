// Small helpers shared by the page's modules.

export const $ = (id) => document.getElementById(id);

/** An integer query parameter within [min, max], else `fallback`. */
export function intParam(params, name, fallback, min, max) {
  const n = Number(params.get(name));
  return params.has(name) && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Resolves after `ms`, or rejects with `signal.reason` when aborted first (no timer left behind). */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const clock = (date) => date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function dateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** An http(s) URL from an API answer, resolved against the page; anything else (javascript:, ...) is null. */
export function safeLink(text) {
  if (!text) return null;
  try {
    const url = new URL(text, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** POST to the mock's control API; rejects with the mock's own `{error}` text. */
export async function mockPost(mockUrl, path, body = {}) {
  const res = await fetch(new URL(path, mockUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}
