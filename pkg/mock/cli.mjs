#!/usr/bin/env node
// node pkg/mock/cli.mjs [--port N] [--host 127.0.0.1] [--seed N] [--count N]
// Prints exactly one line, MOCK_URL=http://127.0.0.1:PORT, once listening; stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startMockServer } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '250' },
  },
});

const mock = await startMockServer({
  port: Number(values.port),
  host: values.host,
  seed: Number(values.seed),
  paymentCount: Number(values.count),
});
process.stdout.write(`MOCK_URL=${mock.url}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await mock.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
