// The seed article page, compared word for word with the seed file.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, editResponse, hostAndBrowser, openApp, readSeed, withPage } from './harness.mjs';

const SEED_PATH = '/de/article/ecf15130d4b083e2';
const session = hostAndBrowser();
let seed;

before(async () => {
  seed = await readSeed();
});

async function openArticle(page, path) {
  await openApp(page, session.host.origin + path);
  await page.locator('article h1').waitFor();
}

/** Runs `use` on a page showing the seed article. */
function onSeed(use) {
  return withPage(session.browser, async (page) => {
    await openArticle(page, SEED_PATH);
    return use(page);
  });
}

test('seed article shows headline, date and paragraphs word for word', () =>
  onSeed(async (page) => {
    assert.equal(await page.locator('h1').count(), 1, 'one h1 on the page');
    assert.equal(await page.locator('h1').textContent(), seed.headline);
    const [dateText] = seed.dateline.split('\u2003');
    assert.equal(seed.dateline, `${dateText}\u2003Quelle :`, 'the seed separates date and source with an em space');
    const time = page.locator('.dateline time');
    assert.equal(await time.textContent(), 'Dienstag, 04. November 2025');
    assert.equal(await time.textContent(), dateText);
    assert.equal(await time.getAttribute('datetime'), '2025-11-04');
    assert.equal((await page.locator('.dateline').textContent()).trim(), dateText, 'no dangling "Quelle :" for an empty source');
    assert.deepEqual(await page.locator('.article-body p').allTextContents(), seed.paragraphs);
  }));

test('seed breadcrumb links every crumb but the last, which is the current page', () =>
  onSeed(async (page) => {
    const nav = page.locator('nav.breadcrumb');
    assert.ok(await nav.getAttribute('aria-label'), 'the breadcrumb nav is labelled');
    const items = nav.locator('ol > li');
    assert.deepEqual((await items.allTextContents()).map((t) => t.trim()), seed.crumbs);
    const links = nav.locator('ol > li a');
    assert.equal(await links.count(), seed.crumbs.length - 1);
    assert.deepEqual(
      await links.evaluateAll((as) => as.map((a) => new URL(a.href).pathname)),
      ['/', '/de/', '/de/section/bri-nachrichten/'],
    );
    const current = nav.locator('[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.textContent(), 'Aktuelles');
    assert.equal(await items.last().locator('a').count(), 0, 'the last crumb is not a link');
  }));

test('breadcrumb separators are drawn by CSS, not written in the text', () =>
  onSeed(async (page) => {
    const navText = await page.locator('nav.breadcrumb').textContent();
    assert.ok(!navText.includes('>>'), navText);
    const separator = await page
      .locator('nav.breadcrumb li:nth-child(2)')
      .evaluate((li) => getComputedStyle(li, '::before').content);
    assert.match(separator, />>/);
  }));

test('document title is the headline and the site name', () =>
  onSeed(async (page) => {
    assert.equal(await page.title(), `${seed.headline} – ${seed.site}`);
  }));

test('the article links to its older neighbour in the section', () =>
  onSeed(async (page) => {
    const older = page.locator('nav.neighbours a[rel="next"]');
    assert.match(await older.textContent(), /Älterer Artikel/);
    await older.click();
    await page.waitForURL('**/de/article/beispiel-hafen-piraeus');
    await page.locator('h1', { hasText: 'Containerhafen' }).waitFor();
  }));

test('a deep link to the article survives a reload', () =>
  onSeed(async (page) => {
    await page.reload();
    await page.locator('article h1').waitFor();
    assert.equal(await page.locator('h1').textContent(), seed.headline);
  }));

test('an article with a source shows it after an em space', () =>
  withPage(session.browser, async (page) => {
    await openArticle(page, '/de/article/beispiel-bahn-gueterzug');
    assert.equal(
      await page.locator('.dateline').textContent(),
      'Sonntag, 02. November 2025\u2003Quelle : brnn-news Beispielinhalt',
    );
  }));

test('the date is the newsroom\u2019s even where UTC is still on the day before', () =>
  withPage(session.browser, async (page) => {
    // 2025-11-03T07:30+08:00 is 2 November 23:30 UTC.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openArticle(page, '/de/article/beispiel-hafen-piraeus');
    assert.equal(await page.locator('.dateline time').textContent(), 'Montag, 03. November 2025');
  }));

test('the page language is the edition\'s, as its document names it', () =>
  withPage(session.browser, async (page) => {
    // The edition document the page carries, with another language: the app reads it from the page.
    await editResponse(page, SEED_PATH, (html) => html.replace('"lang":"de"', '"lang":"de-CH"'));
    await openArticle(page, SEED_PATH);
    await appStarted(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'de-CH');
  }));
