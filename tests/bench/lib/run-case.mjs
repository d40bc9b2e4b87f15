// One comparison in its own Node process: `node run-case.mjs <case module> <comparison id>`.
// Prints progress on stderr and the result as the last stdout line: BENCH_RESULT <json>.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [modulePath, id] = process.argv.slice(2);
const options = JSON.parse(process.env.BENCH_OPTIONS ?? '{}');
const mod = await import(pathToFileURL(resolve(modulePath)).href);
const result = await mod.run(id, options);
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}\n`);
