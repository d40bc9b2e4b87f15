// The mock answers as the API would where a reading of the description once went wrong (issue 19):
// numbers of any size and form kept exact, no 5xx for a valid request, empty query values checked,
// exponent decimals in queries, lengths in code points, every id path parameter validated alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useMock } from './client-helpers.mjs';
import { parseJsonExact, plainDecimal } from '../../pkg/mock/json-exact.mjs';

const h = useMock({ paymentCount: 5 });
const raw = (method, path, text) => h.v2(path, { method, body: text });
const firstId = (map) => map.keys().next().value;

test('plainDecimal writes any JSON number as its exact plain decimal', () => {
  for (const [text, plain] of [['1e21', '1000000000000000000000'], ['1.5E+3', '1500'], ['-0.0', '0'], ['12e-4', '0.0012'], ['9007199254740993', '9007199254740993'], ['+0012.50', '12.5'], ['-1E2', '-100']]) {
    assert.equal(plainDecimal(text), plain, text);
  }
  assert.equal(plainDecimal('1e99999'), null, 'no giant strings');
  assert.equal(plainDecimal('abc'), null);
});

test('request bodies keep numbers a double would change', () => {
  const { value } = parseJsonExact('{"a":1e21,"b":9007199254740993,"c":0.1,"d":"1e21","e":[-5e-7]}');
  assert.equal(String(value.a), '1000000000000000000000');
  assert.equal(String(value.b), '9007199254740993');
  assert.equal(value.c, 0.1, 'a number a double prints exactly stays a number');
  assert.equal(value.d, '1e21', 'strings are untouched');
  assert.equal(String(value.e[0]), '-0.0000005');
  assert.match(parseJsonExact('{"a":1e21,').error, /JSON/);
});

test('amounts of any size or form are stored and echoed as canonical decimal strings, never a 500', async () => {
  const product = await raw('POST', '/api/v2/products', '{"name":"x","type":"ONE_OFF","prices":[{"currency":"SAR","amount":1e21}]}');
  assert.equal(product.status, 200);
  const text = await product.text();
  assert.match(text, /"amount":"1000000000000000000000\.00"/);
  assert.match(text, /"amount_in_smallest_unit":100000000000000000000000[,}]/, 'past 2^53: bare digits, exact');
  assert.doesNotMatch(text, /e\+/);
  const coupon = await raw('POST', '/api/v2/coupons', '{"name":"x","is_percentage":false,"currency":"SAR","discount_value":1e21}');
  assert.equal(coupon.status, 200);
  assert.equal((await coupon.json()).discount_value, '1000000000000000000000');
  const prices = `/api/v2/products/${JSON.parse(text).id}/prices`;
  const string = await raw('POST', prices, '{"currency":"USD","amount":"+0012.505e0"}');
  assert.equal(string.status, 422, 'a decimal string in exponent form does not match its pattern');
  const exact = await raw('POST', prices, '{"currency":"USD","amount":12.5e1}');
  assert.equal(exact.status, 201);
  assert.equal((await exact.json()).amount, '125.00');
});

test('a body that is a JSON number, however written, is not an object', async () => {
  const id = firstId(h.state.resources.invoices);
  for (const text of ['2.2250738585072014e-308', '1e21', '5']) {
    const res = await raw('PATCH', `/api/v2/invoices/${id}/inplace`, text);
    assert.equal(res.status, 422, text);
    assert.equal((await res.json()).detail[0].type, 'model_attributes_type', text);
  }
});

test('PUT a product with prices [] is a domain error, not a 500', async () => {
  const id = firstId(h.state.resources.products);
  const res = await raw('PUT', `/api/v2/products/${id}`, '{"prices":[]}');
  assert.equal(res.status, 400);
  assert.equal((await res.json()).code, 'INVALID_PARAMETERS');
});

test('an empty query value is a value: refused where its schema refuses it, with the 422 detail', async () => {
  for (const [path, name, type] of [
    ['/api/v2/payments?to_date=', 'to_date', 'datetime_from_date_parsing'],
    ['/api/v2/invoices?to_price=', 'to_price', 'decimal_parsing'],
    ['/api/v2/payments?page=', 'page', 'int_parsing'],
    ['/api/v2/products?active=', 'active', 'bool_parsing'],
  ]) {
    const res = await h.v2(path);
    assert.equal(res.status, 422, path);
    const { detail } = await res.json();
    assert.deepEqual(detail.map((d) => [d.loc, d.type, d.input]), [[['query', name], type, '']], path);
  }
  assert.equal((await h.v2('/api/v2/consumers?search_term=')).status, 200, 'an empty free string is fine');
});

test('a decimal in exponent form is accepted in a query where the schema takes a number', async () => {
  const all = await (await h.v2('/api/v2/invoices?limit=100')).json();
  const some = await (await h.v2('/api/v2/invoices?limit=100&to_price=1e3')).json();
  const same = await (await h.v2('/api/v2/invoices?limit=100&to_price=1000')).json();
  assert.deepEqual(some.data.map((i) => i.id), same.data.map((i) => i.id));
  assert.ok(some.data.length < all.data.length || all.data.every((i) => Number(i.total_amount) <= 1000));
  assert.equal((await h.v2('/api/v2/invoices?to_price=1e')).status, 422);
});

test('maxLength and minLength count code points, as JSON Schema and pydantic do', async () => {
  assert.equal((await h.v2('/api/v2/products?currency=%F0%9F%98%80AB')).status, 200, 'an emoji is one character');
  const res = await h.v2('/api/v2/products?currency=%F0%9F%98%80ABC');
  assert.equal(res.status, 422);
  assert.equal((await res.json()).detail[0].type, 'string_too_long');
});

test('every id path parameter is validated alike: a non-UUID is a 422 on its own name', async () => {
  for (const [path, name] of [
    ['/api/v2/payment_links/nope', 'payment_link_id'],
    ['/api/v2/payments/nope', 'payment_id'],
    ['/api/v2/consumers/nope', 'consumer_id'],
    ['/api/v2/subscriptions/nope/freeze', 'subscription_id'],
  ]) {
    const res = await h.v2(path);
    assert.equal(res.status, 422, path);
    assert.deepEqual((await res.json()).detail[0].loc, ['path', name], path);
  }
  const unknown = await h.v2('/api/v2/payment_links/00000000-0000-4000-8000-000000000001');
  assert.equal(unknown.status, 404);
  assert.equal((await unknown.json()).code, 'PAYMENT_LINK_NOT_FOUND');
});
