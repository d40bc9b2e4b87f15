// The generated StreamPay types and operations list: fresh (the committed files are what the
// generator makes of the committed description), complete (every operation named, no `any`), and
// usable from strict TypeScript (consumer.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../codegen/gen-types.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p) => readFileSync(join(ROOT, p), 'utf8');
const spec = () => JSON.parse(read('src/api/streampay-openapi.json'));

test('the committed files are what the generator makes of the committed description', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'codegen/gen-types.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const fresh = generate(spec());
  assert.equal(read('pkg/types/streampay-api.d.ts'), fresh.types);
  assert.equal(read('src/api/streampay-operations.json'), fresh.operations);
});

test('a change of the description shows up in the output', () => {
  const changed = spec();
  changed.components.schemas.SubscriptionStatus.enum.push('PAUSED');
  changed.components.schemas.ConsumerCreate.properties.tax_number = { type: 'string', description: 'VAT number' };
  const { types } = generate(changed);
  assert.match(types, /export type SubscriptionStatus = [^;]*'PAUSED' \| \(string & \{\}\);/);
  assert.match(types, /\* VAT number\n {3}\*\n {3}\* Wire name `tax_number`\.\n {3}\*\/\n {2}taxNumber\?: string;/);
  assert.notEqual(types, read('pkg/types/streampay-api.d.ts'));
});

test('an unnamed operation or a mapped one missing from the description fails the generator', () => {
  const extra = spec();
  extra.paths['/api/v2/refunds'] = { get: { operationId: 'List_Refunds', responses: { 200: { content: {} } } } };
  assert.throws(() => generate(extra), /operations of the description with no method name: GET \/api\/v2\/refunds/);
  const missing = spec();
  delete missing.paths['/api/v2/me'];
  assert.throws(() => generate(missing), /getAccount: GET \/api\/v2\/me is not in the description/);
  const renamed = spec();
  renamed.components.schemas.app__billing__dtos__Thing = { type: 'object', properties: {} };
  assert.throws(() => generate(renamed), /app__billing__dtos__Thing needs a readable name/);
});

test('operations list: 45 operations, unique names, GETs only retried, list encodings', () => {
  const { operations, count } = JSON.parse(read('src/api/streampay-operations.json'));
  assert.equal(count, 45);
  assert.equal(new Set(operations.map((o) => o.name)).size, 45);
  assert.equal(new Set(operations.map((o) => `${o.method} ${o.path}`)).size, 45);
  for (const o of operations) assert.equal(o.retried, o.method === 'GET', o.name);
  const byName = Object.fromEntries(operations.map((o) => [o.name, o]));
  assert.deepEqual([byName.updateInvoice.method, byName.updateInvoice.path], ['PATCH', '/api/v2/invoices/{invoice_id}/inplace']);
  assert.deepEqual([byName.autoChargePayment.method, byName.autoChargePayment.path], ['POST', '/api/v2/payments/auto-charge-on-demand/{payment_id}']);
  assert.deepEqual(byName.updateProductPrice.pathParams.map((p) => p.jsName), ['productId', 'priceId']);
  const q = (op, name) => byName[op].queryParams.find((p) => p.name === name);
  assert.deepEqual([q('listInvoices', 'statuses').array, q('listInvoices', 'statuses').encoding, q('listInvoices', 'statuses').enumName], [true, 'repeat', 'InvoiceStatusEnum']);
  assert.equal(q('listSubscriptions', 'currencies').encoding, 'comma');
  assert.equal(q('listSubscriptions', 'product_ids').encoding, 'repeat');
  assert.equal(q('listInvoices', 'from_price').type, 'decimal');
  assert.equal(q('listCoupons', 'is_percentage').type, 'boolean');
  assert.equal(byName.markPaymentAsPaid.response.schema, 'PaymentMarkPaidResponse');
  assert.equal(byName.addProductPrice.response.status, 201);
  const { requestSchemas } = JSON.parse(read('src/api/streampay-operations.json'));
  const field = (schema, name) => requestSchemas[schema].fields.find((f) => f.name === name);
  assert.deepEqual([field('ProductPriceCreate', 'amount').type, field('ProductPriceCreate', 'amount').required], ['decimal', true]);
  assert.deepEqual(field('MeterUsageRecordRequest', 'usage_amount').type, 'decimal');
  assert.deepEqual(field('CreatePaymentLinkDto', 'items').items, { type: 'object', schema: 'CreatePaymentLinkItemDto' });
  assert.equal(field('UpdatePaymentLinkStatusDto', 'status').enumName, 'PaymentLinkStatus');
  for (const o of operations) if (o.requestBody) assert.ok(requestSchemas[o.requestBody.schema], o.requestBody.schema);
  const listAll = operations.filter((o) => o.listAll).map((o) => o.listAll).sort();
  assert.deepEqual(listAll, ['listAllConsumers', 'listAllCoupons', 'listAllInvoices', 'listAllMeteredSubscriptions', 'listAllPaymentLinks', 'listAllPayments', 'listAllProducts', 'listAllSubscriptionFreezes', 'listAllSubscriptions']);
});

test('the types have no `any`, camelCase keys only, open enums', () => {
  const types = read('pkg/types/streampay-api.d.ts');
  const code = types.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(code, /\bany\b/);
  const keys = [...code.matchAll(/^ {2}(\w+)\??: /gm)].map((m) => m[1]);
  assert.ok(keys.length > 500, `${keys.length} fields`);
  assert.deepEqual(keys.filter((k) => k.includes('_')), []);
  const enums = [...code.matchAll(/^export type (\w+) = ('.*);$/gm)];
  assert.ok(enums.length >= 19, `${enums.length} enums`);
  for (const [, name, union] of enums) assert.match(union, /\| \(string & \{\}\)$/, name);
});

test('tsc --strict compiles a consumer of the types (and refuses what it must)', { timeout: 120_000 }, () => {
  const tsc = join(ROOT, 'tests/node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', join(ROOT, 'tests/api/tsconfig.json')], { stdio: 'pipe' });
});
