// The seeded StreamPay resources a fresh (or reset) mock serves: 25 consumers, 12 products (some
// with USD / KWD prices, 3 metered), 12 coupons, 14 invoices in every status (+ one per
// subscription), 12 subscriptions (one frozen twice, one canceled), 12 metered subscriptions.
// Deterministic per seed; dates are fixed, so lists sort the same on every run.
import { createRandom } from './random.mjs';
import { riyadhTime } from './streampay-data.mjs';
import { SEED_EPOCH_MS, money, toUnits } from './streampay-resource-kit.mjs';

/** Empties `store` and fills it again. */
export function seedResources(store) {
  const r = createRandom(store.seedValue * 7919 + 17);
  store.random = r;
  store.consumers = new Map();
  store.products = new Map();
  store.archivedPrices = new Map();
  store.coupons = new Map();
  store.invoices = new Map();
  store.subscriptions = new Map();
  store.freezes = new Map(); // subscription id -> Map(freeze id -> freeze)
  store.metered = new Map();
  store.usage = new Map(); // idempotency key -> record id
  store.invoiceNumber = 1000;
  store.options = { omitPagination: false, errorShape: 'mixed' };
  const at = (i) => riyadhTime(SEED_EPOCH_MS + i * 3_600_000);
  const names = ['Sara Alharbi', 'Omar Alqahtani', 'Lina Alotaibi', 'Faisal Alshehri', 'Noura Aldosari', 'Khalid Alzahrani', 'Reem Alghamdi', 'Yousef Almutairi', 'Huda Alanazi', 'Majed Alshammari'];
  for (let i = 0; i < 25; i++) {
    const name = `${names[i % names.length]}${i >= names.length ? ` ${Math.floor(i / names.length) + 1}` : ''}`;
    store.createConsumer({ name, phone_number: `+9665${String(10_000_000 + i * 7_654_321).slice(-8)}`, email: `customer${i + 1}@example.sa`, external_id: `crm-${1000 + i}`, communication_methods: i % 3 ? ['SMS'] : ['WHATSAPP', 'EMAIL'], preferred_language: i % 2 ? 'EN' : 'AR' }, { id: r.uuid(), createdAt: at(i) });
  }
  const catalogue = [
    ['Monthly gym membership', 'RECURRING', 'MONTH', '150.00'],
    ['Yoga class pack', 'ONE_OFF', null, '320.50'],
    ['Personal training session', 'ONE_OFF', null, '99.99'],
    ['Annual plan', 'RECURRING', 'YEAR', '1499.00'],
    ['API calls', 'METERED', null, '0.05'],
    ['SMS messages', 'METERED', null, '0.12'],
    ['Consulting hour', 'ONE_OFF', null, '450.00'],
    ['Weekly meal box', 'RECURRING', 'WEEK', '210.00'],
    ['Locker rental', 'RECURRING', 'MONTH', '35.00'],
    ['Protein shake', 'ONE_OFF', null, '18.75'],
    ['Storage (GB-month)', 'METERED', null, '1.500'],
    ['Workshop ticket', 'ONE_OFF', null, '75.00'],
  ];
  catalogue.forEach(([name, type, interval, price], i) => {
    const prices = [{ currency: 'SAR', amount: price }];
    if (i % 3 === 0) prices.push({ currency: 'USD', amount: money(toUnits(price, 'SAR') * 100n / 375n + 1n, 'USD') });
    if (i % 4 === 1) prices.push({ currency: 'KWD', amount: money(toUnits(price, 'SAR') * 82n / 100n, 'KWD') });
    store.createProduct({ name, description: i % 2 ? null : `${name} at the main branch`, type, recurring_interval: interval, prices, is_active: i !== 11 }, { id: r.uuid(), createdAt: at(30 + i) });
  });
  [['WELCOME10', '10', true], ['RAMADAN25', '25', true], ['FLAT50', '50.00', false, 'SAR'], ['VIP5', '5.000', false, 'KWD'], ['SUMMER15', '15', true], ['STAFF50', '50', true], ['FLAT20USD', '20.00', false, 'USD'], ['LOYAL7', '7.5', true], ['EID30', '30', true], ['OLD2019', '5', true], ['BULK100', '100.00', false, 'SAR'], ['TRIAL100', '100', true]].forEach(([name, value, pct, currency], i) => {
    store.createCoupon({ name, discount_value: value, is_percentage: pct, currency: pct ? null : currency, is_active: name !== 'OLD2019' }, { id: r.uuid(), createdAt: at(60 + i) });
  });
  const consumers = [...store.consumers.values()];
  const oneOff = [...store.products.values()].filter((p) => p.type === 'ONE_OFF' && p.is_active);
  const recurring = [...store.products.values()].filter((p) => p.type === 'RECURRING');
  const metered = [...store.products.values()].filter((p) => p.type === 'METERED');
  const coupons = [...store.coupons.values()].filter((c) => c.is_active && c.is_percentage);
  for (let i = 0; i < 14; i++) {
    const items = [{ product_id: oneOff[i % oneOff.length].id, quantity: 1 + (i % 3) }];
    if (i % 4 === 0) items.push({ product_id: oneOff[(i + 1) % oneOff.length].id, quantity: 1, coupons: [coupons[i % coupons.length].id] });
    const inv = store.createInvoice({ items, organization_consumer_id: consumers[i % consumers.length].id, scheduled_on: at(24 * (30 + i)), description: `Seeded invoice ${i + 1}`, payment_methods: { mada: true, visa: true, mastercard: true, amex: false, bank_transfer: i % 2 === 0, installment: false }, coupons: i % 5 === 0 ? [coupons[0].id] : null }, { id: r.uuid(), createdAt: at(100 + i), registerPayment: false });
    const status = ['SENT', 'SENT', 'ACCEPTED', 'COMPLETED', 'CANCELED', 'CREATED'][i % 6];
    store.setInvoiceStatus(inv, status, at(110 + i));
  }
  for (let i = 0; i < 12; i++) {
    store.createSubscription({ items: [{ product_id: recurring[i % recurring.length].id, quantity: 1 + (i % 2) }], organization_consumer_id: consumers[(i * 3) % consumers.length].id, period_start: at(200 + i * 24), description: `Seeded subscription ${i + 1}`, currency: 'SAR', coupons: i % 4 === 0 ? [coupons[1].id] : null }, { id: r.uuid(), createdAt: at(200 + i) });
  }
  const subs = [...store.subscriptions.values()];
  store.createFreeze(subs[1].id, { freeze_start_datetime: at(400), freeze_end_datetime: at(400 + 24 * 14), notes: 'Travelling' }, { id: r.uuid() });
  store.createFreeze(subs[1].id, { freeze_start_datetime: at(900), freeze_end_datetime: null, notes: null }, { id: r.uuid() });
  store.cancelSubscription(subs[2].id, { cancel_related_invoices: false });
  for (let i = 0; i < 12; i++) {
    store.createMetered({ product_id: metered[i % metered.length].id, organization_consumer_id: consumers[i].id, starts_at: at(300 + i) }, { id: r.uuid(), createdAt: at(300 + i) });
  }
}
