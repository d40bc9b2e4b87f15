// Every argument and every option of the amount functions fed every kind of JS value: the answer
// is either the right result or a StreamError INVALID_ARGUMENT naming the argument, never a trap or
// a TypeError from the glue, and the module keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatUnits, parseUnits, tokenDecimals, setTokenDecimals } from 'stream-payments';

const LONG_DIGITS = '9'.repeat(10_000);
const EMPTY = {};
const VALUES = [
  ['undefined', undefined], ['null', null], ['true', true], ['false', false], ['0', 0], ['-0', -0],
  ['NaN', NaN], ['Infinity', Infinity], ['1.5', 1.5], ['2**53', 2 ** 53], ['10n', 10n],
  ['a symbol', Symbol('s')], ['{}', EMPTY], ['[]', []], ['a function', () => 1],
  ['a lone surrogate', '\ud800'], ['10,000 digits', LONG_DIGITS],
];

/**
 * One argument position: `call(v)` with `v` there and valid values elsewhere, `name` the word the
 * error must contain, `accepts` the values that are valid there with the result each must give.
 */
const POSITIONS = [
  {
    label: 'formatUnits amount', name: 'amount', call: (v) => formatUnits(v, 6),
    accepts: [[10n, '0.00001'], [LONG_DIGITS, `${'9'.repeat(9_994)}.999999`]],
  },
  {
    label: 'formatUnits decimals', name: 'decimals', call: (v) => formatUnits('1500000', v),
    accepts: [[0, '1500000'], [-0, '1500000']],
  },
  {
    label: 'formatUnits options', name: 'formatUnits options', call: (v) => formatUnits('1500000', 6, v),
    accepts: [[undefined, '1.5'], [null, '1.5'], [EMPTY, '1.5']],
  },
  {
    label: 'formatUnits maxFractionDigits', name: 'maxFractionDigits',
    call: (v) => formatUnits('1500000', 6, { maxFractionDigits: v }),
    accepts: [[undefined, '1.5'], [0, '1'], [-0, '1']],
  },
  {
    label: 'formatUnits minFractionDigits', name: 'minFractionDigits',
    call: (v) => formatUnits('1500000', 6, { minFractionDigits: v }),
    accepts: [[undefined, '1.5'], [0, '1.5'], [-0, '1.5']],
  },
  {
    label: 'formatUnits rounding', name: 'rounding',
    call: (v) => formatUnits('1500000', 6, { maxFractionDigits: 0, rounding: v }),
    accepts: [[undefined, '1']],
  },
  {
    label: 'formatUnits grouping', name: 'grouping',
    call: (v) => formatUnits('123456789', 2, { grouping: v }),
    accepts: [[undefined, '1234567.89'], [false, '1234567.89'], [true, '1,234,567.89']],
  },
  {
    label: 'formatUnits locale', name: 'locale',
    call: (v) => formatUnits('123456789', 2, { grouping: true, locale: v }),
    accepts: [[undefined, '1,234,567.89']],
  },
  {
    label: 'parseUnits text', name: 'text', call: (v) => parseUnits(v, 6),
    accepts: [[LONG_DIGITS, `${LONG_DIGITS}000000`]],
  },
  {
    label: 'parseUnits decimals', name: 'decimals', call: (v) => parseUnits('15', v),
    accepts: [[0, '15'], [-0, '15']],
  },
  {
    label: 'parseUnits options', name: 'parseUnits options', call: (v) => parseUnits('1.5', 6, v),
    accepts: [[undefined, '1500000'], [null, '1500000'], [EMPTY, '1500000']],
  },
  {
    label: 'parseUnits rounding', name: 'rounding', call: (v) => parseUnits('1.55', 1, { rounding: v }),
    accepts: [],
  },
  {
    label: 'tokenDecimals tokenOrCurrency', name: 'tokenOrCurrency', call: (v) => tokenDecimals(v),
    accepts: [['\ud800', undefined], [LONG_DIGITS, undefined]],
  },
  {
    label: 'setTokenDecimals token', name: 'token', call: (v) => setTokenDecimals(v, 3),
    accepts: [],
  },
  {
    label: 'setTokenDecimals decimals', name: 'decimals',
    call: (v) => { setTokenDecimals('ANYVALUE', v); return tokenDecimals('ANYVALUE'); },
    accepts: [[undefined, undefined], [null, undefined], [0, 0], [-0, 0]],
  },
];

function stillWorks() {
  assert.equal(formatUnits('166389351081530800779973', 24, { maxFractionDigits: 5 }), '0.16638');
  assert.equal(formatUnits(1500000n, 6, { grouping: true, locale: 'de-DE', minFractionDigits: 2 }), '1,50');
  assert.equal(parseUnits('0.16638', 24), '166380000000000000000000');
  assert.equal(tokenDecimals('usdc'), 6);
}

for (const position of POSITIONS) {
  test(`${position.label}: every kind of JS value gives a result or INVALID_ARGUMENT naming it`, () => {
    for (const [label, value] of VALUES) {
      const accepted = position.accepts.find(([v]) => Object.is(v, value));
      let result;
      let error;
      try {
        result = position.call(value);
      } catch (err) {
        error = err;
      }
      if (accepted) {
        assert.equal(error, undefined, `${position.label} = ${label} threw ${error?.message}`);
        assert.equal(result, accepted[1], `${position.label} = ${label}`);
      } else {
        assert.ok(error, `${position.label} = ${label} gave ${String(result).slice(0, 40)} instead of an error`);
        assert.equal(error.name, 'StreamError', `${position.label} = ${label}: ${error.name}: ${error.message}`);
        assert.equal(error.code, 'INVALID_ARGUMENT', `${position.label} = ${label}`);
        assert.ok(error.message.includes(position.name), `${position.label} = ${label}: "${error.message}" does not name ${position.name}`);
        assert.ok(error.message.length < 300, `${position.label} = ${label}: a long message echoes the input`);
      }
      stillWorks();
    }
  });
}

test('the issue\'s examples give INVALID_ARGUMENT, not a trap or a TypeError', () => {
  const calls = [
    () => tokenDecimals(5), () => tokenDecimals({}), () => tokenDecimals(10n),
    () => setTokenDecimals(5, 3), () => tokenDecimals(undefined),
  ];
  for (const call of calls) {
    assert.throws(call, (err) => err.name === 'StreamError' && err.code === 'INVALID_ARGUMENT', String(call));
  }
  stillWorks();
});

test('an options key the functions do not know is named, also when it is inherited or an index', () => {
  assert.throws(() => formatUnits('1', 0, { maxDecimals: 2 }), /unknown option "maxDecimals"/);
  assert.throws(() => parseUnits('1', 0, { rounding: 'trunc', grouping: true }), /unknown option "grouping"/);
  assert.throws(() => formatUnits('1', 0, ['x']), /must be an object, got array/);
  // Inherited keys are not the caller's options: ignored, as Object.keys ignores them.
  const inherited = Object.create({ extra: 1, maxFractionDigits: 1 });
  assert.equal(formatUnits('125', 2, inherited), '1.2');
  assert.equal(parseUnits('1.25', 1, Object.create({ rounding: 'halfUp' })), '13');
});
