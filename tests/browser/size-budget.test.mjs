// The size budget: the build may not outgrow size-budget.json. What a view
// fetches is what the browser asks for: without input, then once the reader
// shows intent and the app starts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sizes } from '../../bench/measure.mjs';
import { firstViewFiles, hostAndBrowser } from './harness.mjs';

const BUDGET_FILE = 'size-budget.json';
const budget = JSON.parse(readFileSync(new URL(`../../${BUDGET_FILE}`, import.meta.url), 'utf8'));
const SEED = '/de/article/ecf15130d4b083e2';
const session = hostAndBrowser();

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The sentence a build over budget fails with, or none. */
function overBudget(what, bytes, allowedKib) {
  return bytes > allowedKib * 1024
    ? `${what} is ${kib(bytes)} brotli, over the ${allowedKib} KiB that ${BUDGET_FILE} allows`
    : undefined;
}

test('a reader who only reads the seed article never loads the app, and both stay within the size budget', async () => {
  const { visit, app } = await firstViewFiles(session.browser, session.host, SEED);
  const brotli = (files) => files.map(({ path, file }) => ({ path, bytes: sizes(readFileSync(file)).brotli }));
  const sum = (files) => files.reduce((total, { bytes }) => total + bytes, 0);
  const [read, started] = [brotli(visit), brotli(app)];
  const expected = [SEED, '/boot.js', '/speculation-rules.json'];
  const others = read.filter(({ path }) => !expected.includes(path) && !path.endsWith('.css'));
  assert.deepEqual(others, [], 'a reader who only reads fetches the page, its CSS, boot.js and the speculation rules, no app');
  const wasm = started.filter(({ path }) => path.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm file once the reader shows intent: ${started.map(({ path }) => path).join(', ')}`);
  const problems = [
    overBudget(`A visit of ${SEED} without input (${read.length} files)`, sum(read), budget.one_visit_brotli_kib),
    overBudget('The wasm', wasm[0].bytes, budget.wasm_brotli_kib),
    overBudget(`The visit with the app (${read.length + started.length} files)`, sum(read) + sum(started), budget.with_app_brotli_kib),
  ].filter(Boolean);
  assert.deepEqual(problems, []);
});

test('a build over budget is told in one sentence', () => {
  assert.equal(
    overBudget('The wasm', 70 * 1024, 65),
    `The wasm is 70.0 KiB brotli, over the 65 KiB that ${BUDGET_FILE} allows`,
  );
  assert.equal(overBudget('The wasm', 65 * 1024, 65), undefined);
});
