// Prints TOML for Schemathesis: the ids the mock was seeded with, as dictionaries its path
// parameters draw from half the time, so examples reach the resources and not only the id checks.
// Usage: node ids.mjs MOCK_URL API_KEY_HEADER
const [url, key] = process.argv.slice(2);
const get = async (path) => {
  const res = await fetch(`${url}${path}`, { headers: { 'x-api-key': key } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()).data;
};
const products = await get('/api/v2/products?limit=100');
const subscriptions = await get('/api/v2/subscriptions?limit=100');
const freezes = (await Promise.all(subscriptions.map((s) => get(`/api/v2/subscriptions/${s.id}/freeze?limit=100`)))).flat();
const ids = {
  consumer_id: (await get('/api/v2/consumers?limit=100')).map((x) => x.id),
  product_id: products.map((x) => x.id),
  price_id: products.flatMap((p) => p.prices.map((x) => x.id)),
  coupon_id: (await get('/api/v2/coupons?limit=100')).map((x) => x.id),
  invoice_id: (await get('/api/v2/invoices?limit=100')).map((x) => x.id),
  payment_id: (await get('/api/v2/payments?limit=100')).map((x) => x.id),
  subscription_id: [...subscriptions, ...(await get('/api/v2/metered/metered-subscriptions?limit=100'))].map((x) => x.id),
  freeze_id: freezes.map((x) => x.id),
};
const lines = [];
for (const [name, values] of Object.entries(ids)) {
  if (!values.length) continue;
  lines.push(`[dictionaries.${name}]`, `values = ${JSON.stringify(values)}`, '');
}
lines.push('[parameters]');
for (const [name, values] of Object.entries(ids)) if (values.length) lines.push(`"path.${name}" = { dictionary = "${name}", probability = 0.5 }`);
// Ids inside bodies: the items of invoices, subscriptions and links, metered subscriptions.
for (const [key, name] of [['body.items[*].product_id', 'product_id'], ['body.product_id', 'product_id'], ['body.organization_consumer_id', 'consumer_id']]) {
  lines.push(`"${key}" = { dictionary = "${name}", probability = 0.5 }`);
}
console.log(lines.join('\n'));
