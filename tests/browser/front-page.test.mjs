// The front page of every edition at a phone's, a tablet's, a laptop's and a
// wide screen's width, light and dark: nothing scrolls sideways, nothing
// overlaps, the headings descend one level at a time, axe finds nothing, and
// the keyboard meets the blocks in the order the eye does. The editors' lead
// is honoured until it expires. With BRNN_SCREENSHOTS=1 each view is saved
// to docs/screenshots/ (scripts/screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { axeReport, axeViolations, DIST, hostAndBrowser, openApp, withPage } from './harness.mjs';

const EDITIONS = ['de', 'en', 'zh', 'ar'];
const WIDTHS = [320, 768, 1024, 1440];
const SCHEMES = ['light', 'dark'];
const SCREENSHOTS = process.env.BRNN_SCREENSHOTS === '1' ? new URL('../../docs/screenshots/', import.meta.url) : null;

const session = hostAndBrowser();

const readJson = async (path) => JSON.parse(await readFile(`${DIST}api/v2/${path}`, 'utf8'));

/** Boxes of everything that shows text or a picture, with no box inside another's element. */
function overlaps() {
  // A closed <details> keeps its content laid out but hidden (content-visibility).
  const shown = (element) =>
    element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) &&
    getComputedStyle(element).clipPath === 'none';
  const ownText = (element) =>
    [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
  const pieces = [...document.body.querySelectorAll('*')]
    .filter((element) => (element.localName === 'img' || ownText(element)) && shown(element))
    .flatMap((element) =>
      [...element.getClientRects()]
        .filter((box) => box.width > 1 && box.height > 1)
        .map((box) => ({ element, box })),
    );
  const found = [];
  for (let i = 0; i < pieces.length; i += 1) {
    for (let j = i + 1; j < pieces.length; j += 1) {
      const [a, b] = [pieces[i], pieces[j]];
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (width > 1 && height > 1) {
        const name = (element) => `${element.localName}.${element.className} "${element.textContent.trim().slice(0, 30)}"`;
        found.push(`${name(a.element)} × ${name(b.element)}`);
      }
    }
  }
  return found;
}

/** Heading levels in document order, with a heading's text. */
function headings() {
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [Number(h.localName[1]), h.textContent.trim()]);
}

/**
 * The front page's blocks, and each block's entries, in document order and
 * in the order the eye reads them: row by row (a row's boxes start at the
 * same height), along the line (leftwards in a right-to-left edition).
 */
function readingOrder() {
  const rtl = document.documentElement.dir === 'rtl';
  const byEye = (elements) =>
    elements
      .map((element, index) => {
        const box = element.getBoundingClientRect();
        return { index, top: Math.round(box.top), start: rtl ? -box.right : box.left };
      })
      .sort((a, b) => a.top - b.top || a.start - b.start)
      .map(({ index }) => index);
  const inOrder = (elements) => elements.map((_, index) => index);
  const blocks = [...document.querySelectorAll('.front-block')];
  const entries = blocks.map((block) => [...block.querySelectorAll('li')]);
  const positiveTabIndex = document.querySelectorAll('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').length;
  return {
    dom: [inOrder(blocks), ...entries.map(inOrder)],
    visual: [byEye(blocks), ...entries.map(byEye)],
    positiveTabIndex,
  };
}

for (const edition of EDITIONS) {
  test(`the ${edition} front page at every width, light and dark`, () =>
    withPage(session.browser, async (page, errors) => {
      for (const width of WIDTHS) {
        for (const colorScheme of SCHEMES) {
          const view = `${edition} at ${width} px, ${colorScheme}`;
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          await openApp(page, `${session.host.origin}/${edition}/`);
          await page.locator('.front-latest').waitFor();
          await page.evaluate(() => document.fonts.ready);
          // Pictures drawn, so their boxes are final.
          await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => {}))));

          const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
          assert.ok(scroll[0] <= scroll[1], `${view}: nothing scrolls sideways (${scroll[0]} > ${scroll[1]})`);
          assert.deepEqual(await page.evaluate(overlaps), [], `${view}: nothing overlaps`);

          const levels = await page.evaluate(headings);
          assert.equal(levels[0]?.[0], 1, `${view}: the first heading is an h1`);
          levels.forEach(([level, text], i) => {
            if (i > 0) assert.ok(level <= levels[i - 1][0] + 1, `${view}: "${text}" (h${level}) skips a level`);
          });

          const order = await page.evaluate(readingOrder);
          assert.deepEqual(order.visual, order.dom, `${view}: the blocks and their entries read in the order of the page`);
          assert.equal(order.positiveTabIndex, 0, `${view}: no element jumps the Tab order`);

          const violations = await axeViolations(page);
          assert.deepEqual(violations, [], `${view}:\n${axeReport(violations)}`);

          if (SCREENSHOTS) {
            await mkdir(SCREENSHOTS, { recursive: true });
            const file = new URL(`front-${edition}-${width}-${colorScheme}.jpg`, SCREENSHOTS);
            await page.screenshot({ path: file.pathname, fullPage: true, type: 'jpeg', quality: 60 });
          }
        }
      }
      assert.deepEqual(errors, []);
    }));
}

test('the keyboard goes through the front page in the order of the page', () =>
  withPage(session.browser, async (page) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openApp(page, `${session.host.origin}/de/`);
    await page.locator('.front-latest').waitFor();
    const inMain = await page.evaluate(() =>
      [...document.querySelectorAll('main a[href]')].filter((a) => a.getClientRects().length > 0).map((a) => a.getAttribute('href')),
    );
    // From the last control before main, Tab by Tab through main.
    await page.locator('.sections-row a').last().focus();
    const reached = [];
    for (let press = 0; press < inMain.length; press += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.getAttribute('href')));
    }
    assert.deepEqual(reached, inMain);
  }));

test("the editors' lead leads until it expires, then the newest does", () =>
  withPage(session.browser, async (page) => {
    const lead = async (edition) => {
      await page.goto(`${session.host.origin}/${edition}/`);
      return page.locator('.front-lead h2 a').getAttribute('href');
    };
    // de: the editors chose an article with a lead photo, not the newest (the first of the newest page, `latest`).
    const de = await readJson('de/front.json');
    const chosen = await lead('de');
    assert.equal(chosen, '/de/article/beispiel-artikelformat');
    assert.notEqual(chosen, `/de/article/${de.latest[0].id}`);
    assert.equal(await page.locator('.front-lead img').getAttribute('fetchpriority'), 'high');
    // en: its choice has expired, so the newest article leads.
    const en = await readJson('en/front.json');
    assert.equal(await lead('en'), `/en/article/${en.latest[0].id}`);
  }));

test('the front page document is the same size whatever the archive: a bounded number of entries', async () => {
  for (const edition of EDITIONS) {
    const front = await readJson(`${edition}/front.json`);
    const { page_size: pageSize } = await readJson(`${edition}/edition.json`);
    assert.ok(front.top.length <= 3, `${edition}: ${front.top.length} top stories`);
    assert.ok(front.sections.every((block) => block.articles.length <= 4), `${edition}: section blocks`);
    // `latest` is the list's newest page, which holds up to two pages' worth but one (paged from the oldest).
    assert.ok(front.latest.length <= 2 * pageSize - 1, `${edition}: latest`);
    assert.equal(front.page, Math.max(1, Math.floor(front.total / pageSize)), `${edition}: the newest page's number`);
    assert.equal(front.latest.length, Math.min(front.total, pageSize + (front.total % pageSize)), `${edition}: latest of ${front.total}`);
  }
});
