// The installed package from Node ESM: `import ... from 'stream-payments'`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatUnits, parseUnits, tokenDecimals, setTokenDecimals } from 'stream-payments';

const YOCTO = '166389351081530800779973';

test('formatUnits shows the gateway amount exactly, truncated like the gateway', () => {
  assert.equal(formatUnits(YOCTO, 24), '0.166389351081530800779973');
  assert.equal(formatUnits(YOCTO, 24, { maxFractionDigits: 5 }), '0.16638');
  assert.equal(formatUnits(YOCTO, 24, { maxFractionDigits: 5, rounding: 'halfUp' }), '0.16639');
  assert.equal(formatUnits(BigInt(YOCTO), 24, { maxFractionDigits: 5 }), '0.16638');
});

test('formatUnits rounding modes on negatives, zero never "-0"', () => {
  const at = (rounding) => formatUnits('-1005', 3, { maxFractionDigits: 2, rounding });
  assert.deepEqual(
    ['trunc', 'floor', 'ceil', 'expand', 'halfUp', 'halfEven'].map(at),
    ['-1', '-1.01', '-1', '-1.01', '-1.01', '-1'],
  );
  assert.equal(formatUnits('-1', 6, { maxFractionDigits: 2 }), '0');
  assert.equal(formatUnits('1000000', 6, { minFractionDigits: 2 }), '1.00');
});

test('formatUnits handles 77 decimals and 100-digit amounts', () => {
  const amount = '1' + '0'.repeat(99);
  assert.equal(formatUnits(amount, 77), '1' + '0'.repeat(22));
  assert.equal(formatUnits('1', 77), '0.' + '0'.repeat(76) + '1');
});

test('formatUnits uses locale separators from Intl but keeps every digit', () => {
  assert.equal(formatUnits('123456789012345678901234', 2, { grouping: true, locale: 'de-DE' }),
    '1.234.567.890.123.456.789.012,34');
  assert.equal(formatUnits('12345', 2, { locale: 'fr-FR' }), '123,45');
});

/** The group and decimal separators Intl gives for `locale` (what the README says are used). */
function separators(locale) {
  const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1234567.5);
  return { group: parts.find((p) => p.type === 'group').value, decimal: parts.find((p) => p.type === 'decimal').value };
}

test('formatUnits: digits stay ASCII where Intl would write Arabic-Indic or Persian ones (ar-EG, fa-IR)', () => {
  for (const locale of ['ar-EG', 'fa-IR']) {
    // Intl itself writes other digits here: the case is real, not vacuous.
    assert.doesNotMatch(new Intl.NumberFormat(locale).format(123), /[0-9]/, `${locale}: Intl's own digits`);
    const { group, decimal } = separators(locale);
    assert.equal(formatUnits('123456789012', 3, { grouping: true, locale }), `123${group}456${group}789${decimal}012`, locale);
    assert.equal(formatUnits('12345', 2, { locale }), `123${decimal}45`, locale);
    const text = formatUnits('98765432109876543210', 4, { grouping: true, locale, minFractionDigits: 4 });
    assert.equal(text.replaceAll(group, '').replace(decimal, '.'), '9876543210987654.3210', `${locale}: ${text}`);
  }
});

test('formatUnits: fr-FR groups with the narrow no-break space U+202F, as Intl gives it', () => {
  const { group, decimal } = separators('fr-FR');
  assert.equal(group, '\u202f', 'Intl in this runtime groups fr-FR with U+202F');
  assert.equal(decimal, ',');
  assert.equal(formatUnits('123456789012', 3, { grouping: true, locale: 'fr-FR' }), '123\u202f456\u202f789,012');
  assert.equal(formatUnits('100000000', 2, { grouping: true, locale: 'fr-FR', minFractionDigits: 2 }), '1\u202f000\u202f000,00');
  assert.equal(formatUnits('99900', 2, { grouping: true, locale: 'fr-FR' }), '999', 'no separator below a thousand');
});

test('parseUnits converts exactly and refuses what it cannot represent', () => {
  assert.equal(parseUnits('0.16638', 24), '166380000000000000000000');
  assert.equal(parseUnits('-1.5', 6), '-1500000');
  assert.equal(parseUnits('1.2345', 2, { rounding: 'halfUp' }), '123');
  for (const bad of ['', ' 1', '1e5', '+1', '1-', '1.2.3', 'abc', 'NaN', 'Infinity', '1,000', '1.234']) {
    assert.throws(() => parseUnits(bad, 2), (err) => {
      assert.ok(err instanceof Error, 'a real Error');
      assert.equal(err.name, 'StreamError');
      assert.equal(err.code, 'INVALID_ARGUMENT');
      assert.equal(err.retryable, false);
      assert.ok(err.message.length > 10, err.message);
      return true;
    }, `parseUnits(${JSON.stringify(bad)})`);
  }
  for (const decimals of [-1, 1.5, 1e9, NaN, '6']) {
    assert.throws(() => parseUnits('1', decimals), { name: 'StreamError', code: 'INVALID_ARGUMENT' });
  }
});

test('tokenDecimals knows the documented tokens and currencies and can be extended', () => {
  assert.deepEqual(['STRM', 'NEAR', 'USDC', 'SOL', 'SAR', 'usd', 'KWD', 'OMR'].map(tokenDecimals),
    [24, 24, 6, 9, 2, 2, 3, 3]);
  assert.equal(tokenDecimals('DOGE'), undefined);
  setTokenDecimals('DOGE', 8);
  assert.equal(tokenDecimals('DOGE'), 8);
  setTokenDecimals('DOGE', undefined);
  assert.equal(tokenDecimals('DOGE'), undefined);
});

test('numbers are refused as amounts: they may already have lost digits', () => {
  assert.throws(() => formatUnits(166389351081530800779973, 24), /string or a bigint/);
});

test('locale separators come from Intl, the digits stay ASCII (fr-FR, ar-EG, fa-IR)', () => {
  assert.equal(formatUnits('123456789', 2, { grouping: true, locale: 'fr-FR' }), '1\u202f234\u202f567,89');
  const part = (locale, type) => new Intl.NumberFormat(locale).formatToParts(1234567.5).find((p) => p.type === type).value;
  for (const locale of ['ar-EG', 'fa-IR']) {
    const [group, decimal] = [part(locale, 'group'), part(locale, 'decimal')];
    assert.ok(!/[0-9]/.test(group + decimal), `${locale} separators are not digits`);
    for (let i = 0; i < 2; i++) { // the second call is answered from the shell's cache
      assert.equal(formatUnits('-123456789', 2, { grouping: true, locale }), `-1${group}234${group}567${decimal}89`);
      assert.equal(formatUnits('123456789', 2, { locale }), `1234567${decimal}89`);
    }
  }
  assert.throws(() => formatUnits('1', 0, { locale: 'not a locale!' }), { code: 'INVALID_ARGUMENT', message: /BCP 47/ });
});
