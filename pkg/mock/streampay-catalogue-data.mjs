// The StreamPay catalogue in memory: the account, consumers, products and their prices, coupons,
// and the pricing of items (products x quantity, minus item and order coupons) that invoices,
// subscriptions and payment links share. Objects are stored in their wire form (snake_case).
import { randomUUID } from 'node:crypto';
import { BRANCH, DomainError, ORG_ID, USER_ID, applyCoupons, notFound, now, priceDto, toUnits, vatSplit } from './streampay-resource-kit.mjs';

export class CatalogueStore {
  // --- account ---------------------------------------------------------------------------------
  me() {
    return {
      user: { id: USER_ID, email: 'owner@example.sa', first_name: 'نورة', last_name: 'العتيبي', en_first_name: 'Noura', en_last_name: 'Alotaibi', created_at: '2025-03-02T10:15:00+03:00' },
      organization: { id: ORG_ID, name: 'نادي المثال', name_en: 'Example Club', sandbox: true, created_at: '2025-03-02T10:20:00+03:00', currency_config: { home_currency: 'SAR', default_currency: 'SAR', enabled_currencies: ['SAR', 'USD', 'KWD'] } },
    };
  }

  // --- consumers -------------------------------------------------------------------------------
  consumer(id) {
    return this.consumers.get(String(id).toLowerCase()) ?? null;
  }
  requireConsumer(id) {
    return this.consumer(id) ?? (() => { throw notFound('consumer', id); })();
  }

  createConsumer(body, { id = randomUUID(), createdAt = now() } = {}) {
    const c = {
      id,
      name: body.name,
      phone_number: body.phone_number ?? null,
      email: body.email ?? null,
      external_id: body.external_id ?? null,
      consumer: { id: this.random.uuid(), phone_number: body.phone_number ?? null, preferred_language: body.preferred_language ?? 'AR' },
      iban: body.iban ?? null,
      is_deleted: false,
      alias: body.alias ?? null,
      created_at: createdAt,
      branch: { ...BRANCH },
      comment: body.comment ?? null,
      communication_methods: body.communication_methods ?? [],
      preferred_language: body.preferred_language ?? 'AR',
      last_invoice_activity: null,
    };
    this.consumers.set(id, c);
    return c;
  }

  updateConsumer(id, body) {
    const c = this.requireConsumer(id);
    for (const [k, v] of Object.entries(body)) {
      // A null leaves what the answer cannot hold as null (`name`, `preferred_language`) as it was.
      if ((k === 'name' || k === 'preferred_language') && v == null) continue;
      if (k in c && k !== 'id') c[k] = v ?? (k === 'communication_methods' ? [] : null);
    }
    if (body.phone_number !== undefined) c.consumer.phone_number = body.phone_number;
    return c;
  }

  deleteConsumer(id) {
    const c = this.requireConsumer(id);
    const ongoing = [...this.invoices.values()].some((i) => i.organization_consumer_id === c.id && ['DRAFT', 'CREATED', 'SENT', 'ACCEPTED'].includes(i.status));
    if (ongoing) throw new DomainError(400, 'CONSUMER_HAS_ONGOING_INVOICES', 'The consumer has ongoing invoices', `consumer_id=${c.id}`);
    const subscribed = [...this.subscriptions.values()].some((s) => s.organization_consumer_id === c.id && ['ACTIVE', 'FROZEN'].includes(s.status));
    if (subscribed) throw new DomainError(400, 'CONSUMER_HAS_ONGOING_SUBSCRIPTIONS', 'The consumer has ongoing subscriptions', `consumer_id=${c.id}`);
    this.consumers.delete(c.id);
    return {};
  }

  // --- products and prices -------------------------------------------------------------------
  product(id) {
    return this.products.get(String(id).toLowerCase()) ?? null;
  }
  requireProduct(id) {
    return this.product(id) ?? (() => { throw notFound('product', id); })();
  }

  createProduct(body, { id = randomUUID(), createdAt = now() } = {}) {
    const prices = (body.prices?.length ? body.prices : body.price != null ? [{ currency: 'SAR', amount: body.price }] : []).map((p) =>
      priceDto({ id: this.random.uuid(), currency: p.currency, units: toUnits(p.amount, p.currency), inclusive: p.is_price_inclusive_of_vat ?? body.is_price_inclusive_of_vat ?? true, exempt: p.is_price_exempt_from_vat ?? body.is_price_exempt_from_vat ?? false, createdAt }),
    );
    if (!prices.length) throw new DomainError(400, 'INVALID_PARAMETERS', 'A product needs at least one price', 'prices');
    const p = {
      created_at: createdAt,
      updated_at: null,
      id,
      name: body.name,
      description: body.description ?? null,
      type: body.type,
      recurring_interval: body.type === 'RECURRING' ? (body.recurring_interval ?? 'MONTH') : null,
      recurring_interval_count: body.recurring_interval_count ?? 1,
      is_active: body.is_active ?? true,
      is_one_time: body.is_one_time ?? false,
      is_used_in_finalized_invoice: false,
      prices,
    };
    this.setDefaultPrice(p);
    this.products.set(id, p);
    return p;
  }

  /** The legacy single-price fields follow the first active price. */
  setDefaultPrice(p) {
    const d = p.prices[0];
    Object.assign(p, { price: d.amount, currency: d.currency, is_price_exempt_from_vat: d.is_price_exempt_from_vat, is_price_inclusive_of_vat: d.is_price_inclusive_of_vat, price_excluding_vat: d.price_excluding_vat, vat_amount: d.vat_amount });
  }

  updateProduct(id, body) {
    const p = this.requireProduct(id);
    for (const k of ['name', 'description', 'is_active', 'type', 'recurring_interval', 'recurring_interval_count']) if (body[k] !== undefined && (body[k] !== null || k === 'description' || k === 'recurring_interval')) p[k] = body[k];
    if (body.prices) {
      if (!body.prices.length) throw new DomainError(400, 'INVALID_PARAMETERS', 'A product needs at least one price', 'prices');
      p.prices = body.prices.map((x) => priceDto({ id: randomUUID(), currency: x.currency, units: toUnits(x.amount, x.currency), inclusive: x.is_price_inclusive_of_vat ?? true, exempt: x.is_price_exempt_from_vat ?? false }));
      this.setDefaultPrice(p);
    }
    p.updated_at = now();
    return p;
  }

  deleteProduct(id) {
    const p = this.requireProduct(id);
    if (p.is_used_in_finalized_invoice) throw new DomainError(400, 'PRODUCT_USED_IN_FINALIZED_INVOICE', 'The product is used in a finalized invoice', `product_id=${p.id}`);
    this.products.delete(p.id);
    return {};
  }

  addPrice(productId, body) {
    const p = this.requireProduct(productId);
    if (p.prices.some((x) => x.currency === body.currency)) throw new DomainError(409, 'RESOURCE_ALREADY_EXISTS', `The product already has an active ${body.currency} price`, `currency=${body.currency}`);
    const dto = priceDto({ currency: body.currency, units: toUnits(body.amount, body.currency), inclusive: body.is_price_inclusive_of_vat ?? true, exempt: body.is_price_exempt_from_vat ?? false });
    p.prices.push(dto);
    p.updated_at = now();
    return dto;
  }

  requirePrice(p, priceId) {
    const price = p.prices.find((x) => x.id === String(priceId).toLowerCase());
    if (!price) throw notFound('product price', priceId);
    return price;
  }

  /** Prices are immutable: the old one is archived and a new one replaces it. */
  updatePrice(productId, priceId, body) {
    const p = this.requireProduct(productId);
    const old = this.requirePrice(p, priceId);
    const units = body.amount != null ? toUnits(body.amount, old.currency) : BigInt(old.amount_in_smallest_unit);
    const dto = priceDto({ currency: old.currency, units, inclusive: body.is_price_inclusive_of_vat ?? old.is_price_inclusive_of_vat, exempt: body.is_price_exempt_from_vat ?? old.is_price_exempt_from_vat });
    this.archivedPrices.set(old.id, { ...old, is_active: false, updated_at: now() });
    p.prices[p.prices.indexOf(old)] = dto;
    this.setDefaultPrice(p);
    return dto;
  }

  deletePrice(productId, priceId) {
    const p = this.requireProduct(productId);
    const old = this.requirePrice(p, priceId);
    if (p.prices.length === 1) throw new DomainError(400, 'INVALID_PARAMETERS', 'Cannot delete the last active price of a product', `price_id=${old.id}`);
    p.prices.splice(p.prices.indexOf(old), 1);
    this.archivedPrices.set(old.id, { ...old, is_active: false, updated_at: now() });
    this.setDefaultPrice(p);
    return {};
  }

  /** Unit price of a product in a currency, or a 400 when it has none. */
  unitPrice(product, currency) {
    const price = product.prices.find((x) => x.currency === currency);
    if (!price) throw new DomainError(400, 'INVALID_PARAMETERS', `Product ${product.id} has no ${currency} price`, `product_id=${product.id}`);
    return { units: BigInt(price.amount_in_smallest_unit), price };
  }

  // --- coupons ---------------------------------------------------------------------------------
  coupon(id) {
    return this.coupons.get(String(id).toLowerCase()) ?? null;
  }
  requireCoupon(id) {
    return this.coupon(id) ?? (() => { throw notFound('coupon', id); })();
  }
  couponsFor(ids, currency) {
    return (ids ?? []).map((id) => {
      const c = this.requireCoupon(id);
      if (!c.is_percentage && c.currency !== currency) throw new DomainError(400, 'INVALID_PARAMETERS', `Coupon ${c.id} is in ${c.currency}, not ${currency}`, `coupon_id=${c.id}`);
      return c;
    });
  }

  createCoupon(body, { id = randomUUID(), createdAt = now() } = {}) {
    const c = {
      created_at: createdAt,
      updated_at: null,
      id,
      name: body.name,
      discount_value: String(body.discount_value),
      currency: body.is_percentage ? null : body.currency,
      is_percentage: body.is_percentage ?? false,
      is_active: body.is_active ?? true,
      redemptions: 0,
    };
    this.coupons.set(id, c);
    return c;
  }

  updateCoupon(id, body) {
    const c = this.requireCoupon(id);
    for (const k of ['name', 'is_percentage', 'is_active']) if (body[k] != null) c[k] = body[k];
    if (body.discount_value != null) c.discount_value = String(body.discount_value);
    if (body.currency !== undefined) c.currency = body.currency;
    if (c.is_percentage) c.currency = null;
    c.updated_at = now();
    return c;
  }

  deleteCoupon(id) {
    const c = this.requireCoupon(id);
    if (c.redemptions > 0) throw new DomainError(400, 'COUPON_USED_IN_FINALIZED_INVOICE', 'The coupon is used in a finalized invoice', `coupon_id=${c.id}`);
    this.coupons.delete(c.id);
    return {};
  }

  // --- items and totals (invoices, subscriptions, payment links) -----------------------------
  /** items: [{product_id, quantity, coupons?}] -> priced items, totals and coupon metadata. */
  price(items, couponIds, currency) {
    const priced = items.map((it) => {
      const product = this.requireProduct(it.product_id);
      const { units: unit, price } = this.unitPrice(product, currency);
      const original = unit * BigInt(it.quantity ?? 1);
      const applied = applyCoupons(original, this.couponsFor(it.coupons, currency), currency);
      return { it, product, price, unit, original, discounted: applied.units, metadata: applied.metadata };
    });
    const original = priced.reduce((s, x) => s + x.original, 0n);
    const afterItems = priced.reduce((s, x) => s + x.discounted, 0n);
    const total = applyCoupons(afterItems, this.couponsFor(couponIds, currency), currency);
    const vat = priced.reduce((s, x) => s + (x.discounted === 0n ? 0n : vatSplit(x.discounted, { inclusive: x.price.is_price_inclusive_of_vat, exempt: x.price.is_price_exempt_from_vat }).vat), 0n);
    return { priced, original, itemDiscount: original - afterItems, total: total.units, metadata: total.metadata, vat };
  }
}
