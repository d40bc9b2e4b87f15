// schema-samples.mjs makes valid instances of the description's schemas (the mock's checker agrees), with the
// hard cases a decoder must keep exactly, and the mock serves them byte for byte through a fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useMock } from './client-helpers.mjs';
import { validate } from './description-checks.mjs';
import { sampleOf } from './schema-samples.mjs';
import { stringify } from '../../pkg/mock/http.mjs';

const h = useMock({ paymentCount: 0 });
const { operations } = JSON.parse(readFileSync(new URL('../../src/api/streampay-operations.json', import.meta.url), 'utf8'));
const responseSchemas = [...new Set(operations.map((o) => o.response.schema).filter(Boolean))];
const roundTrip = (v) => JSON.parse(stringify(v));

test('every response schema: 40 seeded samples each validate, with and without undocumented fields', () => {
  assert.equal(responseSchemas.length, 25);
  for (const name of responseSchemas) {
    for (let seed = 1; seed <= 40; seed++) {
      validate(name, roundTrip(sampleOf(name, { seed })), `${name} seed ${seed}`);
      validate(name, roundTrip(sampleOf(name, { seed, extraFields: true })), `${name} seed ${seed} + extra fields`);
    }
  }
});

test('samples carry what decoding must keep: big integers, long decimals, nulls, unknown enum values', () => {
  const texts = Array.from({ length: 30 }, (_, i) => stringify(sampleOf('InvoiceDetailed', { seed: i + 1, extraFields: true, unknownEnums: true }))).join('\n');
  assert.match(texts, /"[a-z_]*amount_in_smallest_unit":\d{16,}[,}]/, 'an integer past 2^53, bare');
  assert.match(texts, /"[a-z_]*amount":"\d{16,}\.\d+"/, 'a decimal longer than a float keeps');
  assert.match(texts, /"[a-z_]+":null/);
  assert.match(texts, /"status":"NEW_[0-9A-Z]{6}"/);
  assert.match(texts, /"undocumented_[a-z]+":\{"nested_snake_key"/);
  assert.equal(stringify(sampleOf('PaymentLinkDetailed', { seed: 3 })), stringify(sampleOf('PaymentLinkDetailed', { seed: 3 })), 'deterministic per seed');
  assert.throws(() => sampleOf('NoSuchSchema'), /no schema NoSuchSchema/);
});

test('the mock serves a sample as it is (status fault with a body)', async () => {
  const body = sampleOf('PaymentLinkDetailed', { seed: 11, extraFields: true });
  const path = '/api/v2/payment_links/00000000-0000-4000-8000-000000000001';
  h.state.addFault({ path, status: 200, body });
  const res = await h.v2(path);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), stringify(body));
});
