// Side-by-side timing in one process: every implementation gets a warm-up, then `rounds` timed
// passes over the same inputs, in a rotating order so none always runs first or last.
// Medians are reported; samples are kept so the spread shows how noisy a figure is.
import { median, spreadPct } from './stats.mjs';

/**
 * A timing loop of its own per implementation (`new Function` gives it its own type feedback),
 * so one implementation's call site never slows another's by going megamorphic.
 */
function makeLoop() {
  return new Function('fn', 'inputs', 'now', `
    let sink = 0;
    const t0 = now();
    for (let i = 0; i < inputs.length; i++) {
      const v = fn(inputs[i]);
      sink += typeof v === 'string' ? v.length : 1;
    }
    const t1 = now();
    return [Number(t1 - t0), sink];
  `);
}

const hrtime = () => process.hrtime.bigint();

/**
 * impls: [{ name, fn(input), inputs? }]; every fn is timed over all of `inputs` (or its own
 * `inputs`, the same values in the type that implementation takes).
 * -> [{ name, nsPerCall, spreadPct, samples }] in the order given.
 */
export function compareSync(impls, inputs, { rounds = 7, warmupPasses = 1 } = {}) {
  const loops = impls.map(() => makeLoop());
  let sinks = 0;
  impls.forEach((impl, i) => {
    for (let w = 0; w < warmupPasses; w++) sinks += loops[i](impl.fn, impl.inputs ?? inputs, hrtime)[1];
  });
  const samples = impls.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < impls.length; k++) {
      const i = (k + r) % impls.length;
      const [ns, sink] = loops[i](impls[i].fn, impls[i].inputs ?? inputs, hrtime);
      sinks += sink;
      samples[i].push(ns / (impls[i].inputs ?? inputs).length);
    }
  }
  if (sinks === -1) console.log('unreachable'); // keeps the results observable
  return impls.map((impl, i) => summarize(impl.name, samples[i]));
}

/**
 * impls: [{ name, fn() -> Promise }]; each round awaits `calls` sequential calls per impl.
 * Reports wall time and this process's CPU time (user + system) per call.
 */
export async function compareAsync(impls, { calls, rounds = 5, warmupCalls = Math.min(calls, 200) }) {
  for (const impl of impls) for (let i = 0; i < warmupCalls; i++) await impl.fn(i);
  const wall = impls.map(() => []);
  const cpu = impls.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < impls.length; k++) {
      const i = (k + r) % impls.length;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (let n = 0; n < calls; n++) await impls[i].fn(n);
      const t1 = process.hrtime.bigint();
      const c = process.cpuUsage(c0);
      wall[i].push(Number(t1 - t0) / calls);
      cpu[i].push(((c.user + c.system) * 1000) / calls);
    }
  }
  return impls.map((impl, i) => ({
    ...summarize(impl.name, wall[i]),
    cpuNsPerCall: median(cpu[i]),
    cpuSpreadPct: spreadPct(cpu[i]),
  }));
}

function summarize(name, samples) {
  return { name, nsPerCall: median(samples), spreadPct: spreadPct(samples), samples };
}
