// The merchant view: StreamPay payments, filtered, searched and paged with listPayments.
import { StreamPayClient } from 'stream-payments';
import { describeError, isAbort } from './errors.js';
import { paymentAmountText } from './amount-text.js';
import { $ } from './util.js';

const STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'SETTLED', 'FAILED', 'FAILED_INITIATION',
  'CANCELED', 'UNDER_REVIEW', 'EXPIRED', 'REFUNDED'];

/** `apiKey` is the base64 "key:secret" StreamPay wants; here the mock's test key. */
export function startMerchant({ config, apiKey }) {
  for (const s of STATUSES) $('m-status').append(new Option(s.replaceAll('_', ' ').toLowerCase(), s));
  const query = { page: 1, limit: 10, status: '', search: '' };
  let controller = null;
  let client;
  try {
    if (!apiKey) throw Object.assign(new Error('No StreamPay API key: set STREAMPAY_API_KEY (a test key) to list payments from a real StreamPay API.'), { code: 'NO_KEY' });
    // allowBrowser: a test key against the local mock. Never ship a real secret key to a browser.
    client = new StreamPayClient({ apiKey, baseUrl: config.streampayUrl, allowBrowser: true });
  } catch (err) {
    return showError(err);
  }

  async function load() {
    controller?.abort();
    const mine = (controller = new AbortController());
    $('m-table').setAttribute('aria-busy', 'true');
    try {
      const params = { page: query.page, limit: query.limit, sortDirection: 'desc' };
      // Absent, not undefined: this build refuses `statuses: undefined` (INVALID_ARGUMENT).
      if (query.status) params.statuses = [query.status];
      if (query.search) params.searchTerm = query.search;
      const { data, pagination } = await client.listPayments(params, { signal: mine.signal });
      $('m-error').hidden = true;
      renderRows(data);
      renderPager(pagination, data.length);
    } catch (err) {
      if (!isAbort(err, mine.signal)) showError(err);
    } finally {
      if (controller === mine) $('m-table').removeAttribute('aria-busy');
    }
  }

  function renderRows(payments) {
    const rows = payments.map((p) => {
      const tr = document.createElement('tr');
      tr.dataset.id = p.id;
      const id = Object.assign(document.createElement('abbr'), { title: p.id, textContent: `${p.id.slice(0, 8)}…` });
      const status = Object.assign(document.createElement('span'), {
        className: `pill status-${String(p.currentStatus).toLowerCase()}`, textContent: p.currentStatus,
      });
      tr.append(
        cell('th', id, { scope: 'row' }),
        cell('td', paymentAmountText(p), { className: 'num amount' }),
        cell('td', status),
        cell('td', p.paymentMethod ?? '—'),
        cell('td', shortDate(p.scheduledOn)),
        cell('td', shortDate(p.payedAt)),
      );
      return tr;
    });
    if (rows.length === 0) {
      const tr = document.createElement('tr');
      tr.append(cell('td', 'No payments match.', { colSpan: 6, className: 'empty' }));
      rows.push(tr);
    }
    $('m-rows').replaceChildren(...rows);
  }

  function renderPager(p, shown) {
    const first = shown ? (p.currentPage - 1) * query.limit + 1 : 0;
    const filters = [query.status && `status ${query.status}`, query.search && `search “${query.search}”`].filter(Boolean);
    $('m-summary').textContent = `Payments ${first}–${first + shown - (shown ? 1 : 0)} of ${p.totalCount}`
      + (filters.length ? ` (${filters.join(', ')})` : '');
    $('m-page').textContent = `Page ${p.currentPage} of ${Math.max(p.maxPage, 1)}`;
    $('m-prev').disabled = !p.hasPreviousPage;
    $('m-next').disabled = !p.hasNextPage;
  }

  function showError(err) {
    const { title, text, detail } = err.code === 'NO_KEY' ? { title: 'Not configured', text: err.message, detail: '' } : describeError(err, 'these payments');
    $('m-error-text').textContent = `${title}. ${text}`;
    $('m-error-detail').textContent = detail;
    $('m-error').hidden = false;
    $('m-summary').textContent = 'Payments could not be loaded.';
    $('m-retry').hidden = !client;
  }

  function apply(resetPage = true) {
    query.status = $('m-status').value;
    query.search = $('m-search').value.trim();
    query.limit = Number($('m-limit').value);
    if (resetPage) query.page = 1;
    load();
  }

  let debounce;
  $('m-form').addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(debounce); apply(); });
  $('m-status').addEventListener('change', () => apply());
  $('m-limit').addEventListener('change', () => apply());
  $('m-search').addEventListener('input', () => { clearTimeout(debounce); debounce = setTimeout(apply, 350); });
  $('m-prev').addEventListener('click', () => { query.page = Math.max(1, query.page - 1); load(); });
  $('m-next').addEventListener('click', () => { query.page += 1; load(); });
  $('m-retry').addEventListener('click', () => load());
  load();
}

function cell(tag, content, props = {}) {
  const el = Object.assign(document.createElement(tag), props);
  if (props.scope) el.setAttribute('scope', props.scope);
  el.append(content);
  return el;
}

function shortDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
