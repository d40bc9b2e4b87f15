// Prints the gateway's documented payment amounts, formatted exactly by the built package.
// `make demo` runs this until the browser demo page exists.
import { readFileSync } from 'node:fs';
import { formatUnits, parseUnits, tokenDecimals } from '../pkg/node/index.mjs';

const fixture = new URL('../../shared/api/fixtures/gateway-payment-completed.json', import.meta.url);
const payment = JSON.parse(readFileSync(fixture, 'utf8'));

console.log(`Payment ${payment.payment_id} (${payment.status}): ${payment.name}`);
for (const coin of payment.addresses) {
  const decimals = tokenDecimals(coin.token);
  const exact = decimals === undefined ? '(unknown decimals)' : formatUnits(coin.amount, decimals);
  const shown = decimals === undefined ? '' : formatUnits(coin.amount, decimals, { maxFractionDigits: 5 });
  const note = coin.token === 'USDC' ? ' <- the documented example fits no 6-decimal USDC; see shared/api/gateway-v1.md' : '';
  console.log(`  ${coin.token.padEnd(5)} ${coin.amount.padStart(26)} = ${exact} (gateway shows ${coin.displayAmount}, we truncate to ${shown})${note}`);
}
console.log(`  halfUp to 5 digits: ${formatUnits(payment.amount, 24, { maxFractionDigits: 5, rounding: 'halfUp' })}`);
console.log(`  parseUnits('115.00', tokenDecimals('SAR')) = ${parseUnits('115.00', tokenDecimals('SAR'))} halalas`);
console.log(`  grouping, de-DE: ${formatUnits('123456789012', 3, { grouping: true, locale: 'de-DE' })}`);
