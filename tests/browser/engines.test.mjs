// The reader's core paths in each of the three browser engines, from one
// source through engines.mjs: Chromium, Firefox and WebKit (a reader on an
// iPhone uses WebKit). Reading, the app's takeover, in-app navigation,
// search (and a search page's first results before the app), right to left, typed text surviving the takeover, and offline
// reading once the site has a service worker. The other browser tests go
// deeper in Chromium alone.
//
// It serves a copy of dist/ taken when it starts, so a rebuild meanwhile
// does not change the site under a running test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, startHost } from './harness.mjs';
import { ENGINES, engineMissing, launch } from './engines.mjs';

const SITE = new URL('../../target/dist-engines/', import.meta.url).pathname;
const SEED = '/de/article/ecf15130d4b083e2';
/** The newsroom's long date of the seed's dateline (2025-11-04, UTC+8), as article.test.mjs reads it. */
const SEED_DATE = 'Dienstag, 04. November 2025';

/** The site's article document for `path` (`/de/article/<id>`): what the endpoint says the article is. */
async function articleDocument(path) {
  const [, edition, , id] = path.split('/');
  return JSON.parse(await readFile(join(SITE, 'api/v2', edition, 'articles', `${id}.json`), 'utf8')).article;
}

let host;
before(async () => {
  await rm(SITE, { recursive: true, force: true });
  await cp(DIST, SITE, { recursive: true });
  host = await startHost({ root: SITE });
});
after(async () => {
  await host?.close();
  await rm(SITE, { recursive: true, force: true });
});

/** Runs `use(page)` on a new page of `browser`, then fails on the page's uncaught errors, and closes it. */
async function withEnginePage(browser, use) {
  const page = await browser.newPage();
  try {
    await use(page);
    assert.deepEqual(await page.errors(), [], 'no uncaught errors');
  } finally {
    await page.close();
  }
}

/** Shows intent (a key press: Shift changes nothing), on which the page starts the app, and waits until it runs. */
async function startApp(page) {
  await page.press('Shift');
  await waitForApp(page);
}

/**
 * Waits until the app has taken the page over: boot.js sets `wasmBindings`
 * once it has mounted, and the app puts back what the reader did (focus,
 * typed text, caret) in its first animation frame, before anything is
 * painted. WebKit under Xvfb draws a frame every 20 to 60 ms, time enough
 * for a test to look in between.
 */
async function waitForApp(page) {
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { what: 'the app to take the page over' });
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(drawn)));
}

for (const engine of ENGINES) {
  describe(engine, { skip: engineMissing(engine) }, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
    });
    after(() => browser?.close());

    test('reading: the seed article shows its headline, dateline and paragraphs as the endpoint has them', () =>
      withEnginePage(browser, async (page) => {
        const article = await articleDocument(SEED);
        await page.goto(host.origin + SEED);
        assert.equal(await page.text('article h1'), article.headline);
        assert.equal(await page.attribute('.dateline time', 'datetime'), article.published.slice(0, 10));
        assert.equal(await page.text('.dateline time'), SEED_DATE);
        assert.deepEqual(await page.texts('.article-body p'), article.paragraphs);
        assert.equal(await page.evaluate(() => 'wasmBindings' in window), false, 'a reader who only reads never starts the app');
      }));

    test('takeover: at the first key press the app starts and draws the same page anew', () =>
      withEnginePage(browser, async (page) => {
        await page.goto(host.origin + SEED);
        const seen = () => page.evaluate(() => document.querySelector('main').innerText);
        const before = await seen();
        // Marks the prerendered heading, to tell it from the app's.
        await page.evaluate(() => (document.querySelector('article h1').dataset.prerendered = 'yes'));
        await startApp(page);
        await page.waitForFunction(() => document.querySelector('article h1:not([data-prerendered])') !== null, null, {
          what: "the app's own heading",
        });
        assert.equal(await seen(), before, 'the reader sees the same text');
      }));

    test('navigation: a click on the older article goes there within the app, without a page load', () =>
      withEnginePage(browser, async (page) => {
        await page.goto(host.origin + SEED);
        await startApp(page);
        const older = 'nav.neighbours a[rel="next"]';
        const href = await page.attribute(older, 'href');
        const { headline } = await articleDocument(href);
        await page.evaluate(() => (window.__sameDocument = true));
        await page.click(older);
        await page.waitForFunction(
          ([href, headline]) =>
            location.pathname === href && document.querySelector('article h1')?.textContent === headline,
          [href, headline],
          { what: `${href} showing ${headline}` },
        );
        assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the same document');
      }));

    test('search: a word typed on the search page lists the one article holding it', () =>
      withEnginePage(browser, async (page) => {
        // The search page needs the app and starts it at once.
        await page.goto(host.origin + '/de/search');
        await waitForApp(page);
        await page.focus('#search-field');
        await page.type('Zusammenarbeit');
        await page.waitForFunction(
          () => document.querySelector('p.search-status[role="status"]')?.textContent === '1 Treffer',
          null,
          { what: 'the status 1 Treffer' },
        );
        assert.deepEqual(
          await page.evaluate(() =>
            [...document.querySelectorAll('ol.search-results > li h2 a')].map((a) => a.getAttribute('href')),
          ),
          [SEED],
        );
      }));

    test('search: a page opened with a query draws its first hit before the app loads, which then shows it', () =>
      withEnginePage(browser, async (page) => {
        await page.goto(host.origin + '/de/search?q=Zusammenarbeit');
        await waitForApp(page);
        await page.waitForFunction(
          () => document.querySelector('p.search-status[role="status"]')?.textContent === '1 Treffer',
          null,
          { what: 'the status 1 Treffer' },
        );
        // Drawn before the app's wasm was asked for (search_index.js marks
        // when; the app has replaced them since: search.test.mjs compares the two).
        const order = await page.evaluate(() => ({
          drawn: performance.getEntriesByName('brnn:first-results')[0]?.startTime,
          wasm: performance.getEntriesByType('resource').find((entry) => /_bg\.wasm$/.test(entry.name))?.startTime,
        }));
        assert.ok(order.drawn !== undefined, 'the first results were drawn before the app');
        // Firefox coarsens both times to the millisecond: the same one is fine.
        assert.ok(order.drawn <= order.wasm, `drawn at ${order.drawn} ms, the wasm asked for at ${order.wasm} ms`);
        assert.deepEqual(
          await page.evaluate(() =>
            [...document.querySelectorAll('ol.search-results > li h2 a')].map((a) => a.getAttribute('href')),
          ),
          [SEED],
        );
      }));

    test('right to left: the Arabic front page is laid out from the right, its masthead on the right', () =>
      withEnginePage(browser, async (page) => {
        await page.goto(host.origin + '/ar/');
        const layout = await page.evaluate(() => {
          const bar = document.querySelector('.site-header .header-bar');
          const box = bar.getBoundingClientRect();
          return {
            dir: document.documentElement.getAttribute('dir'),
            direction: getComputedStyle(document.body).direction,
            barRight: box.right - parseFloat(getComputedStyle(bar).paddingRight),
            mastheadRight: document.querySelector('.site-header .masthead').getBoundingClientRect().right,
          };
        });
        assert.equal(layout.dir, 'rtl');
        assert.equal(layout.direction, 'rtl');
        assert.ok(Math.abs(layout.mastheadRight - layout.barRight) <= 1, `the masthead ends on the right: ${JSON.stringify(layout)}`);
      }));

    test(
      'typed text survives the takeover: what the reader typed while the app loaded stays, caret and all',
      () =>
        withEnginePage(browser, async (page) => {
          // A slow network: the page is there, the app is not.
          const release = host.holdWasm();
          try {
            await page.goto(host.origin + '/de/');
            const shown = await page.evaluate(() => document.querySelector('#search-field').getBoundingClientRect().width > 0);
            assert.ok(shown, "the header shows its search field at a tablet's width");
            // Focus on the field is intent: the app starts, and waits for its wasm.
            await page.focus('#search-field');
            await page.type('Zusammenarbeit');
            for (let presses = 0; presses < 6; presses += 1) await page.press('ArrowLeft');
            const typed = () =>
              page.evaluate(() => {
                const field = document.activeElement;
                return { id: field.id, value: field.value, caret: [field.selectionStart, field.selectionEnd] };
              });
            assert.deepEqual(await typed(), { id: 'search-field', value: 'Zusammenarbeit', caret: [8, 8] });
            assert.equal(await page.evaluate(() => 'wasmBindings' in window), false, 'the app is held back');
            release();
            await waitForApp(page);
            assert.deepEqual(await typed(), { id: 'search-field', value: 'Zusammenarbeit', caret: [8, 8] });
          } finally {
            release();
          }
        }),
    );

    const serviceWorker = existsSync(join(DIST, 'sw.js'));
    test(
      'offline: an article opened before reads again with the network gone',
      { skip: serviceWorker ? false : 'the site has no service worker yet (public/sw.js, issue 21 point 4)' },
      () =>
        withEnginePage(browser, async (page) => {
          const article = await articleDocument(SEED);
          await page.goto(host.origin + SEED);
          // The first page comes before the worker, which keeps it once it runs.
          await page.waitForFunction(
            async () => navigator.serviceWorker.controller !== null && (await caches.match(location.href)) !== undefined,
            null,
            { what: 'the service worker to keep the page' },
          );
          host.offline(true);
          try {
            await page.goto(host.origin + SEED);
            assert.equal(await page.text('article h1'), article.headline);
            assert.deepEqual(await page.texts('.article-body p'), article.paragraphs);
          } finally {
            host.offline(false);
          }
        }),
    );
  });
}
