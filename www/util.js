// Small helpers shared by the page's modules.

export const $ = (id) => document.getElementById(id);

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
