// Turning a fault into what the client sees on the wire. `run()` computes the real response, for
// the faults that damage a real body (truncated, wrongTypes, stall) or only delay it.
import { errorFor, send, serialize } from './http.mjs';

const HTML_PAGE = (status, title) =>
  `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center></body></html>\n`;
const HTML_TITLES = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** Waits `ms` unless the client goes away first; resolves true when the response is still wanted. */
function wait(ms, res, timers) {
  return new Promise((resolve) => {
    const done = (ok) => {
      clearTimeout(timer);
      timers.delete(timer);
      res.off('close', onClose);
      resolve(ok);
    };
    const onClose = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    timers.add(timer);
    res.on('close', onClose);
  });
}

/** Amount as an object, or a status as a number: JSON that parses but has the wrong types. */
export function breakTypes(body, patch) {
  const root = body && typeof body === 'object' ? body : { value: body };
  const target = Array.isArray(root.data) && root.data.length ? root.data[0] : root;
  if (patch) Object.assign(target, patch);
  else if ('amount' in target) target.amount = { value: target.amount, unit: 'mock' };
  else if ('current_status' in target) target.current_status = 42;
  else if ('status' in target) target.status = 42;
  else target.payment_id = 42;
  return root;
}

function resetSocket(req) {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** Sends a response for `fault`. ctx: { req, res, api, run, timers, maxStallMs }. */
export async function applyFault(fault, { req, res, api, run, timers, maxStallMs = 30_000 }) {
  if (fault.delayMs && !(await wait(fault.delayMs, res, timers))) return;
  const headers = fault.headers;
  switch (fault.kind) {
    case 'delay':
      return send(res, await run());
    case 'reset':
      return resetSocket(req);
    case 'status': {
      const base = fault.body !== undefined ? { status: fault.status, body: fault.body } : errorFor(api, fault.status);
      return send(res, { ...base, status: fault.status, headers });
    }
    case 'rateLimit': {
      let retryAfter = fault.retryAfter;
      if (fault.retryAfterDate != null) retryAfter = new Date(Date.now() + fault.retryAfterDate * 1000).toUTCString();
      const h = { ...headers };
      if (retryAfter != null) h['retry-after'] = String(retryAfter);
      const base = fault.body !== undefined ? { body: fault.body } : errorFor(api, 429);
      return send(res, { ...base, status: 429, headers: h });
    }
    case 'html': {
      const status = fault.status ?? 502;
      return send(res, { status, text: fault.body ?? HTML_PAGE(status, HTML_TITLES[status] ?? 'Error'), contentType: 'text/html; charset=utf-8', headers });
    }
    case 'empty':
      return send(res, { status: fault.status ?? 200, text: '', contentType: 'application/json', headers });
    case 'truncated': {
      const { status, text } = serialize(await run());
      const cut = Math.min(fault.bytes ?? Math.floor(text.length / 2), Math.max(0, text.length - 1));
      return send(res, { status: fault.status ?? status, text: text.slice(0, cut), contentType: 'application/json', headers });
    }
    case 'patch':
    case 'wrongTypes': {
      const result = await run();
      const { text } = serialize(result);
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = { value: text };
      }
      return send(res, { status: fault.status ?? result.status ?? 200, body: breakTypes(body, fault.patch), headers });
    }
    case 'stall':
      return stall(fault, { req, res, run, timers, maxStallMs });
    default:
      throw new Error(`unhandled fault ${fault.kind}`);
  }
}

/** Headers and part of the body, then nothing until the client aborts or stallMs passes (then a reset). */
async function stall(fault, { req, res, run, timers, maxStallMs }) {
  const { status, text, contentType } = serialize(await run());
  if (res.destroyed) return;
  const buf = Buffer.from(text);
  const part = Math.min(fault.bytes ?? Math.floor(buf.length / 2), Math.max(0, buf.length - 1));
  res.writeHead(status, { 'content-type': contentType ?? 'application/json', 'content-length': buf.length, ...fault.headers });
  res.write(buf.subarray(0, part));
  if (await wait(fault.stallMs ?? maxStallMs, res, timers)) resetSocket(req);
}
