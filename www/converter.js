// The amount converter: formatUnits / parseUnits on every keystroke, errors shown inline.
import { formatUnits, parseUnits, tokenDecimals } from 'stream-payments/checkout';
import { $ } from './util.js';

const PRESETS = ['STRM', 'NEAR', 'USDC', 'SOL', 'USD', 'EUR', 'SAR', 'KWD', 'BHD'];

export function startConverter() {
  for (const token of PRESETS) $('c-token').append(new Option(`${token} (${tokenDecimals(token)} decimals)`, token));
  $('c-token').value = 'STRM';

  function update() {
    const decimals = Number($('c-decimals').value);
    const digitsText = $('c-digits').value.trim();
    const rounding = $('c-rounding').value;
    const formatOptions = { rounding, grouping: $('c-grouping').checked };
    if (digitsText !== '') formatOptions.maxFractionDigits = Number(digitsText);
    const units = $('c-units').value.trim();
    run('c-display-out', 'c-format-error', 'c-format-call',
      () => formatUnits(units, decimals, formatOptions),
      `formatUnits(${q(units)}, ${decimals}, ${opts(formatOptions)})`);

    const text = $('c-text').value.trim();
    const parseOptions = $('c-parse-round').checked ? { rounding } : undefined;
    run('c-units-out', 'c-parse-error', 'c-parse-call',
      () => parseUnits(text, decimals, parseOptions),
      `parseUnits(${q(text)}, ${decimals}${parseOptions ? `, ${opts(parseOptions)}` : ''})`);
  }

  $('c-token').addEventListener('change', () => {
    const decimals = tokenDecimals($('c-token').value);
    if (decimals !== undefined) $('c-decimals').value = String(decimals);
    update();
  });
  $('c-decimals').addEventListener('input', () => {
    if (tokenDecimals($('c-token').value) !== Number($('c-decimals').value)) $('c-token').value = '';
  });
  $('c-form').addEventListener('input', update);
  $('c-form').addEventListener('change', update);
  $('c-form').addEventListener('submit', (e) => e.preventDefault());
  update();
}

/** Calls `fn`; shows its result, or the StreamError's code and message in the error line. */
function run(outId, errorId, callId, fn, call) {
  $(callId).textContent = call;
  try {
    $(outId).value = fn();
    $(errorId).textContent = '';
    $(outId).classList.remove('stale');
  } catch (err) {
    $(errorId).textContent = err?.name === 'StreamError' ? `${err.code}: ${err.message}` : String(err);
    $(outId).classList.add('stale');
    $(outId).value = '—';
  }
}

const q = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const opts = (o) => `{ ${Object.entries(o).map(([k, v]) => `${k}: ${typeof v === 'string' ? q(v) : v}`).join(', ')} }`;
