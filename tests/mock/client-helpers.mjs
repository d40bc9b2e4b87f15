// Shared by the *.test.mjs files: a mock per test file and small fetch wrappers.
import { after, before } from 'node:test';
import { startMockServer } from '../../pkg/mock/server.mjs';

/** Starts a mock before the file's tests and closes it after; returns a live handle object. */
export function useMock(options) {
  const h = {};
  before(async () => {
    const mock = await startMockServer(options);
    Object.assign(h, mock, { key: mock.state.apiKeyHeader });
  });
  after(() => h.close());
  h.get = (path, init) => fetch(h.url + path, init);
  h.v2 = (path, init = {}) => fetch(h.url + path, { ...init, headers: { 'x-api-key': h.key, 'content-type': 'application/json', ...init.headers } });
  h.post = (path, body, init = {}) => fetch(h.url + path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  h.v2post = (path, body) => h.post(path, body, { headers: { 'x-api-key': h.key } });
  h.control = async (method, path, body) => {
    const res = await fetch(`${h.url}/__mock${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { status: res.status, body: await res.json() };
  };
  return h;
}

/** Walks every page of a StreamPay list query; returns all rows. */
export async function listAll(h, query = '', limit = 100) {
  const rows = [];
  for (let page = 1; ; page++) {
    const res = await h.v2(`/api/v2/payments?limit=${limit}&page=${page}${query}`);
    if (res.status !== 200) throw new Error(`page ${page}: HTTP ${res.status} ${await res.text()}`);
    const body = await res.json();
    rows.push(...body.data);
    if (!body.pagination.has_next_page) return rows;
  }
}

/** Exact decimal check: amount text has `decimals` digits and equals the smallest-unit integer. */
export function amountMatches(amount, smallest, decimals) {
  const m = /^(\d+)\.(\d+)$/.exec(amount);
  if (decimals === 0) return amount === String(smallest);
  return Boolean(m) && m[2].length === decimals && BigInt(m[1] + m[2]) === BigInt(smallest);
}
