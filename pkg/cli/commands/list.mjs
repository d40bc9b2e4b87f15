// stream-payments list payments: a page of StreamPay payments (the gateway has no list).
import { CONNECTION_HELP, CONNECTION_OPTIONS, streampayClient } from '../connection.mjs';
import { EXIT, choiceOption, intOption, parseCommand, UsageError } from '../usage.mjs';
import { paymentsTable } from './format.mjs';


export const help = `Usage: stream-payments list payments [--status S]... [--limit N] [--page N] [options]

Lists StreamPay payments, newest first, as a table (or --json: the page with its pagination).

Options:
  --status STATUS    only this status; repeat for several (PENDING, PROCESSING, SUCCEEDED,
                     FAILED, FAILED_INITIATION, CANCELED, UNDER_REVIEW, EXPIRED, SETTLED, REFUNDED)
  --limit N          payments per page, 1 to 100 (default 10)
  --page N           page number from 1 (default 1)
  --search TEXT      the API's search_term (id, amount, currency, status, ...)
  --invoice-id ID    only payments of this invoice; repeatable
  --sort FIELD       sort field, e.g. scheduled_on, amount, payed_at (default scheduled_on)
  --order asc|desc   sort direction (default desc)
  -h, --help         this help

${CONNECTION_HELP}

Exit code: 0 listed (also when empty); 1 an API or network error; 2 bad arguments.`;

const STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'FAILED_INITIATION', 'CANCELED', 'UNDER_REVIEW', 'EXPIRED', 'SETTLED', 'REFUNDED'];

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  status: { type: 'string', multiple: true },
  limit: { type: 'string' },
  page: { type: 'string' },
  search: { type: 'string' },
  'invoice-id': { type: 'string', multiple: true },
  sort: { type: 'string' },
  order: { type: 'string' },
};

export async function run(args, { out }) {
  const parsed = parseCommand(args, OPTIONS, { minPositionals: 1, maxPositionals: 1 });
  if (!parsed) return out.line(help), EXIT.OK;
  const { values, positionals: [what] } = parsed;
  if (what !== 'payments') throw new UsageError(`cannot list ${JSON.stringify(what)}: only "payments"`);
  const params = {};
  const limit = intOption(values, 'limit', { min: 1, max: 100 });
  const page = intOption(values, 'page', { min: 1 });
  if (limit != null) params.limit = limit;
  if (page != null) params.page = page;
  if (values.status) {
    params.statuses = values.status.map((s) => s.toUpperCase());
    const bad = params.statuses.find((s) => !STATUSES.includes(s));
    if (bad) throw new UsageError(`--status ${JSON.stringify(bad)} is not a StreamPay status: one of ${STATUSES.join(', ')}`);
  }
  if (values['invoice-id']) params.invoiceId = values['invoice-id'];
  if (values.search != null) params.searchTerm = values.search;
  if (values.sort != null) params.sortField = values.sort;
  const order = choiceOption(values, 'order', ['asc', 'desc']);
  if (order) params.sortDirection = order;
  const result = await streampayClient(values, out).listPayments(params);
  if (values.json) return out.json(result), EXIT.OK;
  const p = result.pagination ?? {};
  out.line(result.data.length ? paymentsTable(result.data) : 'No payments.');
  if (p.totalCount != null) out.line(`\npage ${p.currentPage} of ${p.maxPage}, ${p.totalCount} payments${p.hasNextPage ? ` (next: --page ${p.currentPage + 1})` : ''}`);
  return EXIT.OK;
}
