// The size budget of the first view: the build may not outgrow
// size-budget.json. What the first view fetches is what the browser asks for.
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

test('the seed article\u2019s first view stays within the size budget', async () => {
  const files = await firstViewFiles(session.browser, session.host, SEED);
  const brotli = files.map(({ path, file }) => ({ path, bytes: sizes(readFileSync(file)).brotli }));
  const wasm = brotli.filter(({ path }) => path.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm file in the first view: ${brotli.map(({ path }) => path).join(', ')}`);
  const total = brotli.reduce((sum, { bytes }) => sum + bytes, 0);
  const problems = [
    overBudget('The wasm', wasm[0].bytes, budget.wasm_brotli_kib),
    overBudget(`The first view of ${SEED} (${brotli.length} files)`, total, budget.first_view_brotli_kib),
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
