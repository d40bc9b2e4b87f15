// stream-payments amount: exact conversions between smallest units and decimal text
// (the package's formatUnits / parseUnits / tokenDecimals).
import { formatUnits, parseUnits, tokenDecimals } from '../package-api.mjs';
import { EXIT, UsageError, choiceOption, intOption, parseCommand } from '../usage.mjs';


const ROUNDING = ['trunc', 'floor', 'ceil', 'halfUp', 'halfEven', 'expand'];

export const help = `Usage: stream-payments amount <smallestUnits> (--token T | --decimals N) [--digits N] [--rounding R]
       stream-payments amount --parse <text> (--token T | --decimals N) [--rounding R]

Formats an integer amount in smallest units as decimal text, or (--parse) the reverse. Exact:
no floating point anywhere. A negative amount goes after --: amount --token SAR -- -150

Options:
  --token T          a token or currency whose decimals the package knows (STRM, NEAR, USDC,
                     SAR, KWD, ...)
  --decimals N       the decimals, for anything else
  --digits N         at most N fraction digits (default: all)
  --min-digits N     at least N fraction digits (default 0)
  --rounding R       ${ROUNDING.join(', ')} (default trunc)
  --grouping         thousands separators
  --parse TEXT       decimal text to turn into smallest units
  --json             { input, decimals, result } on stdout
  -h, --help         this help

Exit code: 0 done; 2 bad arguments (an amount that is not one, an unknown token, ...).`;

const OPTIONS = {
  token: { type: 'string' },
  decimals: { type: 'string' },
  digits: { type: 'string' },
  'min-digits': { type: 'string' },
  rounding: { type: 'string' },
  grouping: { type: 'boolean' },
  parse: { type: 'string' },
  json: { type: 'boolean' },
};

export function run(args, { out }) {
  const parsed = parseCommand(args, OPTIONS, { maxPositionals: 1 });
  if (!parsed) return out.line(help), EXIT.OK;
  const { values, positionals } = parsed;
  const parsing = values.parse != null;
  if (parsing === (positionals.length === 1)) throw new UsageError(parsing ? 'give either <smallestUnits> or --parse <text>, not both' : 'missing <smallestUnits> (or --parse <text>)');
  if ((values.token == null) === (values.decimals == null)) throw new UsageError('give exactly one of --token or --decimals');
  let decimals = intOption(values, 'decimals', { min: 0, max: 255 });
  if (values.token != null) {
    decimals = tokenDecimals(values.token);
    if (decimals == null) throw new UsageError(`unknown token ${JSON.stringify(values.token)}: give --decimals instead`);
  }
  const rounding = choiceOption(values, 'rounding', ROUNDING);
  const input = parsing ? values.parse : positionals[0];
  let result;
  if (parsing) {
    result = parseUnits(input, decimals, rounding ? { rounding } : undefined);
  } else {
    const options = {};
    const digits = intOption(values, 'digits', { min: 0, max: 255 });
    const minDigits = intOption(values, 'min-digits', { min: 0, max: 255 });
    if (digits != null) options.maxFractionDigits = digits;
    if (minDigits != null) options.minFractionDigits = minDigits;
    if (rounding) options.rounding = rounding;
    if (values.grouping) options.grouping = true;
    result = formatUnits(input, decimals, options);
  }
  if (values.json) out.json({ input, ...(values.token != null ? { token: values.token } : {}), decimals, result });
  else out.line(result);
  return EXIT.OK;
}
