// The HTTP client against plain JS: page decode, sequential getPayment, the watcher.
// Each comparison measures only when the package has the export it needs, and otherwise returns
// { skipped } with a line saying so; the mock API runs in its own process (lib/mock.mjs).
import { compareAsync } from '../lib/harness.mjs';
import { MOCK_API_KEY, MOCK_API_KEY_HEADER, startMock } from '../lib/mock.mjs';
import { features, loadPackage } from '../lib/subject.mjs';

const GATEWAY_ID = 'LqaUrQimtgTe9iF3Knv8Ld'; // the documented completed payment, served byte for byte
const STREAMPAY_ID = '6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40';

export const COMPARISONS = [
  { id: 'page-decode', needs: 'StreamPayClient', title: 'Decoding a 100-payment StreamPay page' },
  { id: 'get-payment', needs: 'GatewayClient', title: 'Sequential getPayment on 127.0.0.1' },
  { id: 'watcher', needs: 'watchPayments', title: 'The watcher at 10,000 payments' },
  { id: 'heap', needs: 'watchPayments', title: 'Heap after 100,000 polls' },
];

export async function run(id, options) {
  const spec = COMPARISONS.find((c) => c.id === id);
  if (!spec) throw new Error(`unknown client comparison ${id}`);
  const sp = await loadPackage();
  if (!features(sp)[spec.needs]) {
    return { id, title: spec.title, skipped: `not available yet: the package has no ${spec.needs}` };
  }
  const mock = await startMock({ count: 250 });
  try {
    if (id === 'page-decode') return await pageDecode(sp, mock, options);
    if (id === 'get-payment') return await getPayment(sp, mock, options);
    if (id === 'heap') return await heapAfterPolls(sp, mock, options);
    return await watcher(sp, mock, options);
  } finally {
    await mock.close();
  }
}

/** A StreamPayClient for the mock; the key option is base64("key:secret") per the .d.ts. */
async function streamPayClient(sp, options) {
  for (const apiKey of [MOCK_API_KEY_HEADER, MOCK_API_KEY]) {
    const client = new sp.StreamPayClient({ apiKey, ...options });
    try {
      await client.listPayments({ limit: 1 });
      return client;
    } catch (err) {
      if (err?.code !== 'UNAUTHORIZED') throw err;
    }
  }
  throw new Error('the mock refused both forms of the API key');
}

/**
 * listPayments({ limit: 100 }) with a `fetch` that answers from memory, so only the client's
 * own work is timed, against JSON.parse of the same text (the target) and against the
 * same injected fetch + Response.json() (what any JS client pays for the Response).
 */
async function pageDecode(sp, mock, { decodeCalls = 300, rounds }) {
  const url = `${mock.url}/api/v2/payments?limit=100`;
  const res = await fetch(url, { headers: { 'x-api-key': MOCK_API_KEY_HEADER } });
  const text = await res.text();
  const answer = () => new Response(text, { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'bench' } });
  let injectedCalls = 0;
  const injected = async () => { injectedCalls++; return answer(); };
  const client = await streamPayClient(sp, { baseUrl: mock.url, fetch: injected });
  const page = await client.listPayments({ limit: 100 });
  const viaInjected = injectedCalls > 0;
  if (!Array.isArray(page?.data) || page.data.length !== 100) throw new Error(`expected 100 payments, got ${page?.data?.length}`);
  if (typeof page.data[0].amount !== 'string') throw new Error('amounts must decode as strings');
  const impls = [
    { name: 'JSON.parse(text)', role: 'baseline', fn: async () => JSON.parse(text) },
    { name: 'injected fetch + Response.json()', role: 'fetch-json', fn: async () => (await injected()).json() },
    { name: `stream-payments listPayments({ limit: 100 })${viaInjected ? ', injected fetch' : ' over loopback'}`, role: 'ours', fn: () => client.listPayments({ limit: 100 }) },
  ];
  const results = await compareAsync(impls, { calls: decodeCalls, rounds });
  return {
    id: 'page-decode',
    title: 'Decoding a 100-payment StreamPay page',
    pageBytes: Buffer.byteLength(text),
    viaInjectedFetch: viaInjected,
    calls: decodeCalls,
    rounds,
    results: results.map((r, i) => ({ ...r, samples: undefined, role: impls[i].role })),
  };
}

/** Sequential getPayment against the mock on 127.0.0.1 vs fetch(url).then(r => r.json()). */
async function getPayment(sp, mock, { httpCalls = 2000, rounds }) {
  const gateway = new sp.GatewayClient({ baseUrl: mock.url });
  const first = await gateway.getPayment(GATEWAY_ID);
  if (first.status !== 'completed') throw new Error(`unexpected gateway status ${first.status}`);
  const gatewayUrl = `${mock.url}/api/v1/payment/${GATEWAY_ID}`;
  const impls = [
    { name: 'plain fetch(url).then(r => r.json()) (gateway)', role: 'baseline', fn: () => fetch(gatewayUrl).then((r) => r.json()) },
    { name: 'stream-payments GatewayClient.getPayment', role: 'ours', fn: () => gateway.getPayment(GATEWAY_ID) },
  ];
  if (typeof sp.StreamPayClient === 'function') {
    const streamPay = await streamPayClient(sp, { baseUrl: mock.url });
    const url = `${mock.url}/api/v2/payments/${STREAMPAY_ID}`;
    const headers = { 'x-api-key': MOCK_API_KEY_HEADER, accept: 'application/json' };
    impls.push(
      { name: 'plain fetch with x-api-key (StreamPay)', role: 'baseline-streampay', fn: () => fetch(url, { headers }).then((r) => r.json()) },
      { name: 'stream-payments StreamPayClient.getPayment', role: 'ours-streampay', fn: () => streamPay.getPayment(STREAMPAY_ID) },
    );
  }
  const results = await compareAsync(impls, { calls: httpCalls, rounds });
  return {
    id: 'get-payment',
    title: `Sequential getPayment on 127.0.0.1 (${httpCalls} calls per round)`,
    calls: httpCalls,
    rounds,
    results: results.map((r, i) => ({ ...r, samples: undefined, role: impls[i].role })),
  };
}

/**
 * Follows `watchCount` gateway payments that each complete on their second poll, with the
 * package's watcher and with a plain fetch worker pool of the same concurrency. Reports requests
 * per payment (2 is the minimum), client CPU per poll, peak memory per followed payment.
 */
async function watcher(sp, mock, { watchCount = 10_000, watchConcurrency = 64, watchLimitMs = 90_000 }) {
  const gateway = new sp.GatewayClient({ baseUrl: mock.url });
  // watchPayments returns a watcher whose `done` resolves with a Map of final payments (or,
  // in another shape, the promise itself).
  const watch = async (ids, opts) => {
    const watcher = typeof gateway.watchPayments === 'function' ? gateway.watchPayments(ids, opts) : sp.watchPayments(gateway, ids, opts);
    return typeof watcher?.then === 'function' ? watcher : watcher.done;
  };
  const runs = [];
  for (const [name, role, follow] of [
    ['plain fetch worker pool', 'baseline', (ids, signal) => plainWatch(mock.url, ids, watchConcurrency, signal)],
    ['stream-payments watchPayments', 'ours', (ids, signal) => watch(ids, {
      concurrency: watchConcurrency, maxRequestsPerSecond: 100_000, intervalMs: 10, maxIntervalMs: 50, signal,
    })],
  ]) {
    const { ids } = await mock.control('POST', '/__mock/gateway/payments/bulk', { count: watchCount, pendingPolls: 1, seed: 11 + runs.length });
    runs.push({ name, role, ...(await measureFollow(mock, ids, follow, watchLimitMs)) });
  }
  return { id: 'watcher', title: `Watching ${watchCount.toLocaleString('en-US')} gateway payments (each final on its 2nd poll)`, concurrency: watchConcurrency, count: watchCount, results: runs };
}

async function measureFollow(mock, ids, follow, limitMs) {
  const before = (await mock.control('GET', '/__mock/stats')).requests;
  globalThis.gc?.();
  const base = memory();
  let peak = base;
  const sampler = setInterval(() => { peak = Math.max(peak, memory()); }, 20);
  const controller = new AbortController();
  const limit = setTimeout(() => controller.abort(new Error('bench time limit')), limitMs);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let resolved = 0;
  let error = null;
  try {
    const result = await follow(ids, controller.signal);
    resolved = result instanceof Map ? result.size : Array.isArray(result) ? result.length : Object.keys(result ?? {}).length;
  } catch (err) {
    error = String(err?.message ?? err);
  } finally {
    clearTimeout(limit);
    clearInterval(sampler);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const requests = (await mock.control('GET', '/__mock/stats')).requests - before;
  return {
    wallMs,
    requests,
    requestsPerPayment: requests / ids.length,
    minimumPerPayment: 2,
    cpuUsPerPoll: (cpu.user + cpu.system) / Math.max(1, requests),
    peakBytesPerPayment: (peak - base) / ids.length,
    resolved,
    error,
  };
}

/**
 * Issue 4: no growth after 100,000 polls. `heapPayments` payments each final on poll
 * `heapPollsEach`, followed by one watcher; the heap is read after a full GC before, at every
 * tenth of the polls, and after. Needs node --expose-gc (lib/run-case.mjs is started with it).
 */
async function heapAfterPolls(sp, mock, { heapPayments = 1_000, heapPollsEach = 100 }) {
  if (typeof globalThis.gc !== 'function') return { id: 'heap', title: 'Heap after 100,000 polls', skipped: 'node was not started with --expose-gc' };
  const gateway = new sp.GatewayClient({ baseUrl: mock.url });
  const { ids } = await mock.control('POST', '/__mock/gateway/payments/bulk', { count: heapPayments, pendingPolls: heapPollsEach - 1, seed: 99 });
  const settledHeap = () => { globalThis.gc(); globalThis.gc(); return process.memoryUsage().heapUsed; };
  const before = settledHeap();
  const samples = [];
  const start = (await mock.control('GET', '/__mock/stats')).requests;
  const total = heapPayments * heapPollsEach;
  const sampler = setInterval(async () => {
    const polls = (await mock.control('GET', '/__mock/stats')).requests - start;
    if (samples.length < 9 && polls >= ((samples.length + 1) * total) / 10) samples.push({ polls, heapUsed: settledHeap() });
  }, 250);
  // In a function of its own, so that the watcher and its results are unreachable afterwards.
  const follow = async () => {
    const watcher = gateway.watchPayments(ids, { concurrency: 64, maxRequestsPerSecond: 100_000, intervalMs: 1, maxIntervalMs: 1 });
    const finals = await watcher.done;
    return { resolved: finals.size, heldHeap: settledHeap() };
  };
  const { resolved, heldHeap } = await follow();
  clearInterval(sampler);
  const polls = (await mock.control('GET', '/__mock/stats')).requests - start;
  const after = settledHeap();
  return { id: 'heap', title: `Heap after ${polls.toLocaleString('en-US')} polls`, polls, resolved, count: heapPayments, before, heldHeap, after, samples };
}

const memory = () => { const m = process.memoryUsage(); return m.heapUsed + m.external + m.arrayBuffers; };

/** The floor: `concurrency` workers taking ids round-robin until each is no longer pending. */
async function plainWatch(baseUrl, ids, concurrency, signal) {
  const queue = [...ids];
  const done = new Map();
  const worker = async () => {
    while (queue.length && !signal.aborted) {
      const id = queue.shift();
      // No `signal` on fetch: Node 20's fetch keeps an abort listener per request on a shared
      // signal until GC; the loop checks `signal.aborted` instead.
      const payment = await fetch(`${baseUrl}/api/v1/payment/${id}`).then((r) => r.json());
      if (payment.status === 'pending') queue.push(id);
      else done.set(id, payment);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}
