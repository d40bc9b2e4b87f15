// Small non-API pages so generated links work offline: coin icons and the hosted payment page.
import { createRouter } from './router.mjs';

const COLORS = { strm: '#5b3df5', near: '#111111', usdc: '#2775ca', sol: '#14f195' };
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function icon(token) {
  const color = COLORS[token] ?? '#777777';
  const label = escapeHtml(token.slice(0, 1).toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="${color}"/><text x="16" y="21" font-family="sans-serif" font-size="14" text-anchor="middle" fill="#fff">${label}</text></svg>`;
}

export function createStaticRouter() {
  return createRouter()
    .add('GET', '/img/currencies/:file', ({ params }) => {
      const m = /^([a-z0-9]{1,16})\.svg$/.exec(params.file);
      if (!m) return { status: 404, text: 'not found' };
      return { status: 200, text: icon(m[1]), contentType: 'image/svg+xml', headers: { 'cache-control': 'max-age=3600' } };
    })
    .add('GET', '/pay/:id', ({ state, params }) => {
      const found = state.gatewayPayment(params.id);
      if (!found) return { status: 404, text: 'Unknown payment', contentType: 'text/plain; charset=utf-8' };
      const p = found.payment;
      const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mock payment page</title></head><body>
<h1>Mock hosted payment page</h1><p>Payment <code>${escapeHtml(p.payment_id)}</code>: ${escapeHtml(p.name ?? '')} (${escapeHtml(p.status)})</p>
<p>This page stands in for the gateway's hosted page; nothing can be paid here.</p></body></html>`;
      return { status: 200, text: html, contentType: 'text/html; charset=utf-8' };
    });
}
