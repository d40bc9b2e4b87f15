// Shared pieces of the StreamPay resource stores: the organization's ids, exact money (BigInt
// smallest units; no float touches an amount), VAT, coupons, and the domain error type.
import { randomUUID } from 'node:crypto';
import { formatFixed, parseDecimal } from './amounts.mjs';
import { plainDecimal } from './json-exact.mjs';
import { CURRENCY_DECIMALS, riyadhTime } from './streampay-data.mjs';

export const ORG_ID = '5d0c1f7e-2b8a-4e3c-9a61-0f4b2c8d7e10';
export const USER_ID = '9a7e3b21-6c4d-4f80-8b15-3e2d1c0b9a87';
export const ACCOUNT_ID = 'c41f0e9d-8b7a-4c65-9d32-1e0f2a3b4c5d';
export const BRANCH = Object.freeze({ id: '2f6e8d1c-4b3a-4e29-8c17-6d5e4f3a2b10', name: 'Main branch' });
const VAT_PERCENT = 15n;
export const SEED_EPOCH_MS = Date.parse('2026-06-01T09:00:00+03:00');

const decimalsOf = (currency) => CURRENCY_DECIMALS[currency] ?? 2;
export const smallestJson = (units) => (units <= BigInt(Number.MAX_SAFE_INTEGER) && units >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(units) : units);
export const now = () => riyadhTime(Date.now());
/** A checked date or date-time as the API gives it back: ISO 8601 with an offset. */
export const iso = (v) => (v == null ? v : riyadhTime(Date.parse(v)));

/**
 * A decimal string or a JSON number (a JsonNumber when a double cannot hold it), in any form the
 * API takes (`+0012.50`, `1e21`, `-5`) -> smallest units, rounded half away from zero; null when it
 * is not a decimal.
 */
export function toUnits(value, currency) {
  const decimals = decimalsOf(currency);
  const text = plainDecimal(String(value));
  if (text == null) return null;
  const [int, frac = ''] = text.replace('-', '').split('.');
  const units = parseDecimal(`${int}.${frac.slice(0, decimals) || '0'}`, decimals) + (frac.length > decimals && frac[decimals] >= '5' ? 1n : 0n);
  return text.startsWith('-') ? -units : units;
}
export const money = (units, currency) => formatFixed(units, decimalsOf(currency));

/** A price's VAT split: inclusive prices hold the VAT, exclusive ones add nothing here. */
export function vatSplit(units, { inclusive, exempt }) {
  if (exempt) return { excl: units, vat: 0n };
  if (inclusive) {
    const excl = (units * 100n * 2n + (100n + VAT_PERCENT)) / ((100n + VAT_PERCENT) * 2n);
    return { excl, vat: units - excl };
  }
  return { excl: units, vat: (units * VAT_PERCENT + 50n) / 100n };
}

export function priceDto({ id = randomUUID(), currency, units, inclusive = true, exempt = false, createdAt = now() }) {
  const { excl, vat } = vatSplit(units, { inclusive, exempt });
  return {
    created_at: createdAt,
    updated_at: null,
    id,
    currency,
    amount: money(units, currency),
    is_active: true,
    is_price_inclusive_of_vat: inclusive,
    is_price_exempt_from_vat: exempt,
    price_excluding_vat: money(excl, currency),
    vat_amount: money(vat, currency),
    amount_in_smallest_unit: smallestJson(units),
  };
}

/** Applies coupons in order to an amount; -> { units, metadata | null }. */
export function applyCoupons(units, coupons, currency) {
  if (!coupons.length) return { units, metadata: null };
  const rows = [];
  let current = units;
  coupons.forEach((c, i) => {
    const before = current;
    let off = c.is_percentage ? (before * toUnits(c.discount_value, 'KWD')) / 100_000n : toUnits(c.discount_value, currency);
    if (off > before) off = before;
    current = before - off;
    rows.push({
      coupon_id: c.id,
      name: c.name,
      is_percentage: c.is_percentage,
      discount_value: c.discount_value,
      order: i + 1,
      amount_before_discount: money(before, currency),
      discount_amount: money(off, currency),
      amount_after_discount: money(current, currency),
    });
  });
  return { units: current, metadata: { coupons: rows } };
}

export const sharedOrgConsumer = (c) => ({
  id: c.id,
  name: c.name,
  alias: c.alias,
  email: c.email,
  phone_number: c.phone_number,
  preferred_language: c.consumer?.preferred_language ?? 'AR',
  consumer: { id: c.consumer?.id ?? c.id, phone_number: c.phone_number, email: c.email, preferred_language: c.consumer?.preferred_language ?? 'AR' },
  is_deleted: false,
  communication_methods: c.communication_methods,
});

/** Domain failures the routes turn into HTTP answers. */
export class DomainError extends Error {
  constructor(status, code, message, additionalInfo = null) {
    super(message);
    Object.assign(this, { status, code, additionalInfo });
  }
}
export const notFound = (what, id) => new DomainError(404, `${what.toUpperCase().replace(/ /g, '_')}_NOT_FOUND`, `${what[0].toUpperCase()}${what.slice(1)} ${id} was not found`);
