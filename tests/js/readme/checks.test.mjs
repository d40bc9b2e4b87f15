// The README block machinery itself: a wrong value in a README comment must fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addChecks, checkComments, extractBlocks, page, program, shellCheckComments, shellProgram } from './blocks.mjs';
import { execFileSync } from 'node:child_process';

const run = (code) => new Function(`${code}`)();

test('a check line passes when the README is right and fails when it is wrong', () => {
  const right = program({ code: "const f = (s) => s + '!';\nf('a'); // 'a!'", line: 10 });
  assert.equal(right.checks, 1);
  run(right.code);
  const wrong = program({ code: "const f = (s) => s + '!';\nf('a'); // 'b!' (a typo)", line: 10 });
  assert.throws(() => run(wrong.code), /README line 11: got "a!", the README says "b!"/);
});

test('declarations, numbers, bigints, undefined and free text after the value', () => {
  const { code, checks } = addChecks([
    "const n = 24; // 24",
    "let big = 10n ** 3n; // 1000n",
    "const typed: number = 2; // 2",
    "[1, 2].length; // 2 items",
    "({}).missing; // undefined",
  ].join('\n'), 1);
  assert.equal(checks, 5);
  assert.match(code, /const n = 24; __readmeCheck\(n, 24, 1\);/);
  assert.match(code, /__readmeCheck\(big, 1000n, 2\)/);
  assert.match(code, /const typed: number = 2; __readmeCheck\(typed, 2, 3\)/);
  assert.match(code, /__readmeCheck\(\(\{\}\)\.missing, undefined, 5\)/);
});

test('lines that are not checks are left alone', () => {
  const lines = [
    "foo(; // 'x'",                 // unbalanced: part of a longer statement
    "return x; // 'x'",             // a keyword
    "console.log(a); // prints a",  // not a literal
    "  + tail(); // '1'",           // starts with an operator
    "const a = 'x'; // a comment",
  ];
  const { code, checks } = addChecks(lines.join('\n'), 1);
  assert.equal(checks, 0);
  assert.equal(code, lines.join('\n'));
});

test('a wrapped continuation line keeps its value', () => {
  const { code } = program({ code: "const out = {};\nout.text =\n  'a' + 'b'; // 'ab'\nif (out.text !== 'ab') throw new Error('changed');", line: 1 });
  run(code);
});

test('blocks are found by their test: marker, with the README line of their code', () => {
  const md = ['# t', '```js test:node-esm', "x; // 1", '```', '```js', 'not a test', '```', '```html test:browser', '<p>', '```'].join('\n');
  assert.deepEqual(extractBlocks(md).map((b) => [b.kind, b.lang, b.line]), [['node-esm', 'js', 3], ['browser', 'html', 9]]);
  assert.throws(() => extractBlocks('```js test:nope\n```'), /unknown test kind nope/);
});

test('module scripts in a page get the checks and a done mark', () => {
  const { html, checks, scripts } = page('<p>\n<script type="module">\nconst a = 1; // 1\n</script>', 20);
  assert.equal(checks, 1);
  assert.equal(scripts, 1);
  assert.match(html, /__readmeCheck\(a, 1, 22\)/);
  assert.match(html, /readmeDone/);
});

test('shell blocks: a `# => text` line checks the command output exactly; comments are left alone', () => {
  const bash = (code) => execFileSync('bash', ['-c', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const right = shellProgram({ code: "# echo no  # => yes\necho \"it's\" fine   # => it's fine\nprintf 'a\\nb\\n' | wc -l   # => 2", line: 5 });
  assert.equal(right.checks, 2);
  bash(right.code);
  const wrong = shellProgram({ code: 'echo 0.16638   # => 0.16639', line: 5 });
  assert.throws(() => bash(wrong.code), (err) => /README line 5: got 0\.16638, the README says 0\.16639/.test(err.stderr));
  const failing = shellProgram({ code: 'false\necho never', line: 1 });
  assert.throws(() => bash(failing.code), 'a failing command fails the block (set -e)');
});

test('checkComments counts every line with a `// value` comment, parsed as a check or not', () => {
  const lines = [
    "f('a'); // 'a'",                // a check
    "const n = 24; // 24",           // a check
    "foo(; // 'x'",                  // a value comment the parser cannot check: still counted
    "console.log(a); // prints a",   // not a value
    "const a = 'x'; // a comment",   // not a value
    "// 'a lone comment'",           // no statement before it
  ];
  assert.equal(checkComments(lines.join('\n')), 3);
  assert.equal(addChecks(lines.join('\n'), 1).checks, 2, 'so a test comparing the two catches the skipped line');
});

test('shellCheckComments counts every command line with a `# =>` comment, parsed as a check or not', () => {
  const lines = [
    'echo a   # => a',     // a check
    'echo b  #=> b',       // meant as one, not in the form shellProgram reads: still counted
    'echo c # =>c',        // the same
    '# echo d  # => d',    // a commented-out line: neither
    'echo e  # prints e',  // not a check
  ];
  assert.equal(shellCheckComments(lines.join('\n')), 3);
  assert.equal(shellProgram({ code: lines.join('\n'), line: 1 }).checks, 1, 'so a test comparing the two catches the skipped lines');
});
