// Every address is a real page: readable without JavaScript, with its head
// and structured data, and taken over by the app without a visible change.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appStarted, editResponse, holdWasm, hostAndBrowser, readSeed, withPage, DIST } from './harness.mjs';

const SEED = '/de/article/ecf15130d4b083e2';
const SEED_DOCUMENT = 'de/articles/ecf15130d4b083e2.json';
const SEED_JSON = `/api/v2/${SEED_DOCUMENT}`;
const EDITION_JSON = '/api/v2/de/edition.json';
/** Without JavaScript: what a crawler, or a reader who turned it off, gets. */
const plain = hostAndBrowser({ javaScript: false });
const session = hostAndBrowser();
let seed;

before(async () => {
  seed = await readSeed();
});

/**
 * The ids of a list's pages in the built endpoint, newest page first:
 * `newest` (front.json's `latest`, or the list's `pages/newest.json`), page
 * N, then its older pages in `folder`, numbered from the oldest: N-1 down to 1.
 */
async function endpointIds(folder, newest) {
  const dir = join(DIST, 'api/v2', folder);
  const numbers = (await readdir(dir))
    .filter((name) => name !== 'newest.json')
    .map((name) => Number(name.replace(/\.json$/, '')))
    .sort((a, b) => b - a);
  assert.deepEqual(numbers, numbers.map((_, index) => numbers.length - index), `${folder}: pages n-1 down to 1`);
  assert.equal(newest.page, numbers.length + 1, `${folder}: the newest page is page n`);
  const pages = [newest.articles];
  for (const number of numbers) {
    const older = JSON.parse(await readFile(join(dir, `${number}.json`), 'utf8'));
    // Only the newest page says how long the list is; an older one names the next newer, unless that is the newest.
    assert.deepEqual(
      [older.page, older.newer, older.total],
      [number, number + 1 === newest.page ? undefined : number + 1, undefined],
      `${folder}/${number}.json`,
    );
    pages.push(older.articles);
  }
  return pages.map((articles) => articles.map((article) => article.id));
}

/** The endpoint document `path` (below api/v2/) as built. */
const endpointDocument = async (path) => JSON.parse(await readFile(join(DIST, 'api/v2', path), 'utf8'));

/** The ids a list page lists, each entry checked to link to its article's address; on the front page, its latest block's (the list's newest page). */
async function listedIds(page) {
  const latest = (await page.locator('.front-latest').count()) > 0;
  const paths = await page
    .locator(latest ? '.front-latest h3 a' : 'ol.article-list h2 a')
    .evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  for (const path of paths) assert.match(path, /^\/de\/article\/[^/]+$/);
  return paths.map((path) => path.split('/').pop());
}

/**
 * Opens `path` without JavaScript and follows the pager's older-articles link
 * by clicking, an ordinary page load each time; returns the ids of every page.
 */
async function walkWithoutJavaScript(page, path) {
  const response = await page.goto(plain.host.origin + path);
  assert.equal(response.status(), 200, path);
  const pages = [await listedIds(page)];
  for (;;) {
    const older = page.locator('nav.pager a[rel="next"], .front-latest a[rel="next"]');
    if ((await older.count()) === 0) return pages;
    const href = await older.getAttribute('href');
    const [loaded] = await Promise.all([page.waitForResponse(plain.host.origin + href), older.click()]);
    assert.equal(loaded.status(), 200, href);
    await page.waitForURL(plain.host.origin + href);
    pages.push(await listedIds(page));
  }
}

/** Every path `page` requests, from now on. */
function recordRequests(page) {
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/** `html` with the text of the data block carrying `document` replaced by `text` (unchanged if it carries none). */
function replaceCarried(html, document, text) {
  const attribute = `data-brnn-document="${document.replaceAll('.', '\\.')}"`;
  const block = new RegExp(`(<script type="application/json" ${attribute}>)[\\s\\S]*?(</script>)`);
  return html.replace(block, (_, open, close) => open + text + close);
}

test('without JavaScript the seed article reads word for word', () =>
  withPage(plain.browser, async (page) => {
    const response = await page.goto(plain.host.origin + SEED);
    assert.equal(response.status(), 200);
    assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app never ran');
    const nav = page.locator('nav.breadcrumb');
    assert.deepEqual((await nav.locator('ol > li').allTextContents()).map((t) => t.trim()), seed.crumbs);
    assert.deepEqual(seed.crumbs, ['BRNN', '„Belt and Road“-Nachrichtennetzwerk', 'BRI-Nachrichten', 'Aktuelles']);
    assert.deepEqual(
      await nav.locator('ol > li a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname)),
      ['/', '/de/', '/de/section/bri-nachrichten/'],
    );
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('article h1').textContent(), seed.headline);
    const time = page.locator('.dateline time');
    assert.equal(await time.textContent(), 'Dienstag, 04. November 2025');
    assert.equal(await time.getAttribute('datetime'), '2025-11-04');
    assert.deepEqual(await page.locator('.article-body p').allTextContents(), seed.paragraphs);
  }));

test('without JavaScript the front page lists the endpoint\u2019s pages and its pager walks them all', async () => {
  const front = await endpointDocument('de/front.json');
  const expected = await endpointIds('de/pages', { page: front.page, articles: front.latest });
  assert.ok(expected.length > 1, 'more than one page to walk');
  await withPage(plain.browser, async (page) => {
    await page.goto(plain.host.origin + '/de/');
    assert.deepEqual(await listedIds(page), expected[0]);
    // Pages are numbered from the oldest: the newest, page n, is /de/ itself.
    assert.equal(await page.locator('.front-latest a[rel="next"]').getAttribute('href'), `/de/pages/${front.page - 1}`);
    assert.deepEqual(await walkWithoutJavaScript(page, '/de/'), expected);
  });
});

test('without JavaScript a section page lists the endpoint\u2019s pages and its pager walks them all', async () => {
  const newest = await endpointDocument('de/sections/bri-nachrichten/pages/newest.json');
  const expected = await endpointIds('de/sections/bri-nachrichten/pages', newest);
  assert.ok(expected.length > 1, 'more than one page to walk');
  await withPage(plain.browser, async (page) => {
    await page.goto(plain.host.origin + '/de/section/bri-nachrichten/');
    assert.equal(await page.locator('h1').textContent(), 'BRI-Nachrichten');
    assert.deepEqual(await listedIds(page), expected[0]);
    assert.equal(
      await page.locator('nav.pager a[rel="next"]').getAttribute('href'),
      `/de/section/bri-nachrichten/pages/${newest.page - 1}`,
    );
    assert.deepEqual(await walkWithoutJavaScript(page, '/de/section/bri-nachrichten/'), expected);
  });
});

test('without JavaScript an unknown article is a 404 page with a way home', () =>
  withPage(plain.browser, async (page) => {
    const response = await page.goto(plain.host.origin + '/de/article/gibt-es-nicht');
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('h1').textContent(), 'Seite nicht gefunden');
    const home = page.getByRole('link', { name: 'Zur Startseite' });
    assert.equal(await home.getAttribute('href'), '/de/');
  }));

test('every address in the sitemaps answers 200', async () => {
  const locs = (xml) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
  // The site's address as content/network.toml names it: every <loc> starts with it.
  const network = await readFile(new URL('../../content/network.toml', import.meta.url), 'utf8');
  const site = network.match(/^\[site\][^[]*^url = "([^"]+)"/m)[1];
  const index = locs(await readFile(join(DIST, 'sitemap.xml'), 'utf8'));
  const files = (await readdir(join(DIST, 'sitemaps'))).filter((name) => name.endsWith('.xml'));
  assert.deepEqual(
    index.map((loc) => loc.slice(site.length)).sort(),
    files.map((name) => `sitemaps/${name}`).sort(),
    'the index names every sitemap',
  );
  const addresses = [...index];
  for (const name of files) addresses.push(...locs(await readFile(join(DIST, 'sitemaps', name), 'utf8')));
  assert.ok(addresses.length > 30, `${addresses.length} addresses`);
  const failed = [];
  for (const address of addresses) {
    assert.ok(address.startsWith(site), address);
    const path = '/' + address.slice(site.length);
    // A redirect is not the page: a sitemap names each page's own address.
    const response = await fetch(plain.host.origin + path, { redirect: 'manual' });
    if (response.status !== 200) failed.push(`${path}: ${response.status}`);
  }
  assert.deepEqual(failed, []);
});

test('the seed page\u2019s head and structured data, then the app\u2019s head after a navigation', async () => {
  const html = await (await fetch(session.host.origin + SEED)).text();
  await withPage(session.browser, async (page, errors) => {
    // Read the raw document as parsed HTML, without running it.
    const raw = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'text/html');
      const all = (selector) => [...doc.querySelectorAll(selector)];
      return {
        titles: all('title').map((t) => t.textContent),
        descriptions: all('meta[name="description"]').length,
        canonicals: all('link[rel="canonical"]').map((l) => l.getAttribute('href')),
        ogUrls: all('meta[property="og:url"]').map((m) => m.getAttribute('content')),
        crumbs: all('nav.breadcrumb li').map((li) => li.textContent.trim()),
        data: all('script[type="application/ld+json"]').map((s) => s.textContent),
      };
    }, html);
    assert.equal(raw.titles.length, 1, 'one title');
    assert.equal(raw.titles[0], `${seed.headline} – ${seed.site}`);
    assert.equal(raw.descriptions, 1, 'one description');
    assert.equal(raw.canonicals.length, 1, 'one canonical link');
    assert.deepEqual(raw.ogUrls, raw.canonicals, 'og:url is the canonical address');
    assert.match(raw.canonicals[0], /^https:\/\//);
    assert.ok(raw.canonicals[0].endsWith(SEED), raw.canonicals[0]);
    const data = raw.data.map((text) => JSON.parse(text));
    const article = data.filter((d) => d['@type'] === 'NewsArticle');
    assert.equal(article.length, 1, 'one NewsArticle');
    assert.equal(article[0].headline, seed.headline);
    assert.equal(article[0].datePublished, '2025-11-04T00:00:00+08:00');
    const breadcrumbs = data.filter((d) => d['@type'] === 'BreadcrumbList');
    assert.equal(breadcrumbs.length, 1, 'one BreadcrumbList');
    assert.deepEqual(breadcrumbs[0].itemListElement.map((item) => item.name), raw.crumbs);
    assert.deepEqual(raw.crumbs, seed.crumbs);

    await page.goto(session.host.origin + SEED);
    await appStarted(page);
    await page.locator('nav.breadcrumb').getByRole('link', { name: 'BRI-Nachrichten' }).click();
    await page.locator('h1', { hasText: 'BRI-Nachrichten' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/de/section/bri-nachrichten/');
    const live = await page.evaluate(() => ({
      titles: document.head.querySelectorAll('title').length,
      allTitles: document.querySelectorAll('title').length,
      descriptions: document.querySelectorAll('meta[name="description"]').length,
      canonicals: [...document.querySelectorAll('link[rel="canonical"]')].map((l) => l.href),
      headCanonicals: document.head.querySelectorAll('link[rel="canonical"]').length,
      data: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    }));
    assert.equal(live.titles, 1, 'one title in the head');
    assert.equal(live.allTitles, 1, 'one title in the document');
    assert.equal(live.descriptions, 1, 'one description');
    assert.equal(live.headCanonicals, 1, 'the canonical link is in the head');
    assert.equal(live.canonicals.length, 1, 'one canonical link');
    assert.ok(live.canonicals[0].endsWith('/de/section/bri-nachrichten/'), live.canonicals[0]);
    // Structured data is for crawlers, which read each address's built page
    // (its own is checked above); the app writes none and leaves none behind.
    assert.deepEqual(live.data, [], 'no structured data of the article left behind');
    assert.deepEqual(errors, []);
    // The app's canonical address has the origin of the built pages' ([site] url), not the one serving them.
    const site = new URL(raw.canonicals[0]).origin;
    assert.equal(live.canonicals[0], `${site}/de/section/bri-nachrichten/`);
  });
});

test('the app\u2019s takeover changes nothing a reader sees', () =>
  withPage(session.browser, async (page, errors) => {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdWasm(page);
    const requests = recordRequests(page);
    // The held wasm is preloaded, which holds back the load event: wait for the page's own markup.
    await page.goto(session.host.origin + SEED, { waitUntil: 'commit' });
    await page.locator('article h1').waitFor();
    assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app has not started');
    // A keyboard reader on the link to the older article, without scrolling to it.
    await page.evaluate(() => document.querySelector('nav.neighbours a').focus({ preventScroll: true }));
    await page.evaluate(() => window.scrollTo(0, 400));
    assert.equal(await page.evaluate(() => window.scrollY), 400, 'the article is long enough to scroll');
    const look = () =>
      page.evaluate(() => {
        const box = (selector) => {
          const element = document.querySelector(selector);
          if (!element) return null;
          const { x, y, width, height } = element.getBoundingClientRect();
          return { x, y: y + window.scrollY, width, height };
        };
        const active = document.activeElement;
        return {
          text: document.body.innerText,
          scrollY: window.scrollY,
          focus: active === document.body ? 'BODY' : `${active.tagName} ${active.getAttribute('href')}`,
          boxes: Object.fromEntries(
            ['h1', '.breadcrumb', '.dateline', '.article-body p:first-child', '.site-header'].map((s) => [s, box(s)]),
          ),
        };
      });
    const before = await look();
    assert.equal(before.focus, 'A /de/article/beispiel-hafen-piraeus');
    for (const [selector, box] of Object.entries(before.boxes)) assert.ok(box, `${selector} is on the page`);
    // Marks the prerendered heading, to tell it from the app's.
    await page.evaluate(() => (document.querySelector('h1').dataset.prerendered = 'yes'));
    release();
    await appStarted(page);
    await page.waitForLoadState('networkidle');
    // Two frames, for a layout shift to be reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('h1[data-prerendered]').count(), 0, 'the app drew the page anew');
    const after = await look();
    assert.equal(after.text, before.text);
    for (const [selector, box] of Object.entries(before.boxes)) {
      const now = after.boxes[selector];
      assert.ok(now, `${selector} is still on the page`);
      for (const side of ['x', 'y', 'width', 'height']) {
        assert.ok(Math.abs(now[side] - box[side]) <= 0.5, `${selector} ${side}: ${box[side]} then ${now[side]}`);
      }
    }
    assert.equal(await page.evaluate(() => window.__shift), 0, 'no layout shift');
    assert.ok(requests.some((path) => path.endsWith('.wasm')), 'the wasm was loaded');
    assert.deepEqual(
      requests.filter((path) => path === EDITION_JSON || path === SEED_JSON),
      [],
      'the documents the page carries are not fetched',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(
      { scrollY: after.scrollY, focus: after.focus },
      { scrollY: 400, focus: before.focus },
      'the reader stays where they were, on the same link',
    );
  }));

for (const [what, text] of [
  ['of an unknown format', '{"format": 99}'],
  ['that is broken JSON', '{"format": 2, "article": {'],
]) {
  test(`a carried article document ${what} is fetched instead`, () =>
    withPage(session.browser, async (page, errors) => {
      let edited = false;
      await editResponse(page, SEED, (html) => {
        const changed = replaceCarried(html, SEED_DOCUMENT, text);
        edited = changed.includes(text) && changed !== html;
        return changed;
      });
      const release = await holdWasm(page);
      const requests = recordRequests(page);
      await page.goto(session.host.origin + SEED, { waitUntil: 'commit' });
      await page.locator('article h1').waitFor();
      assert.ok(edited, 'the page was served with the edited document');
      const carried = page.locator(`script[data-brnn-document="${SEED_DOCUMENT}"]`);
      assert.equal(await carried.textContent(), text, 'the page carries the edited document');
      assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app has not started');
      assert.equal(await page.locator('article h1').textContent(), seed.headline, 'prerendered');
      release();
      await appStarted(page);
      await page.locator('article h1', { hasText: seed.headline }).waitFor();
      assert.ok(requests.includes(SEED_JSON), 'the app fetched the article document');
      assert.deepEqual(await page.locator('.article-body p').allTextContents(), seed.paragraphs);
      assert.equal(await page.locator('[role="alert"]').count(), 0);
      assert.deepEqual(errors, []);
    }));
}
