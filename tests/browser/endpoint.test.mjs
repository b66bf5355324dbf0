// The endpoint is run-time configuration: one build reads a remote endpoint
// named in index.html, with no rebuild.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startHost, launchBrowser, withPage, injectFault, policyViolations, DIST } from './harness.mjs';

const SEED_JSON = '/api/v2/de/articles/ecf15130d4b083e2.json';
let remote, site, unlisted, browser;

before(async () => {
  remote = await startHost({ cors: true });
  // The remote origin in connect-src (header and <meta>), as the README tells operators.
  site = await startHost({ endpoint: `${remote.origin}/api/v2/`, endpointOrigins: [remote.origin] });
  // The same without it.
  unlisted = await startHost({ endpoint: `${remote.origin}/api/v2/` });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await unlisted?.close();
  await remote?.close();
});

test('a remote endpoint named in index.html serves the articles', async () => {
  const document = JSON.parse(await readFile(DIST + SEED_JSON.slice(1), 'utf8'));
  document.article.headline = 'Vom entfernten Endpunkt';
  await withPage(browser, async (page) => {
    // The fault answers on any origin and never reaches a host, so the
    // request itself tells which origin the article was asked of.
    await injectFault(page, SEED_JSON, { status: 200, body: JSON.stringify(document) });
    const [seedRequest] = await Promise.all([
      page.waitForRequest((request) => new URL(request.url()).pathname === SEED_JSON),
      page.goto(site.origin + '/de/article/ecf15130d4b083e2'),
    ]);
    await page.locator('article h1', { hasText: 'Vom entfernten Endpunkt' }).waitFor();
    assert.equal(new URL(seedRequest.url()).origin, remote.origin, 'the article was asked of the remote endpoint');
    assert.ok(remote.requests.includes('/api/v2/de/edition.json'));
    assert.deepEqual(site.requests.filter((path) => path.startsWith('/api/')), [], 'nothing fetched from the site itself');
  });
});

test('an article only the remote endpoint has loads through 404.html and shows', async () => {
  const document = JSON.parse(await readFile(DIST + SEED_JSON.slice(1), 'utf8'));
  document.article.id = 'nur-entfernt';
  document.article.headline = 'Nur am entfernten Endpunkt';
  await withPage(browser, async (page, errors) => {
    await injectFault(page, '/api/v2/de/articles/nur-entfernt.json', { status: 200, body: JSON.stringify(document) });
    const response = await page.goto(site.origin + '/de/article/nur-entfernt');
    assert.equal(response.status(), 404, 'the build did not know it: the host answers with 404.html');
    await page.locator('article h1', { hasText: 'Nur am entfernten Endpunkt' }).waitFor();
    assert.deepEqual(errors, []);
  });
});

test('the policy refuses a remote endpoint that is not in its connect-src', async () => {
  await withPage(
    browser,
    async (page) => {
      const asked = remote.requests.length;
      await page.goto(unlisted.origin + '/de/article/ecf15130d4b083e2');
      await page.locator('[role="alert"]').waitFor();
      const violations = await policyViolations(page);
      assert.ok(violations.length > 0, 'a violation was reported');
      const refused = `connect-src ${remote.origin}/api/v2/`;
      for (const violation of violations) assert.ok(violation.startsWith(refused), violation);
      assert.deepEqual(remote.requests.slice(asked), [], 'nothing reached the remote endpoint');
    },
    { allowViolations: true },
  );
});
