// A disposed client (free() or [Symbol.dispose]()): a later call fails with an Error that says
// something, and never breaks the module: a fresh client works afterwards. The exact message is
// not part of the contract and is not asserted.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayClient, StreamPayClient, formatUnits } from 'stream-payments';
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

function assertPlainFailure(err, what) {
  assert.ok(err instanceof Error, `${what}: an Error, got ${Object.prototype.toString.call(err)}: ${String(err)}`);
  assert.equal(typeof err.message, 'string', what);
  assert.ok(err.message.length > 0, `${what}: a message`);
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
      assertPlainFailure(await failure(() => use(client)), `getPayment after ${label}`);
      assertPlainFailure(await failure(() => client.waitForPayment(COMPLETED_ID, { intervalMs: 5 })), `waitForPayment after ${label}`);
      // Nothing reached the mock from the disposed client, and everything else still works.
      assert.equal(mock.state.requests().length, 1);
      assert.ok(ok(await use(make())), 'a fresh client works');
      assert.equal(formatUnits('1500000', 6), '1.5');
    });
  }
}
