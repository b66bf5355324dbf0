// The header on a phone and without JavaScript, the current section marked,
// the footer's links, the pages of the house, and print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, holdWasm, hostAndBrowser, launchBrowser, openApp, withPage } from './harness.mjs';

const session = hostAndBrowser();
const PHONE = { width: 390, height: 844 };

test('on a phone the header is compact: an article’s headline starts within the first quarter of the screen', () =>
  withPage(session.browser, async (page) => {
    await page.setViewportSize(PHONE);
    for (const path of ['/de/article/beispiel-artikelformat', '/de/article/ecf15130d4b083e2', '/ar/article/mithal-mina', '/zh/article/shili-gangkou']) {
      await openApp(page, session.host.origin + path);
      const top = await page.locator('article h1').evaluate((h1) => h1.getBoundingClientRect().top);
      assert.ok(top < PHONE.height / 4, `${path}: the headline starts at ${top} px, below a quarter of ${PHONE.height}`);
      // The field hides behind a link to the search page; the sections behind a disclosure.
      assert.equal(await page.locator('.site-header .search-form').isVisible(), false, path);
      assert.equal(await page.locator('.site-header .search-link').isVisible(), true, path);
      assert.equal(await page.locator('.sections-row').isVisible(), false, path);
      assert.equal(await page.locator('.sections-menu summary').isVisible(), true, path);
    }
  }));

test('on a phone the search page shows its field, and a search runs from it', () =>
  withPage(session.browser, async (page) => {
    await page.setViewportSize(PHONE);
    await openApp(page, session.host.origin + '/de/');
    await page.locator('.site-header .search-link').click();
    await page.waitForURL('**/de/search');
    const field = page.locator('.site-header .search-form input');
    await field.waitFor();
    await field.fill('Liegeplatz');
    await page.locator('.search-results li').first().waitFor();
  }));

test('without JavaScript the sections open from the disclosure on a phone, and the section’s link is marked current', async () => {
  const browser = await launchBrowser({ javaScript: false });
  try {
    await withPage(browser, async (page) => {
      await page.setViewportSize(PHONE);
      await page.goto(session.host.origin + '/de/');
      const menu = page.locator('.sections-menu');
      assert.equal(await menu.locator('a').first().isVisible(), false, 'closed at first');
      await menu.locator('summary').click();
      const links = menu.locator('a');
      assert.deepEqual(await links.allTextContents(), ['BRI-Nachrichten', 'Dokumente']);
      await Promise.all([page.waitForURL('**/de/section/dokumente/'), links.last().click()]);
      assert.equal(await page.locator('h1').textContent(), 'Dokumente');
      assert.equal(await page.locator('.sections-menu a[aria-current="page"]').textContent(), 'Dokumente');

      await page.setViewportSize({ width: 1024, height: 800 });
      await page.goto(session.host.origin + '/de/section/bri-nachrichten/aktuelles/');
      assert.equal(await page.locator('.sections-row').isVisible(), true);
      // Below a top-level section: its link says the page is within it.
      assert.equal(await page.locator('.sections-row a[aria-current="true"]').textContent(), 'BRI-Nachrichten');
      assert.equal(await page.locator('.sections-row a[aria-current="page"]').count(), 0);
    });
  } finally {
    await browser.close();
  }
});

test('the sections opened before the app takes the page over stay open, their summary focused', () =>
  withPage(session.browser, async (page) => {
    await page.setViewportSize(PHONE);
    const release = await holdWasm(page);
    await page.goto(session.host.origin + '/de/');
    await page.locator('.sections-menu summary').click();
    assert.equal(await page.locator('.sections-menu').evaluate((details) => details.open), true);
    release();
    await appStarted(page);
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.sections-menu').evaluate((details) => details.open), true, 'still open');
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'summary');
  }));

test('in the app the current section follows the reader', () =>
  withPage(session.browser, async (page) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await openApp(page, session.host.origin + '/de/');
    assert.equal(await page.locator('.sections-row [aria-current]').count(), 0);
    await page.locator('.sections-row a', { hasText: 'Dokumente' }).click();
    await page.locator('h1', { hasText: 'Dokumente' }).waitFor();
    assert.equal(await page.locator('.sections-row a[aria-current="page"]').textContent(), 'Dokumente');
    await page.locator('.site-header .masthead').click();
    await page.locator('.front-latest').waitFor();
    assert.equal(await page.locator('.sections-row [aria-current]').count(), 0);
  }));

test('a section’s newest page leads with its newest article and lists its subsections', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/section/bri-nachrichten/');
    assert.deepEqual(await page.locator('nav.subsections a').allTextContents(), ['Aktuelles', 'Chinas Wirtschaft']);
    assert.equal(await page.locator('.article-list > li').first().locator('.entry-lead').count(), 1);
    // Its older page (counted from the oldest; the newest is the section's own address).
    await page.goto(session.host.origin + '/de/section/bri-nachrichten/pages/1');
    await page.locator('nav.pager').waitFor();
    assert.equal(await page.locator('.entry-lead').count(), 0, 'older pages are the plain list');
    assert.equal(await page.locator('nav.subsections').count(), 0);
  }));

for (const edition of ['de', 'en', 'zh', 'ar']) {
  test(`the ${edition} footer links every section, every edition in its own language, the feeds, the house and the archive`, () =>
    withPage(session.browser, async (page) => {
      const response = await fetch(`${session.host.origin}/api/v2/${edition}/edition.json`);
      const document = await response.json();
      await openApp(page, `${session.host.origin}/${edition}/`);
      const footer = page.locator('.site-footer');
      const hrefs = await footer.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const section of document.sections) assert.ok(hrefs.includes(`/${edition}/section/${section.slug}/`), section.slug);
      for (const house of document.pages) assert.ok(hrefs.includes(`/${edition}/info/${house.slug}`), house.slug);
      for (const feed of ['rss.xml', 'atom.xml', 'feed.json']) assert.ok(hrefs.includes(`/feeds/${edition}/${feed}`), feed);
      assert.ok(hrefs.includes(`/${edition}/archive/`), 'the archive');
      const editions = await footer.locator('.footer-editions li').evaluateAll((items) => items.map((li) => li.lang));
      assert.deepEqual(editions, document.editions.map((other) => other.lang));
      assert.equal(await footer.locator('.copyright').textContent(), document.copyright);
    }));
}

test('a page of the house is a prerendered page, and the app draws it from the footer', async () => {
  await withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/');
    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator('.site-footer a', { hasText: 'Impressum' }).click();
    await page.waitForURL('**/de/info/impressum');
    await page.locator('article h1', { hasText: 'Impressum' }).waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'drawn by the app');
    assert.match(await page.title(), /^Impressum – /);
    assert.ok((await page.locator('.article-body p').count()) > 0);
  });
  const html = await (await fetch(`${session.host.origin}/de/info/impressum`)).text();
  assert.match(html, /<h1>Impressum<\/h1>/);
});

test('printed, a page shows neither navigation nor footer links, only its own address', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/article/beispiel-artikelformat');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['nav.sections', '.site-header .search-form', 'nav.breadcrumb', 'nav.neighbours', '.footer-columns', '.copyright']) {
      assert.equal(await page.locator(hidden).isVisible(), false, hidden);
    }
    assert.equal(await page.locator('article h1').isVisible(), true);
    const address = page.locator('.print-address');
    assert.equal(await address.isVisible(), true);
    assert.match(await address.textContent(), /^https:\/\/.+\/de\/article\/beispiel-artikelformat$/);
  }));
