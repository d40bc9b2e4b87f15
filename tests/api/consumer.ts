// Compiled with `tsc --strict --noEmit` against the generated pkg/types/streampay-api.d.ts: what a
// merchant writes with the types, and what they must refuse (@ts-expect-error fails when accepted).
import type {
  ConsumerCreate,
  CouponCreate,
  CreatePaymentLinkDto,
  InvoiceCreate,
  InvoiceDetailed,
  ListInvoicesParams,
  ListResource,
  MeterUsageBulkRequest,
  PaymentLinkDetailed,
  PaymentResponse,
  ProductPriceCreate,
  StreamPayErrorBody,
  StreamPayOperations,
  SubscriptionStatus,
} from '../../pkg/types/streampay-api.js';

declare const client: StreamPayOperations;

const consumer: ConsumerCreate = { name: 'Sara', phoneNumber: '+966500000000', communicationMethods: ['SMS', 'EMAIL'] };
// @ts-expect-error: request keys are camelCase; the package writes the wire's snake_case.
const snake: ConsumerCreate = { name: 'Sara', phone_number: '+966500000000' };

const price: ProductPriceCreate = { currency: 'SAR', amount: '115.00' };
// @ts-expect-error: amounts are decimal strings, never numbers.
const floatPrice: ProductPriceCreate = { currency: 'SAR', amount: 115.5 };
// @ts-expect-error: a required field is required (`discountValue`).
const noValue: CouponCreate = { name: 'TEN' };
const coupon: CouponCreate = { name: 'TEN', discountValue: '10', isPercentage: true };
const usage: MeterUsageBulkRequest = {
  records: [{ productId: 'p', organizationConsumerId: 'c', usageAmount: '0.125', idempotencyKey: 'k-1' }],
};

// Enums are open: a value added to the API later still type-checks, and the known ones autocomplete.
const later: SubscriptionStatus = 'PAUSED_BY_PROVIDER';
const known: SubscriptionStatus = 'ACTIVE';

const link: CreatePaymentLinkDto = {
  name: 'Gym membership',
  items: [{ productId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', quantity: 2 }],
  currency: 'SAR',
  paymentMethods: { visa: true, mastercard: true },
  customMetadata: { plan: 'gold', seats: 3 },
  successRedirectUrl: 'https://shop.example/thanks',
};

const query: ListInvoicesParams = { statuses: ['SENT', 'ACCEPTED'], currencies: ['SAR', 'USD'], fromPrice: '10.00', sortDirection: 'desc' };
// @ts-expect-error: arrays stay arrays (`statuses` is sent as repeated keys).
const oneStatus: ListInvoicesParams = { statuses: 'SENT' };

async function use(): Promise<string[]> {
  const created = await client.createConsumer(consumer);
  const id: string | undefined = created.id;
  const invoiceBody: InvoiceCreate = {
    items: [{ productId: 'p', quantity: 1 }],
    paymentMethods: { mada: true, visa: true, mastercard: true, amex: false, bankTransfer: false, installment: false },
    organizationConsumerId: id ?? '',
    scheduledOn: '2026-12-31T00:00:00Z',
  };
  const invoice: InvoiceDetailed = await client.createInvoice(invoiceBody);
  const total: string | undefined = invoice.totalAmount;
  const halalas: string | undefined = invoice.totalAmountInSmallestUnit;
  // @ts-expect-error: an amount in smallest units is a string, never a number.
  const asNumber: number | undefined = invoice.items?.[0]?.originalAmountInSmallestUnit;
  // Unknown fields are kept: readable, typed unknown.
  const extra: unknown = invoice.somethingNew;

  const page: ListResource<PaymentResponse> = await client.listPayments({ statuses: ['PENDING'], invoiceId: [invoice.id ?? ''] });
  const more: boolean = page.pagination?.hasNextPage ?? false;
  const seen: string[] = [];
  for await (const l of client.listAllPaymentLinks({ statuses: ['ACTIVE'], limit: 100 })) {
    const item: PaymentLinkDetailed = l;
    const first = item.couponCalculationMetadata?.coupons?.[0]?.amountAfterDiscount;
    seen.push(`${item.url} ${first ?? '-'}`);
  }
  await client.setPaymentLinkStatus(seen[0] ?? '', { status: 'INACTIVE', deactivateMessage: 'Sold out' });
  await client.addProductPrice('p', price, { timeoutMs: 5_000 });
  await client.recordMeteredUsage(usage);
  await client.freezeSubscription('s', { freezeStartDatetime: '2026-12-01T00:00:00Z' });
  // @ts-expect-error: listAll* has no `page` (it walks every page).
  client.listAllConsumers({ page: 2 });
  // @ts-expect-error: the body of createCoupon is required.
  await client.createCoupon();
  const err: StreamPayErrorBody = { code: 'PAYMENT_FINALIZED', message: 'm', additionalInfo: null };
  return [String(total), String(halalas), String(extra), String(more), err.code ?? '', String(later), known, String(coupon), String(link), String(snake), String(floatPrice), String(noValue), String(query), String(oneStatus)];
}

export { use };
