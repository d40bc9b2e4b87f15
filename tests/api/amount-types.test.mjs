// The types say what the rewriter does: every field the amount rule names (codegen/gen-amounts.mjs:
// `*InSmallestUnit`, and every decimal-amount name of the description) is typed `string` (or a
// string that may be null or absent) in every interface of the package's StreamPay and gateway
// types, never `number | string`. Checked by tsc --strict on a file written from the d.ts, and the
// check is shown to fail on a d.ts where one field is `number | string`. A field the description
// adds follows the rule in the types, the Rust shapes and the rewriter's names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { camelCase, generate } from '../../codegen/gen-types.mjs';
import { amountRule } from '../../codegen/gen-amounts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSC = join(ROOT, 'tests/node_modules/.bin/tsc');
const TYPES = ['pkg/types/streampay-api.d.ts', 'pkg/types/streampay.d.ts', 'pkg/types/gateway.d.ts'];
const spec = () => JSON.parse(readFileSync(join(ROOT, 'src/api/streampay-openapi.json'), 'utf8'));
const rule = amountRule(spec());

/** The exported, non-generic interfaces of a .d.ts text. */
const interfacesOf = (text) => [...text.matchAll(/^export interface (\w+) (?:extends [^{]+)?\{/gm)].map((m) => m[1]);

/** A .ts file that compiles only when every amount field of every interface of `files` is a string. */
function checkFile(files) {
  const imports = files.map((f, i) => `import type * as T${i} from ${JSON.stringify(f.replace(/\.d\.ts$/, '.js'))};`);
  const checks = files.flatMap((f, i) => interfacesOf(readFileSync(f, 'utf8')).map((n) => `const _${i}_${n}: Check<T${i}.${n}> = true;`));
  return `${imports.join('\n')}
type Amount = \`\${string}InSmallestUnit\` | ${rule.decimalNames.map((n) => `'${camelCase(n)}'`).join(' | ')};
/** T's own fields (no index signature), each as given, with null and absence aside. */
type Fields<T> = { [K in keyof T as string extends K ? never : K]-?: Exclude<T[K], null | undefined> };
/** The amount keys of T whose type is not a string. */
type NotString<T> = { [K in keyof Fields<T>]: K extends Amount ? ([Fields<T>[K]] extends [string] ? never : K) : never }[keyof Fields<T>];
/** \`true\`, or the offending key names (then assigning \`true\` fails and tsc names them). */
type Check<T> = [NotString<T>] extends [never] ? true : NotString<T>;
${checks.join('\n')}
`;
}

function tsc(dir, files) {
  writeFileSync(join(dir, 'amounts.ts'), checkFile(files));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'ESNext.Disposable', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false, types: [] },
    files: ['amounts.ts'],
  }));
  return spawnSync(TSC, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
}

test('every amount field of every interface is typed string (tsc --strict)', { timeout: 120_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'amount-types-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = TYPES.map((f) => join(ROOT, f));
  const count = files.reduce((n, f) => n + interfacesOf(readFileSync(f, 'utf8')).length, 0);
  assert.ok(count > 90, `${count} interfaces checked`);
  const run = tsc(dir, files);
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('the check fails on an amount typed number | string or number, naming it', { timeout: 120_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'amount-types-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const text = readFileSync(join(ROOT, TYPES[0]), 'utf8');
  const broken = text
    .replace(/^( {2}paidAmountInSmallestUnit\??): string;/m, '$1: number | string;')
    .replace(/^( {2}unitPrice\??): string \| null;/m, '$1: number | null;');
  assert.equal(text.length - broken.length, -('number | '.length + 'number'.length - 'string'.length));
  writeFileSync(join(dir, 'streampay-api.d.ts'), broken);
  const run = tsc(dir, [join(dir, 'streampay-api.d.ts')]);
  assert.notEqual(run.status, 0, 'tsc accepted a number amount');
  assert.match(run.stdout, /"paidAmountInSmallestUnit"/);
  assert.match(run.stdout, /"unitPrice"/);
});

test('a field the description adds follows the rule; a name that would mean two things fails', () => {
  const grown = spec();
  Object.assign(grown.components.schemas.PaymentDto.properties, {
    fee_in_smallest_unit: { type: 'integer', readOnly: true },
    tip_amount: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
  });
  const out = generate(grown);
  assert.match(out.types, /^ {2}feeInSmallestUnit\?: string;$/m);
  assert.match(out.types, /^ {2}tipAmount\?: string;$/m);
  assert.match(out.shapes, /Field::new\("fee_in_smallest_unit", Kind::Units\)/);
  assert.match(out.shapes, /Field::new\("tip_amount", Kind::Amount\)/);
  assert.match(out.amountNames, /^ {4}"tip_amount",$/m);
  const clash = spec();
  clash.components.schemas.Pagination.properties.price = { type: 'integer' };
  assert.throws(() => generate(clash), /Pagination\.price is a plain number, but other schemas make price a decimal amount/);
  const notInteger = spec();
  notInteger.components.schemas.PaymentDto.properties.fee_in_smallest_unit = { type: 'string' };
  assert.throws(() => generate(notInteger), /PaymentDto\.fee_in_smallest_unit: an amount in smallest units that is not an integer/);
});
