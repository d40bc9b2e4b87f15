// How payments read in a terminal. Amounts are printed as the API and the package give them:
// exact strings, never through a number.
import { fields, table } from '../output.mjs';

export const isStreamPay = (p) => p && typeof p === 'object' && 'currentStatus' in p;
export const paymentId = (p) => p.paymentId ?? p.id;
export const paymentStatus = (p) => {
  if (isStreamPay(p)) return p.currentStatus;
  return p.reason ? `${p.status} (${p.reason})` : p.status;
};

export function gatewayPaymentText(p) {
  const head = fields([
    ['payment', p.paymentId],
    ['status', paymentStatus(p)],
    ['name', p.name],
    ['amount', p.displayAmountUsd != null ? `${p.displayAmountUsd} USD` + (p.displayAmountEur != null ? ` / ${p.displayAmountEur} EUR` : '') : null],
    ['created', p.createdAt],
    ['expires', p.expiryAt],
    ['processed', p.processedAt],
    ['transaction', p.transactionHash],
    ['signer', p.signerId],
  ]);
  const coins = p.addresses ?? [];
  if (coins.length === 0) return head;
  const rows = [['TOKEN', 'AMOUNT', 'DECIMALS', 'ADDRESS'], ...coins.map((c) => [c.token, c.formattedAmount ?? c.displayAmount, c.decimals ?? '', c.address])];
  return `${head}\n\n${table(rows)}`;
}

export function streamPayPaymentText(p) {
  return fields([
    ['payment', p.id],
    ['status', p.currentStatus],
    ['amount', `${p.amount} ${p.currency}`],
    ['smallest units', p.amountInSmallestUnit],
    ['type', p.type],
    ['method', p.paymentMethod],
    ['scheduled on', p.scheduledOn],
    ['paid at', p.payedAt],
    ['refunded at', p.refundedAt],
    ['refund reason', p.refundReason],
    ['invoice', p.invoiceId],
  ]);
}

export function paymentsTable(payments) {
  return table([
    ['ID', 'STATUS', 'AMOUNT', 'CURRENCY', 'METHOD', 'SCHEDULED ON'],
    ...payments.map((p) => [p.id, p.currentStatus, p.amount, p.currency, p.paymentMethod ?? '-', p.scheduledOn ?? '-']),
  ]);
}
