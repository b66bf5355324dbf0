// Prefetch on intent. Outside the app: every page names speculation rules
// in a Speculation-Rules header (our policy refuses them inline), by which
// the browser prefetches an article whose link the pointer rests on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostAndBrowser, withPage } from './harness.mjs';

const session = hostAndBrowser();

test('every page names the speculation rules, which prefetch article links with moderate eagerness', async () => {
  for (const path of ['/', '/de/', '/de/article/ecf15130d4b083e2', '/de/gibt-es-nicht']) {
    const response = await fetch(session.host.origin + path);
    assert.equal(response.headers.get('speculation-rules'), '"/speculation-rules.json"', path);
  }
  const response = await fetch(`${session.host.origin}/speculation-rules.json`);
  assert.equal(response.headers.get('content-type'), 'application/speculationrules+json');
  const rules = await response.json();
  assert.deepEqual(rules.prefetch, [
    { source: 'document', where: { href_matches: '/*/article/*' }, eagerness: 'moderate' },
  ]);
});

test('a pointer resting on an article link prefetches its page before any click', () =>
  withPage(session.browser, async (page) => {
    await page.goto(`${session.host.origin}/de/`);
    const link = page.locator('.front-latest a[href*="/article/"]').nth(3);
    const href = await link.getAttribute('href');
    const before = session.host.requests.length;
    await link.hover();
    const fetched = async () => session.host.requests.slice(before).includes(href);
    for (let waited = 0; waited < 3000 && !(await fetched()); waited += 100) await page.waitForTimeout(100);
    assert.ok(await fetched(), `${href} prefetched: ${session.host.requests.slice(before).join(' ')}`);
    assert.equal(new URL(page.url()).pathname, '/de/', 'no click, no navigation');
  }));
