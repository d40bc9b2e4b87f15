// Which decoded fields are amounts, read here straight from the StreamPay description (not from the
// package's generator), and a walk that finds every amount field that is not a string. Not a test
// file itself. Shared with the command-line tests (tests/js/cli/amounts.test.mjs).
import assert from 'node:assert/strict';

const camel = (k) => k.replace(/_(.)/g, (_, c) => c.toUpperCase());
const isDecimal = (s) => s?.type === 'string' && typeof s.pattern === 'string';

/**
 * The amount keys as JS sees them (camelCase): every `*_in_smallest_unit` and every property the
 * description types as a decimal string (or a number-or-decimal-string `anyOf`), in any schema.
 * `extra` adds names from elsewhere (the gateway's documented amounts).
 */
export function amountKeys(description, extra = []) {
  const decimal = new Set(extra);
  for (const schema of Object.values(description.components.schemas)) {
    for (const [prop, node] of Object.entries(schema.properties ?? {})) {
      if (isDecimal(node) || node.anyOf?.some(isDecimal)) decimal.add(camel(prop));
    }
  }
  return (key) => key.endsWith('InSmallestUnit') || decimal.has(key);
}

/** Paths in `value` where an amount key holds something else than a string or null. */
export function notStringAmounts(value, isAmount, at = '$', out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => notStringAmounts(v, isAmount, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isAmount(k) && v !== null && typeof v !== 'string') out.push(`${at}.${k} = ${JSON.stringify(v)} (${typeof v})`);
      notStringAmounts(v, isAmount, `${at}.${k}`, out);
    }
  }
  return out;
}

/** How many amount fields `value` holds (so that a walk is seen to have met some). */
export function amountCount(value, isAmount) {
  if (Array.isArray(value)) return value.reduce((n, v) => n + amountCount(v, isAmount), 0);
  if (!value || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((n, [k, v]) => n + (isAmount(k) ? 1 : 0) + amountCount(v, isAmount), 0);
}

export function assertAmountsAreStrings(value, isAmount, what) {
  assert.deepEqual(notStringAmounts(value, isAmount), [], `${what}: every amount a string`);
}

/**
 * `client` with every method's answer checked by assertAmountsAreStrings (a `listAll*` item by
 * item), each method name added to `called` with the number of amount fields it answered.
 */
export function checkingAmounts(client, isAmount, called = new Map()) {
  const note = (name, value) => {
    assertAmountsAreStrings(value, isAmount, name);
    called.set(name, (called.get(name) ?? 0) + amountCount(value, isAmount));
    return value;
  };
  return new Proxy(client, {
    get(target, name, receiver) {
      const member = Reflect.get(target, name, receiver);
      if (typeof member !== 'function' || typeof name !== 'string' || name === 'constructor') return member;
      return (...args) => {
        const result = member.apply(target, args);
        if (typeof result?.then === 'function') return result.then((value) => note(name, value));
        if (typeof result?.[Symbol.asyncIterator] === 'function') {
          return (async function* () {
            for await (const item of result) yield note(name, item);
          })();
        }
        return result;
      };
    },
  });
}
