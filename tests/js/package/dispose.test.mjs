// A disposed client (free() or [Symbol.dispose]()): a later call rejects with a StreamError
// (INVALID_ARGUMENT) that says what happened, and never breaks the module: a fresh client works
// afterwards. The exact message is not part of the contract and is not asserted.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamError, StreamPayClient, formatUnits } from 'stream-payments';
import { API_KEY, COMPLETED_ID, SP_FIXTURE_ID, T, startMock } from './helpers.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.close());
beforeEach(() => mock.state.reset());

/** What `call()` threw or rejected with; fails when it succeeds. */
async function failure(call) {
  try {
    await call();
  } catch (err) {
    return err;
  }
  assert.fail('a call on a disposed client succeeded');
}

function assertDisposedFailure(err, what) {
  assert.ok(err instanceof StreamError, `${what}: a StreamError, got ${Object.prototype.toString.call(err)}: ${String(err)}`);
  assert.equal(err.code, 'INVALID_ARGUMENT', what);
  assert.equal(err.retryable, false, what);
  assert.match(err.message, /freed/, what);
}

const clients = {
  GatewayClient: {
    make: () => new GatewayClient({ baseUrl: mock.url }),
    use: (c) => c.getPayment(COMPLETED_ID),
    ok: (p) => p.paymentId === COMPLETED_ID,
  },
  StreamPayClient: {
    make: () => new StreamPayClient({ apiKey: API_KEY, baseUrl: mock.url }),
    use: (c) => c.getPayment(SP_FIXTURE_ID),
    ok: (p) => p.id === SP_FIXTURE_ID,
  },
};

for (const [name, { make, use, ok }] of Object.entries(clients)) {
  for (const how of ['free', Symbol.dispose]) {
    const label = typeof how === 'symbol' ? '[Symbol.dispose]()' : `${how}()`;
    test(`${name}: a call after ${label} fails with an Error; the module keeps working`, T, async () => {
      const client = make();
      assert.ok(ok(await use(client)), 'works before');
      assert.equal(typeof client[how], 'function', `${name} has ${label}`);
      client[how]();
      assertDisposedFailure(await failure(() => use(client)), `getPayment after ${label}`);
      assertDisposedFailure(await failure(() => client.waitForPayment(COMPLETED_ID, { intervalMs: 5 })), `waitForPayment after ${label}`);
      const firstOf = async (iterable) => {
        for await (const item of iterable) return item;
      };
      assertDisposedFailure(await failure(() => firstOf(client.watchPayment(COMPLETED_ID))), `watchPayment after ${label}`);
      assertDisposedFailure(await failure(() => client.watchPayments([COMPLETED_ID]).done), `watchPayments after ${label}`);
      if (client instanceof StreamPayClient) {
        assertDisposedFailure(await failure(() => firstOf(client.listAllPayments())), `listAllPayments after ${label}`);
        assertDisposedFailure(await failure(() => client.getAccount()), `getAccount after ${label}`);
      }
      // Nothing reached the mock from the disposed client, and everything else still works.
      assert.equal(mock.state.requests().length, 1);
      assert.ok(ok(await use(make())), 'a fresh client works');
      assert.equal(formatUnits('1500000', 6), '1.5');
    });
  }
}
