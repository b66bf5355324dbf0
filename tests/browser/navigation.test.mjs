// After a navigation in the app, a keyboard or screen-reader user lands on
// the new page: focus on its main heading, its title read out, scrolled to
// its top. The first page of a visit is left as the browser shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostAndBrowser, openApp, withPage } from './harness.mjs';

const SEED = '/de/article/ecf15130d4b083e2';
const session = hostAndBrowser();

/** The focused element as `TAG text`. */
const focused = (page) =>
  page.evaluate(() => `${document.activeElement.tagName} ${document.activeElement.textContent.trim()}`);

test('the first page of a visit keeps the focus where the browser put it', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + SEED);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    assert.equal(await page.locator('[aria-live="polite"]').textContent(), '');
  }));

test('after a navigation, focus is on the new heading, its title is announced, the page is at its top, and back returns to where the reader was', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/');
    // The reader scrolls to the list's last article and opens it.
    const last = page.locator('.article-list li:last-child h2 a');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await last.scrollIntoViewIfNeeded();
    const listScroll = await page.evaluate(() => window.scrollY);
    assert.ok(listScroll > 100, 'the list is long enough to scroll');
    const headline = await last.textContent();
    await last.click();
    await page.locator('article h1', { hasText: headline }).waitFor();
    await page.waitForFunction(() => document.activeElement.tagName === 'H1');
    assert.equal(await focused(page), `H1 ${headline}`);
    await page.waitForFunction(() => document.querySelector('[aria-live="polite"]').textContent !== '');
    assert.equal(await page.locator('[aria-live="polite"]').textContent(), await page.title());
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'a new page starts at its top');

    // Back to the list: its heading again, its title announced, and where the reader was.
    await page.goBack();
    await page.locator('h1', { hasText: '„Belt and Road“-Nachrichtennetzwerk' }).waitFor();
    await page.waitForFunction(() => document.activeElement.tagName === 'H1');
    assert.equal(await focused(page), 'H1 „Belt and Road“-Nachrichtennetzwerk');
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, listScroll);
    await page.waitForFunction((title) => document.querySelector('[aria-live="polite"]').textContent === title, await page.title());
  }));

test('a navigation to an address that leads nowhere focuses the not-found heading', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/');
    await page.evaluate(() => {
      const link = document.querySelector('.sections-row a');
      link.setAttribute('href', '/de/section/gibt-es-nicht/');
      link.click();
    });
    await page.locator('h1', { hasText: 'Seite nicht gefunden' }).waitFor();
    await page.waitForFunction(() => document.activeElement.tagName === 'H1');
    assert.equal(await focused(page), 'H1 Seite nicht gefunden');
  }));
