// Searching the archive (issue 9): the header's search field and the
// edition's search page, `/{edition}/search?q=…`, answered by the edition's
// Pagefind index under the shipped Content-Security-Policy (its script, web
// worker and wasm included).
//
// In order: a search from the front page finds the seed (headline, date,
// section, marked excerpt), in any case and German spelling; results follow
// the field as the reader types; nothing found says so; the address holds
// the query (opened directly, reloaded, back and forward), and names the
// plain search page as its canonical address, indexable; the index's list
// of bundles is fetched once, ahead of the app; a page opened with a query
// draws its first results before the app, as the app does, and loads the
// app after them, but not over what the reader typed meanwhile; excerpts and
// headlines are text, with `<mark>` the only markup, even from a hostile
// index; keyboard only; more results; an index that fails to load; each
// edition searches its own articles in its language; without JavaScript the
// form leads to a page that says search needs it; with a remote endpoint
// there is no search field.
//
// Expected counts are taken from content/ (the articles whose source holds
// the word, whatever its case), so a change of content changes them too.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import {
  appStarted,
  DIST,
  focused,
  holdRequests,
  holdWasm,
  hostAndBrowser,
  injectFault,
  launchBrowser,
  openApp,
  readSeed,
  startHost,
  tabTo,
  withPage,
} from './harness.mjs';

const CONTENT = new URL('../../content/', import.meta.url);
const SEED = '/de/article/ecf15130d4b083e2';
const session = hostAndBrowser();
let seed;

before(async () => {
  seed = await readSeed();
});

// --- What content/ holds ----------------------------------------------------

/** The ids of `edition`'s articles whose source holds `word` (case-insensitive), sorted. */
async function articlesContaining(edition, word) {
  const folder = new URL(`${edition}/`, CONTENT);
  const ids = [];
  for (const name of (await readdir(folder)).filter((name) => name.endsWith('.txt'))) {
    const text = await readFile(new URL(name, folder), 'utf8');
    if (text.toLowerCase().includes(word.toLowerCase())) ids.push(name.replace(/\.txt$/, ''));
  }
  return ids.sort();
}

/** The edition's bundles, newest first, as the build named them. */
const bundlesOf = async (edition) => JSON.parse(await readFile(`${DIST}pagefind/${edition}/bundles.json`, 'utf8'));

// --- Reading the search page --------------------------------------------------

/** `/{edition}/search?q=…` as the app writes it. */
const searchPath = (edition, query) => `/${edition}/search?q=${encodeURIComponent(query)}`;

/** The address in view as path and query, the query decoded. */
const address = (page) => {
  const url = new URL(page.url());
  return decodeURIComponent(url.pathname + url.search);
};

/** Waits until the search page's status says `text`; fails with what it says instead. */
async function waitForStatus(page, text, timeout = 10_000) {
  const ok = await page
    .waitForFunction((text) => document.querySelector('p.search-status[role="status"]')?.textContent === text, text, {
      timeout,
    })
    .then(() => true)
    .catch(() => false);
  if (!ok) {
    const actual = await page.locator('p.search-status').allTextContents();
    assert.fail(`the search status says ${JSON.stringify(actual)}, not ${JSON.stringify(text)} (at ${page.url()})`);
  }
}

/** The results shown: link, headline, date and its datetime, section, excerpt text and its marked words. */
function results(page) {
  return page.locator('ol.search-results > li').evaluateAll((items) =>
    items.map((item) => {
      const entry = item.querySelector(':scope > article.entry');
      const link = entry?.querySelector('h2 a');
      const time = entry?.querySelector('time');
      const lead = entry?.querySelector('p.lead');
      return {
        href: link?.getAttribute('href') ?? null,
        headline: link?.textContent ?? null,
        date: time?.textContent ?? null,
        datetime: time?.getAttribute('datetime') ?? null,
        section: entry?.querySelector('.entry-section')?.textContent ?? null,
        excerpt: lead?.textContent ?? null,
        marks: [...(lead?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent),
      };
    }),
  );
}

/** The result links' paths. */
const resultLinks = async (page) => (await results(page)).map((result) => result.href);

/** Checks that every marked word of every result is `word`, whatever its case, and that the first result has one. */
function assertMarked(shown, word) {
  assert.ok(
    shown.length > 0 && shown[0].marks.length > 0,
    `the first excerpt marks ${word}: ${JSON.stringify(shown[0])}`,
  );
  for (const { href, marks } of shown) {
    for (const mark of marks) assert.equal(mark.toLowerCase(), word.toLowerCase(), `a marked word of ${href}`);
  }
}

/** The seed as the search for `Zusammenarbeit` should list it, but for the excerpt. */
const seedResult = () => ({
  href: SEED,
  headline: seed.headline,
  date: 'Dienstag, 04. November 2025',
  datetime: '2025-11-04',
  section: seed.crumbs.at(-1),
});

/** Checks that `shown` is the seed alone, its excerpt marking `word`. */
function assertSeedAlone(shown, word) {
  assert.equal(shown.length, 1, `one result: ${JSON.stringify(shown)}`);
  const [{ excerpt, marks, ...rest }] = shown;
  assert.deepEqual(rest, seedResult());
  assert.ok(seed.dateline.startsWith(rest.date), `the seed's date line ${seed.dateline}`);
  assert.equal(rest.section, 'Aktuelles');
  assertMarked(shown, word);
  assert.ok(excerpt.toLowerCase().includes(word.toLowerCase()), `the excerpt shows ${word}: ${excerpt}`);
}

// --- Finding -------------------------------------------------------------------

test('from the front page, Enter in the header field opens the search page within the app and finds the seed', () =>
  withPage(session.browser, async (page, errors) => {
    const expected = await articlesContaining('de', 'Zusammenarbeit');
    assert.deepEqual(expected, ['ecf15130d4b083e2'], 'only the seed holds the word');
    await openApp(page, session.host.origin + '/de/');
    await page.evaluate(() => (window.__sameDocument = true));
    const entries = await page.evaluate(() => history.length);
    const form = page.locator('form[role="search"]');
    assert.equal(await form.locator('label[for="search-field"]').textContent(), 'Suche');
    assert.equal(await form.locator('button[type="submit"]').textContent(), 'Suchen');
    await form.locator('input#search-field[type="search"][name="q"]').fill('Zusammenarbeit');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/de/search');
    assert.equal(address(page), '/de/search?q=Zusammenarbeit');
    await waitForStatus(page, `${expected.length} Treffer`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load: the app went there');
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'Enter adds a history entry');
    assert.equal(await page.locator('main h1').textContent(), 'Suche');
    assert.equal(await page.inputValue('#search-field'), 'Zusammenarbeit');
    assertSeedAlone(await results(page), 'Zusammenarbeit');
    assert.equal(await page.locator('button.more-results').count(), 0, 'no more results to ask for');
    assert.deepEqual(errors, []);
  }));

test('a query finds the seed whatever its case, by any of its words', () =>
  withPage(session.browser, async (page, errors) => {
    assert.deepEqual(await articlesContaining('de', 'Mischustin'), ['ecf15130d4b083e2']);
    for (const query of ['zusammenarbeit', 'ZUSAMMENARBEIT', 'Mischustin', 'mischustin']) {
      await openApp(page, session.host.origin + '/de/search');
      await waitForStatus(page, 'Geben Sie ein, wonach Sie suchen.');
      await page.fill('#search-field', query);
      await waitForStatus(page, '1 Treffer');
      assert.equal(address(page), `/de/search?q=${query}`);
      assertSeedAlone(await results(page), query);
    }
    assert.deepEqual(errors, []);
  }));

test('German spellings without umlaut or ß find the same article', () =>
  withPage(session.browser, async (page, errors) => {
    const searches = [
      ['zusätzlichen', 'beispiel-hafen-piraeus', ['zusaetzlichen', 'zusatzlichen', 'ZUSÄTZLICHEN']],
      ['Großen', 'ecf15130d4b083e2', ['grossen']],
    ];
    for (const [word, id, spellings] of searches) {
      assert.deepEqual(await articlesContaining('de', word), [id], `only ${id} holds ${word}`);
      for (const query of [word, ...spellings]) {
        await openApp(page, session.host.origin + searchPath('de', query));
        await waitForStatus(page, '1 Treffer');
        const shown = await results(page);
        assert.deepEqual(shown.map((result) => result.href), [`/de/article/${id}`], query);
        // The stem's other forms are marked too (Großen: groß).
        assert.ok(shown[0].marks.includes(word), `${query} marks ${word} as written: ${shown[0].marks}`);
      }
    }
    assert.deepEqual(errors, []);
  }));

test('results follow the field as the reader types, debounced, and the address is replaced, not added to', () =>
  withPage(session.browser, async (page, errors) => {
    assert.deepEqual(await articlesContaining('de', 'Solarpark'), ['beispiel-solarpark']);
    await openApp(page, session.host.origin + searchPath('de', 'Zusammenarbeit'));
    await waitForStatus(page, '1 Treffer');
    assert.deepEqual(await resultLinks(page), [SEED]);
    const entries = await page.evaluate(() => history.length);
    // Every result list shown from now on, as the links it holds.
    await page.evaluate(() => {
      window.__shown = [];
      const note = () => {
        const links = [...document.querySelectorAll('ol.search-results h2 a')].map((a) => a.getAttribute('href'));
        const last = window.__shown.at(-1);
        if (last === undefined || last.join(' ') !== links.join(' ')) window.__shown.push(links);
      };
      new MutationObserver(note).observe(document.querySelector('main'), {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    // The index's fragments (one per article) asked for while typing: a
    // search of each half-typed word would load those of its hits.
    const fragments = new Set();
    page.on('request', (request) => {
      if (/\/pagefind\/de\/[^/]+\/fragment\//.test(request.url())) fragments.add(new URL(request.url()).pathname);
    });
    await page.focus('#search-field');
    await page.keyboard.press('Control+A');
    // A quick typist: well within the pause the search waits for.
    await page.keyboard.type('Solarpark', { delay: 30 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-field', 'the field keeps the focus');
    assert.equal(address(page), '/de/search?q=Solarpark', 'the address follows the field');
    await page.waitForFunction(
      (seed) => document.querySelector('ol.search-results h2 a')?.getAttribute('href') !== seed,
      SEED,
    );
    await waitForStatus(page, '1 Treffer');
    const [result] = await results(page);
    assert.equal(result.href, '/de/article/beispiel-solarpark');
    assert.deepEqual(result.marks, ['Solarpark']);
    assert.equal(await page.evaluate(() => history.length), entries, 'typing adds no history entry');
    assert.equal(await page.inputValue('#search-field'), 'Solarpark');
    assert.equal(await page.title(), 'Suche: Solarpark – „Belt and Road“-Nachrichtennetzwerk');
    assert.deepEqual(
      await page.evaluate(() => window.__shown),
      [['/de/article/beispiel-solarpark']],
      'no results of a half-typed word showed on the way',
    );
    // The found article's, and at most one more of each other bundle: the
    // first hit of a bundle that lacks the word, which shows what Pagefind
    // took in its stead (no half-typed word's hits were loaded).
    const bundles = await bundlesOf('de');
    const ofBundles = [...fragments].map((path) => path.split('/')[3]);
    assert.ok(
      new Set(ofBundles).size === ofBundles.length && ofBundles.length <= bundles.length,
      `one fragment of a bundle at most: ${[...fragments].join(', ')}`,
    );
    assert.deepEqual(errors, []);
  }));

test('the field keeps what is typed, spaces and all, and the caret where the reader put it', () =>
  withPage(session.browser, async (page, errors) => {
    await openApp(page, session.host.origin + searchPath('de', ''));
    await page.focus('#search-field');
    await page.keyboard.type('Li Qiang', { delay: 30 });
    assert.equal(await page.inputValue('#search-field'), 'Li Qiang', 'the space between the words stays');
    await waitForStatus(page, '1 Treffer');
    assert.deepEqual(await resultLinks(page), [SEED]);
    assert.equal(address(page), '/de/search?q=Li+Qiang');
    // An edit in the middle: the caret stays where it was put.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' und', { delay: 30 });
    assert.equal(await page.inputValue('#search-field'), 'Li und Qiang');
    assert.deepEqual(await page.evaluate(() => document.activeElement.selectionStart), 6);
    assert.deepEqual(errors, []);
  }));

test('a word is found in its forms and as typed so far, never through a shorter word standing in for it', () =>
  withPage(session.browser, async (page, errors) => {
    // The index has a bundle for the newest day, the rest of its month and
    // the rest of its year; Pagefind answers a word a bundle lacks with
    // that bundle's longest word the searched one begins with (`zu`).
    const bundles = await bundlesOf('de');
    assert.ok(bundles.length >= 3, `${bundles}`);
    const searches = [
      // Held by one article of one bundle: the others have `zu`, `liege`, … but not the word.
      ['zusätzlichen', ['beispiel-hafen-piraeus']],
      ['Liegeplatz', await articlesContaining('de', 'Liegeplatz')],
      // Half typed: the words that begin with it.
      ['Mischus', await articlesContaining('de', 'Mischus')],
      // No article holds the compound, although one holds its first part.
      ['Liegeplatzgebühr', []],
    ];
    for (const [query, ids] of searches) {
      assert.ok(ids.length <= 1, `${query}: ${ids}`);
      await openApp(page, session.host.origin + searchPath('de', query));
      await waitForStatus(page, ids.length === 0 ? `Keine Treffer für „${query}“.` : '1 Treffer');
      assert.deepEqual((await results(page)).map((result) => result.href), ids.map((id) => `/de/article/${id}`), query);
    }
    assert.deepEqual(errors, []);
  }));

test('a query that finds nothing says so and lists nothing', () =>
  withPage(session.browser, async (page, errors) => {
    assert.deepEqual(await articlesContaining('de', 'xyzzyquux'), []);
    await openApp(page, session.host.origin + searchPath('de', 'xyzzyquux'));
    await waitForStatus(page, 'Keine Treffer für „xyzzyquux“.');
    assert.equal(await page.locator('.search-results li').count(), 0);
    assert.equal(await page.locator('button.more-results').count(), 0);
    assert.deepEqual(errors, []);
  }));

// --- The address --------------------------------------------------------------

test('the address holds the query: opened directly, reloaded, and through back and forward', () =>
  withPage(session.browser, async (page, errors) => {
    const path = searchPath('de', 'zusammenarbeit');
    const response = await page.goto(session.host.origin + path);
    assert.equal(response.status(), 200, 'the search page is a built page');
    assert.equal(await page.locator('main h1').textContent(), 'Suche');
    await appStarted(page);

    const check = async (when) => {
      await waitForStatus(page, '1 Treffer');
      assert.equal(address(page), '/de/search?q=zusammenarbeit', when);
      assert.equal(await page.inputValue('#search-field'), 'zusammenarbeit', `${when}: the field holds the query`);
      assertSeedAlone(await results(page), 'zusammenarbeit');
      const text = await page.locator('main').innerText();
      assert.ok(!text.includes('Die Suche braucht JavaScript'), `${when}: no word of JavaScript missing`);
    };
    await check('opened');
    await page.reload();
    await appStarted(page);
    await check('reloaded');

    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator('.search-results h2 a').first().click();
    await page.waitForURL((url) => url.pathname === SEED);
    await page.locator('article h1', { hasText: seed.headline }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/de/search');
    await check('back');
    await page.goForward();
    await page.waitForURL((url) => url.pathname === SEED);
    assert.equal(await page.locator('article h1').textContent(), seed.headline);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'all within the app');
    assert.deepEqual(errors, []);
  }));

/** The search page's head as a crawler reads it: canonical addresses (paths), robots and description. */
const crawlerHead = (page) =>
  page.evaluate(() => ({
    canonicals: [...document.querySelectorAll('link[rel="canonical"]')].map((link) => new URL(link.href).pathname),
    robots: [...document.querySelectorAll('meta[name="robots"]')].map((meta) => meta.content).join(', '),
    description: document.querySelector('meta[name="description"]')?.content ?? '',
  }));

test('every search address names the plain search page as its canonical one, which may be indexed', () =>
  withPage(session.browser, async (page, errors) => {
    const response = await page.goto(session.host.origin + searchPath('de', 'Zusammenarbeit'));
    const built = await crawlerHead(page);
    assert.deepEqual(built.canonicals, ['/de/search'], 'the built page');
    assert.doesNotMatch(built.robots, /noindex/);
    assert.ok(built.description.length > 0, 'a description');
    assert.doesNotMatch((await response.allHeaders())['x-robots-tag'] ?? '', /noindex/);
    await appStarted(page);
    await waitForStatus(page, '1 Treffer');
    await page.fill('#search-field', 'Solarpark');
    await waitForStatus(page, '1 Treffer');
    assert.deepEqual(await crawlerHead(page), built, 'the app, after another query');
    assert.deepEqual(errors, []);
  }));

test('the index\'s list of bundles and the search module are fetched once: ahead of the app, which finds them', () =>
  withPage(session.browser, async (page, errors) => {
    const asked = { '/pagefind/de/bundles.json': 0, '/search_index.js': 0 };
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path in asked) asked[path] += 1;
    });
    await page.goto(session.host.origin + searchPath('de', 'Zusammenarbeit'));
    await appStarted(page);
    await waitForStatus(page, '1 Treffer');
    // boot.js and the app's glue import the one module.
    assert.deepEqual(asked, { '/pagefind/de/bundles.json': 1, '/search_index.js': 1 }, 'each fetched once');
    assert.deepEqual(errors, []);
  }));

/** Holds every request for a piece of the search index's texts (Pagefind's fragments). */
const holdFragments = (page) => holdRequests(page, '**/pagefind/*/*/fragment/**');

/** The page's results list as markup, without comments (the app's placeholders), or null while there is none. */
const resultsMarkup = (page) =>
  page.evaluate(() => document.querySelector('ol.search-results')?.outerHTML.replaceAll(/<!--.*?-->/gs, '') ?? null);

test('a search page opened with a query draws its first results before the app, as the app draws them, and only then loads the app', () =>
  withPage(session.browser, async (page, errors) => {
    const releaseWasm = await holdWasm(page);
    const releaseFragments = await holdFragments(page);
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    const appWasmAsked = () => asked.some((path) => /^\/brnn-news-[0-9a-f]+_bg\.wasm$/.test(path));
    const fragmentsAsked = () => asked.filter((path) => /^\/pagefind\/de\/[^/]+\/fragment\//.test(path)).length;
    await page.goto(session.host.origin + searchPath('de', 'Zusammenarbeit'));
    await page.waitForFunction(() => document.querySelector('p.search-status')?.textContent === 'Suche läuft …');
    for (const deadline = Date.now() + 10_000; fragmentsAsked() === 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(fragmentsAsked() > 0, `a hit's text is asked for: ${asked.join(', ')}`);
    // Time enough for the app's wasm to be asked for, were it not waiting.
    await page.waitForTimeout(500);
    assert.equal(appWasmAsked(), false, "the app's wasm waits for the first results");
    releaseFragments();
    await page.locator('ol.search-results > li').first().waitFor();
    assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app has not started');
    assertSeedAlone(await results(page), 'Zusammenarbeit');
    const early = await resultsMarkup(page);
    for (const deadline = Date.now() + 5000; !appWasmAsked() && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(appWasmAsked(), "the app's wasm is asked for once the results are drawn");
    const fragmentsBefore = fragmentsAsked();
    releaseWasm();
    await appStarted(page);
    await waitForStatus(page, '1 Treffer');
    assert.equal(await resultsMarkup(page), early, 'the app draws the same results, to the letter');
    assert.equal(fragmentsAsked(), fragmentsBefore, 'the app finds the texts already fetched');
    assert.deepEqual(errors, []);
  }));

test('an index that does not answer holds the app back five seconds at most', () =>
  withPage(session.browser, async (page, errors) => {
    await holdFragments(page);
    const opened = Date.now();
    await page.goto(session.host.origin + searchPath('de', 'Zusammenarbeit'));
    await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 15_000 });
    const waited = Date.now() - opened;
    assert.ok(waited >= 4500, `the app waited for the index: ${waited} ms`);
    assert.equal(await resultsMarkup(page), null, 'nothing drawn yet: the texts are held');
    assert.deepEqual(errors, []);
  }));

test('first results are not drawn over what the reader typed into the search field meanwhile', () =>
  withPage(session.browser, async (page, errors) => {
    const releaseWasm = await holdWasm(page);
    const releaseFragments = await holdFragments(page);
    await page.goto(session.host.origin + searchPath('de', 'Zusammenarbeit'));
    await page.waitForFunction(() => document.querySelector('p.search-status')?.textContent === 'Suche läuft …');
    await page.locator('#search-field').fill('Solarpark');
    releaseFragments();
    await page.waitForTimeout(1000);
    assert.equal(await resultsMarkup(page), null, 'no results for the address\'s query under what the reader typed');
    releaseWasm();
    await appStarted(page);
    assert.equal(await page.locator('#search-field').inputValue(), 'Solarpark', 'the typed text survives');
    assert.deepEqual(errors, []);
  }));

// --- Only <mark> is markup -------------------------------------------------------

test('excerpts hold no element but <mark>, and <mark> holds text only', () =>
  withPage(session.browser, async (page, errors) => {
    for (const query of ['Zusammenarbeit', 'Beispielartikel']) {
      await openApp(page, session.host.origin + searchPath('de', query));
      await waitForStatus(page, `${(await articlesContaining('de', query)).length} Treffer`);
      const elements = await page
        .locator('.search-results p.lead')
        .evaluateAll((leads) => leads.map((lead) => [...lead.querySelectorAll('*')].map((e) => e.localName)));
      assert.ok(elements.length > 0, `${query}: excerpts shown`);
      for (const inside of elements) {
        assert.ok(inside.length > 0, `${query}: each excerpt marks a word`);
        assert.deepEqual([...new Set(inside)], ['mark'], `${query}: only <mark> in an excerpt`);
      }
      assertMarked(await results(page), query);
    }
    assert.deepEqual(errors, []);
  }));

const HOSTILE = '<img src=x onerror=window.__pwned=1> <script>window.__pwned=2</script> Zusammenarbeit';

/**
 * The seed's fragment with HOSTILE as its headline and in its text, right
 * before the word `Zusammenarbeit` is first: the words before it are replaced
 * one for one, so the index's word positions still point at it.
 */
function hostileFragment(fragment) {
  fragment.meta.title = HOSTILE;
  const words = fragment.content.split(/([^\S\uFEFF]+)/);
  const at = words.findIndex((word) => word === 'Zusammenarbeit');
  const tokens = HOSTILE.split(' ').slice(0, -1);
  // Every other entry is a separator: the token before a word is two entries back.
  assert.ok(at >= 2 * tokens.length, `enough words before Zusammenarbeit in ${fragment.content}`);
  tokens.forEach((token, index) => (words[at - 2 * (tokens.length - index)] = token));
  fragment.content = words.join('');
  assert.ok(fragment.content.includes(HOSTILE), fragment.content);
  return fragment;
}

test('a hostile index fragment shows as text: no element, no script of it runs', () =>
  withPage(session.browser, async (page, errors) => {
    let served = 0;
    await page.route('**/pagefind/de/*/fragment/**', async (route) => {
      const response = await route.fetch();
      const bytes = gunzipSync(await response.body());
      const signature = bytes.subarray(0, 12).toString('latin1');
      assert.equal(signature, 'pagefind_dcd', 'a fragment starts with the signature once unpacked');
      let fragment = JSON.parse(bytes.subarray(12).toString('utf8'));
      if (fragment.url === SEED) {
        fragment = hostileFragment(fragment);
        served += 1;
      }
      // Uncompressed, behind the signature: Pagefind's script takes it as it is.
      const body = Buffer.concat([Buffer.from(signature), Buffer.from(JSON.stringify(fragment))]);
      await route.fulfill({ response, body });
    });
    await openApp(page, session.host.origin + searchPath('de', 'Zusammenarbeit'));
    await waitForStatus(page, '1 Treffer');
    assert.ok(served > 0, 'the hostile fragment was served');
    // Time for an error handler or script of it to run.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing of the fragment ran');
    assert.equal(await page.locator('.search-results img, .search-results script').count(), 0);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no image of it anywhere');
    const [result] = await results(page);
    assert.equal(result.href, SEED, 'the link is the seed\'s');
    assert.equal(result.headline, HOSTILE, 'the headline shows the hostile text as text');
    assert.ok(result.excerpt.includes('<img src=x'), `the excerpt shows the literal text: ${result.excerpt}`);
    assert.ok(result.excerpt.includes(HOSTILE), `the excerpt shows the whole text: ${result.excerpt}`);
    assert.deepEqual(result.marks, ['Zusammenarbeit']);
    const inside = await page.locator('.search-results p.lead *').evaluateAll((all) => all.map((e) => e.localName));
    assert.deepEqual(inside, ['mark']);
    assert.deepEqual(errors, []);
  }));

// --- Keyboard -------------------------------------------------------------------

test('a keyboard alone searches from the front page and opens a result', () =>
  withPage(session.browser, async (page, errors) => {
    await openApp(page, session.host.origin + '/de/');
    await page.locator('.article-list').first().waitFor();
    const field = await tabTo(page, () => document.activeElement.matches('input#search-field'));
    assert.equal(field.tag, 'input');
    await page.keyboard.type('Solarpark');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/de/search');
    assert.equal(address(page), '/de/search?q=Solarpark');
    await page
      .waitForFunction(() => document.activeElement.matches('main h1, main'), null, { timeout: 5000 })
      .catch(() => {});
    const landed = await focused(page);
    assert.deepEqual([landed.tag, landed.text], ['h1', 'Suche'], 'the focus moves to the results page\'s heading');
    await waitForStatus(page, '1 Treffer');
    const link = await tabTo(page, () => document.activeElement.matches('.search-results h2 a'));
    assert.equal(link.href, '/de/article/beispiel-solarpark');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/de/article/beispiel-solarpark');
    assert.equal(await page.locator('article h1').textContent(), link.text);
    assert.deepEqual(errors, []);
  }));

// --- More results ------------------------------------------------------------------

test('a search with more than ten hits shows ten and more on request, up to all of them', () =>
  withPage(session.browser, async (page, errors) => {
    const expected = await articlesContaining('de', 'Beispielartikel');
    assert.ok(expected.length > 20, `more than two pages of hits: ${expected.length}`);
    await openApp(page, session.host.origin + searchPath('de', 'Beispielartikel'));
    await waitForStatus(page, `${expected.length} Treffer`);
    let shown = await resultLinks(page);
    assert.equal(shown.length, 10, 'ten at first');
    for (let asked = 1; shown.length < expected.length; asked += 1) {
      assert.ok(asked <= Math.ceil(expected.length / 10), `no more than needed: ${shown.length} shown`);
      const more = page.locator('button.more-results');
      assert.equal(await more.textContent(), 'Weitere Treffer');
      await more.click();
      const next = Math.min(shown.length + 10, expected.length);
      await page.waitForFunction((n) => document.querySelectorAll('ol.search-results > li').length === n, next);
      const now = await resultLinks(page);
      assert.deepEqual(now.slice(0, shown.length), shown, 'the results shown stay, in their order');
      shown = now;
      await waitForStatus(page, `${expected.length} Treffer`);
    }
    assert.equal(await page.locator('button.more-results').count(), 0, 'no button once all are shown');
    assert.deepEqual(
      shown.toSorted(),
      expected.map((id) => `/de/article/${id}`),
      'every article holding the word, each once',
    );
    assertMarked(await results(page), 'Beispielartikel');
    assert.deepEqual(errors, []);
  }));

// --- An index that fails to load ----------------------------------------------------

const SEARCH_FAILED = 'Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.';

/**
 * Searches with `file` of the German index failing (404), then with it back:
 * the failure must say so, and the next search (typed) find the seed.
 */
async function failThenRecover(page, file) {
  const lift = await injectFault(page, file, { status: 404, body: 'nicht da', type: 'text/plain' });
  await openApp(page, session.host.origin + searchPath('de', 'Mischustin'));
  await waitForStatus(page, SEARCH_FAILED);
  assert.equal(await page.locator('.search-results li').count(), 0);
  await lift();
  await page.fill('#search-field', 'Zusammenarbeit');
  await waitForStatus(page, '1 Treffer');
  assertSeedAlone(await results(page), 'Zusammenarbeit');
}

test('when the list of bundles cannot load, the page says so, and the next search tries again', () =>
  withPage(session.browser, async (page, errors) => {
    await failThenRecover(page, '/pagefind/de/bundles.json');
    assert.deepEqual(errors, []);
  }));

test('the index is searched a year at a time, newest first, and only as far back as needed', () =>
  withPage(session.browser, async (page, errors) => {
    // A second year, 2026, whose bundles are copies of 2025's: 31 hits each.
    const wanted = await articlesContaining('de', 'Beispielartikel');
    const bundles = await bundlesOf('de');
    assert.ok(bundles.every((name) => name.startsWith('2025')), `${bundles}`);
    await page.route('**/pagefind/de/bundles.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify([...bundles.map((name) => name.replace('2025', '2026')), ...bundles]),
      }),
    );
    const asked = new Set();
    await page.route(/\/pagefind\/de\/2026[^/]*\//, async (route) => {
      const url = route.request().url();
      asked.add(2026);
      route.fulfill({ response: await route.fetch({ url: url.replace('/pagefind/de/2026', '/pagefind/de/2025') }) });
    });
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/de/2025')) asked.add(2025);
    });
    await openApp(page, session.host.origin + searchPath('de', 'Beispielartikel'));
    await waitForStatus(page, `${wanted.length} Treffer seit 2026`);
    assert.deepEqual([...asked], [2026], 'the older year is not searched for the first ten hits');
    assert.equal(await page.locator('.search-results > li').count(), 10);
    // More, until the newest year's hits are all shown and the next year's follow.
    for (let shown = 10; shown < wanted.length + 10; shown += 10) {
      await page.locator('button.more-results').click();
      await page.waitForFunction((n) => document.querySelectorAll('.search-results > li').length === n, Math.min(shown + 10, 2 * wanted.length));
    }
    await waitForStatus(page, `${2 * wanted.length} Treffer`);
    assert.ok(asked.has(2025), 'the older year is searched once the newer one is shown');
    assert.deepEqual(errors, []);
  }));

test('when the search script cannot load, the page says so, and the next search tries again', () =>
  withPage(session.browser, async (page, errors) => {
    // A year's newest bundle brings the script, worker and wasm for all of them.
    const [newest] = await bundlesOf('de');
    await failThenRecover(page, `/pagefind/de/${newest}/pagefind.js`);
    assert.deepEqual(errors, []);
  }));

test("when the index's wasm cannot load, the page says so, and the next search tries again", () =>
  withPage(session.browser, async (page, errors) => {
    const [newest] = await bundlesOf('de');
    await failThenRecover(page, `/pagefind/de/${newest}/wasm.de.pagefind`);
    // Pagefind's script reports the failed load itself, uncaught; nothing else may fail.
    assert.deepEqual(
      errors.filter((error) => !error.includes(`404 fetching /pagefind/de/${newest}/wasm.de.pagefind`)),
      [],
    );
  }));

test("when one of a year's bundles cannot load, the page says so, and the next search tries again", () =>
  withPage(session.browser, async (page, errors) => {
    const bundles = await bundlesOf('de');
    await failThenRecover(page, `/pagefind/de/${bundles.at(-1)}/pagefind-entry.json`);
    // Pagefind's script reports the failed load itself; nothing else may fail.
    assert.deepEqual(errors.filter((error) => !error.includes('pagefind-entry.json')), []);
  }));

test("a year's bundles are searched through one script, one worker and one wasm", () =>
  withPage(session.browser, async (page, errors) => {
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await openApp(page, session.host.origin + searchPath('de', 'Beispielartikel'));
    await waitForStatus(page, `${(await articlesContaining('de', 'Beispielartikel')).length} Treffer`);
    const [newest, ...others] = await bundlesOf('de');
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'wasm.de.pagefind']) {
      assert.deepEqual(asked.filter((path) => path.endsWith(`/${file}`)), [`/pagefind/de/${newest}/${file}`], file);
    }
    for (const other of others) {
      assert.ok(asked.includes(`/pagefind/de/${other}/pagefind-entry.json`), `${other}'s page list`);
    }
    assert.deepEqual(errors, []);
  }));

// --- Editions --------------------------------------------------------------------

/** Per edition: a query, its article (the only one holding the word), and the texts of that edition. */
const EDITION_SEARCHES = [
  {
    edition: 'en',
    query: 'marathon',
    id: 'sample-city-marathon',
    heading: 'Search',
    status: (n) => (n === 1 ? '1 result' : `${n} results`),
  },
  { edition: 'zh', query: '物流', id: 'shili-wuliu', heading: '搜索', status: (n) => `找到 ${n} 条结果` },
  {
    edition: 'ar',
    query: 'اللوجستية',
    id: 'mithal-lujistiyat',
    heading: 'بحث',
    status: (n) => `عدد النتائج: ${n}`,
  },
];

for (const { edition, query, id, heading, status } of EDITION_SEARCHES) {
  test(`the ${edition} edition searches its own articles, in its language: ${query}`, () =>
    withPage(session.browser, async (page, errors) => {
      assert.deepEqual(await articlesContaining(edition, query), [id], `only ${id} holds ${query}`);
      await openApp(page, session.host.origin + searchPath(edition, query));
      await waitForStatus(page, status(1));
      assert.equal(await page.locator('main h1').textContent(), heading);
      const shown = await results(page);
      assert.deepEqual(shown.map((result) => result.href), [`/${edition}/article/${id}`]);
      assertMarked(shown, query);
      // Another edition's search does not find it.
      await openApp(page, session.host.origin + searchPath('de', query));
      await waitForStatus(page, `Keine Treffer für „${query}“.`);
      assert.deepEqual(errors, []);
    }));
}

test('the English edition counts many results in English, all its own', () =>
  withPage(session.browser, async (page, errors) => {
    const expected = await articlesContaining('en', 'sample');
    assert.ok(expected.length > 10, `more than ten: ${expected.length}`);
    await openApp(page, session.host.origin + searchPath('en', 'sample'));
    await waitForStatus(page, `${expected.length} results`);
    await page.locator('button.more-results', { hasText: 'More results' }).click();
    const all = (n) => document.querySelectorAll('ol.search-results > li').length === n;
    await page.waitForFunction(all, expected.length);
    const shown = await resultLinks(page);
    assert.deepEqual(shown.toSorted(), expected.map((id) => `/en/article/${id}`));
    assert.deepEqual(errors, []);
  }));

test('the Chinese edition finds a word of many articles and says how many in Chinese', () =>
  withPage(session.browser, async (page, errors) => {
    const expected = await articlesContaining('zh', '示例');
    await openApp(page, session.host.origin + searchPath('zh', '示例'));
    await waitForStatus(page, `找到 ${expected.length} 条结果`);
    const shown = await resultLinks(page);
    assert.equal(shown.length, Math.min(10, expected.length));
    for (const href of shown) assert.match(href, /^\/zh\/article\/[^/]+$/);
    await page.locator('button.more-results', { hasText: '更多结果' }).waitFor();
    assert.deepEqual(errors, []);
  }));

// --- Without JavaScript ------------------------------------------------------------

describe('without JavaScript', () => {
  const plain = hostAndBrowser({ javaScript: false });

  test('the header form goes to the search page, which says search needs JavaScript', () =>
    withPage(plain.browser, async (page) => {
      await page.goto(plain.host.origin + '/de/');
      const form = page.locator('form[role="search"]');
      assert.equal(await form.getAttribute('action'), '/de/search');
      assert.equal(await form.getAttribute('method'), 'get');
      assert.equal(await form.locator('label[for="search-field"]').textContent(), 'Suche');
      await page.fill('#search-field', 'zusammenarbeit');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.press('#search-field', 'Enter'),
      ]);
      assert.equal(response.status(), 200);
      assert.equal(address(page), '/de/search?q=zusammenarbeit');
      assert.equal(await page.locator('main h1').textContent(), 'Suche');
      const text = await page.locator('main').innerText();
      assert.ok(
        text.includes(
          'Die Suche braucht JavaScript. Bitte schalten Sie JavaScript ein, oder finden Sie Artikel über die Rubriken.',
        ),
        `the page says search needs JavaScript: ${text}`,
      );
      assert.equal(await page.locator('.search-results li').count(), 0);
    }));

  test('each edition says so in its language', () =>
    withPage(plain.browser, async (page) => {
      for (const [edition, sentence] of [
        ['en', 'Search needs JavaScript. Please turn JavaScript on, or find articles through the sections.'],
        ['zh', '搜索功能需要 JavaScript。请启用 JavaScript，或通过栏目查找文章。'],
        ['ar', 'يتطلب البحث تفعيل JavaScript. يرجى تفعيله، أو تصفح المقالات عبر الأقسام.'],
      ]) {
        const response = await page.goto(plain.host.origin + searchPath(edition, 'x'));
        assert.equal(response.status(), 200, edition);
        assert.equal(await page.locator('form[role="search"]').getAttribute('action'), `/${edition}/search`);
        assert.ok((await page.locator('main').innerText()).includes(sentence), `${edition}: ${sentence}`);
      }
    }));
});

// --- A remote endpoint -------------------------------------------------------------

describe('with a remote endpoint', () => {
  let remote, site, browser;
  before(async () => {
    remote = await startHost({ cors: true });
    // As endpoint.test.mjs: the remote origin in connect-src, as the README tells operators.
    site = await startHost({ endpoint: `${remote.origin}/api/v2/`, endpointOrigins: [remote.origin] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await remote?.close();
  });

  test('the header has no search field once the app runs', () =>
    withPage(browser, async (page, errors) => {
      for (const path of ['/de/', SEED]) {
        await openApp(page, site.origin + path);
        await page.locator('main h1, .article-list').first().waitFor();
        assert.ok(remote.requests.includes('/api/v2/de/edition.json'), 'the app reads the remote endpoint');
        assert.equal(await page.locator('form[role="search"]').count(), 0, `${path}: no search form`);
        assert.equal(await page.locator('#search-field').count(), 0, `${path}: no search field`);
      }
      // The same build with its own endpoint keeps the field.
      await openApp(page, session.host.origin + '/de/');
      assert.equal(await page.locator('form[role="search"] #search-field').count(), 1);
      assert.deepEqual(errors, []);
    }));
});
