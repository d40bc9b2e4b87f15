// The installed package from Node CommonJS: `require('stream-payments')`, one shared instance with ESM.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const stream = require('stream-payments');

test('require() gives the same exports as import', async () => {
  assert.equal(stream.formatUnits('1500000', 6), '1.5');
  const esm = await import('stream-payments');
  assert.equal(esm.formatUnits, stream.formatUnits, 'ESM and CJS share one module instance');
});

test('the package resolves to the Node build under require', () => {
  assert.match(require.resolve('stream-payments'), /node[\\/]index\.cjs$/);
});
