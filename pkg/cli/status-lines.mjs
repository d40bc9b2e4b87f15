// watch's display: on a TTY one line per payment, rewritten in place with Node's readline cursor
// functions (no hand-written escape codes); elsewhere one plain line per change.
import { clearLine, cursorTo, moveCursor } from 'node:readline';

const STYLE = { completed: 'green', SUCCEEDED: 'green', SETTLED: 'green', pending: 'yellow', PENDING: 'yellow', PROCESSING: 'yellow' };

export function createStatusLines(out, ids) {
  const width = Math.max(...ids.map((id) => id.length));
  const text = (id, status) => `${id.padEnd(width)}  ${status}`;
  const colourOf = (status) => STYLE[status.split(' ')[0]] ?? (status === 'waiting' ? 'dim' : 'red');
  if (!out.isTTY) {
    return {
      update: (id, status) => out.line(text(id, status)),
      error: (id, err) => out.line(text(id, `error ${err?.code ?? ''}: ${err?.message ?? err}`)),
      done: (summary) => out.line(summaryText(summary)),
    };
  }
  const stream = out.stdout;
  const row = new Map(ids.map((id, i) => [id, i]));
  for (const id of ids) stream.write(out.mask(text(id, out.style('dim', 'waiting'))) + '\n');
  const rewrite = (id, shown) => {
    const up = ids.length - row.get(id);
    moveCursor(stream, 0, -up);
    cursorTo(stream, 0);
    clearLine(stream, 0);
    stream.write(out.mask(text(id, shown)));
    moveCursor(stream, 0, up);
    cursorTo(stream, 0);
  };
  return {
    update: (id, status) => rewrite(id, out.style(colourOf(status), status)),
    error: (id, err) => rewrite(id, out.style('red', `error ${err?.code ?? ''}: ${err?.message ?? err}`)),
    done: (summary) => out.line(summaryText(summary)),
  };
}

function summaryText({ why, total, completed, failed }) {
  const counts = `${completed} of ${total} completed` + (failed ? `, ${failed} failed` : '');
  return why ? `${why}: ${counts}` : counts;
}
