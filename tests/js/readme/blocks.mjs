// README code blocks that run as tests. A fenced block whose info string holds `test:KIND`
// (```js test:node-esm, ```js test:node-cjs, ```ts test:ts, ```html test:browser,
// ```js test:vite / ```html test:vite, ```sh test:shell) is extracted and run by readme.test.mjs.
//
// Inside a block, a line `expression; // 'value'` (or `const x = expression; // 'value'`) is a
// check: the expression must equal the value in the comment, so a README that shows a wrong
// result fails the test. The value is a JS literal (a quoted string, a number, a bigint,
// true/false/null/undefined); text after it is free. Other comments are left alone.

//
// In a shell block (bash, `set -euo pipefail`), a line `command  # => text` is a check: the
// command's stdout, without its final newline, must be exactly `text`.

// `element` blocks (a page with <stream-checkout>) need the mock: tests/js/browser/element-readme.test.mjs runs them.
export const KINDS = ['node-esm', 'node-cjs', 'ts', 'browser', 'vite', 'shell', 'element'];

/** [{ kind, lang, code, line }] in README order; `line` is the 1-based line of the first code line. */
export function extractBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*(\S*)(.*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === open[1]);
    if (end < 0) throw new Error(`README line ${i + 1}: code block is never closed`);
    const marker = /(?:^|\s)test:(\S+)/.exec(open[3]);
    if (marker) {
      if (!KINDS.includes(marker[1])) throw new Error(`README line ${i + 1}: unknown test kind ${marker[1]} (known: ${KINDS.join(', ')})`);
      blocks.push({ kind: marker[1], lang: open[2], code: lines.slice(i + 1, end).join('\n'), line: i + 2 });
    }
    i = end;
  }
  return blocks;
}

const LITERAL = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?n?|undefined|null|true|false`;
const CHECK_LINE = new RegExp(String.raw`^(\s*)(.*?);\s*\/\/\s*(?:=>\s*)?(${LITERAL})(?=\s|$)`);
const DECLARATION = /^(const|let|var)\s+([A-Za-z_$][\w$]*)(\s*:[^=]+)?\s*=\s*([\s\S]+)$/;
const STATEMENT_START = /^(await\s|[A-Za-z_$'"`([])/;
const KEYWORDS = /^(return|throw|if|else|for|while|do|switch|case|import|export|function|class|new\s+Promise|try|catch|finally|break|continue|yield)\b/;

export const CHECK_FUNCTION = 'function __readmeCheck(actual, expected, line) { if (actual !== expected && !(actual !== actual && expected !== expected)) { const show = (v) => typeof v === "bigint" ? v + "n" : typeof v === "string" ? JSON.stringify(v) : String(v); throw new Error("README line " + line + ": got " + show(actual) + ", the README says " + show(expected)); } return actual; }';

const CHECK_COMMENT = new RegExp(String.raw`;\s*\/\/\s*(?:=>\s*)?(?:${LITERAL})(?=\s|$)`);

/**
 * How many lines of `code` carry a check comment (`...; // <literal>`), whether or not
 * addChecks manages to turn them into checks: a README test compares the two, so a check line
 * the parser silently skips fails instead of passing unchecked.
 */
export function checkComments(code) {
  return code.split('\n').filter((line) => CHECK_COMMENT.test(line)).length;
}

/** Brackets and quotes balance on this code (a line that continues elsewhere is not a check). */
function balanced(code) {
  let depth = 0;
  let quote = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}

/**
 * The block's code with every check line turned into a call of __readmeCheck (which returns the
 * value, so a wrapped expression keeps its meaning). -> { code, checks }; `firstLine` is the
 * README line of the block's first line, for messages.
 */
export function addChecks(code, firstLine) {
  let checks = 0;
  const out = code.split('\n').map((text, i) => {
    const m = CHECK_LINE.exec(text);
    if (!m) return text;
    const [, indent, statement, literal] = m;
    const where = firstLine + i;
    const decl = DECLARATION.exec(statement);
    if (decl) {
      if (!balanced(decl[4])) return text;
      checks++;
      return `${indent}${statement}; __readmeCheck(${decl[2]}, ${literal}, ${where});`;
    }
    if (!STATEMENT_START.test(statement) || KEYWORDS.test(statement) || !balanced(statement)) return text;
    checks++;
    return `${indent}__readmeCheck(${statement}, ${literal}, ${where});`;
  });
  return { code: out.join('\n'), checks };
}

/** A JS program: the check function, then the block (one prelude line, so line numbers stay close). */
export function program(block) {
  const { code, checks } = addChecks(block.code, block.line);
  return { code: `${CHECK_FUNCTION}\n${code}\n`, checks };
}

/** An HTML page whose module scripts get the checks, and which marks <html data-readme-done> when they ran. */
export function page(html, firstLine) {
  let checks = 0;
  const lineOf = (index) => firstLine + html.slice(0, index).split('\n').length - 1;
  const rewritten = html.replace(/(<script type="module">)([\s\S]*?)(<\/script>)/g, (all, open, body, close, index) => {
    const result = addChecks(body, lineOf(index + open.length));
    checks += result.checks;
    return `${open}${CHECK_FUNCTION}${result.code}\ndocument.documentElement.dataset.readmeDone = String(Number(document.documentElement.dataset.readmeDone ?? 0) + 1);\n${close}`;
  });
  const scripts = (html.match(/<script type="module">/g) ?? []).length;
  return { html: rewritten, checks, scripts };
}

const SHELL_CHECK = /^(?!\s*#)(.*?)\s+# => (.*)$/;

/**
 * How many command lines of a shell block carry a `# =>` comment in any spacing, whether or not
 * shellProgram turns them into checks: a README test compares the two.
 */
export function shellCheckComments(code) {
  return code.split('\n').filter((line) => /^(?!\s*#).*#\s*=>/.test(line)).length;
}

const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A bash script: the block under `set -euo pipefail`, each `command  # => text` line checked. */
export function shellProgram(block) {
  let checks = 0;
  const lines = block.code.split('\n').map((text, i) => {
    const m = SHELL_CHECK.exec(text);
    if (!m) return text;
    checks++;
    const [, command, expected] = m;
    const where = block.line + i;
    return `__got=$(${command}); [ "$__got" = ${shellQuote(expected)} ] || { printf 'README line %s: got %s, the README says %s\\n' ${where} "$__got" ${shellQuote(expected)} >&2; exit 1; }`;
  });
  return { code: `set -euo pipefail\n${lines.join('\n')}\n`, checks };
}
