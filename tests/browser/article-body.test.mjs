// An article's body as typed blocks, on the German sample article of every
// block type: each block's element, in the prerendered page without
// JavaScript and in the app (the same markup); its links; the byline, the
// author page it leads to and the line of the last change; a 320 px wide
// phone; and hostile documents that must not break the article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, editResponse, hostAndBrowser, openApp, withPage } from './harness.mjs';

const SAMPLE = '/de/article/beispiel-artikelformat';
const SAMPLE_JSON = '/api/v2/de/articles/beispiel-artikelformat.json';
const HEADLINE = 'Beispiel: So sieht ein Artikel mit Zwischentiteln, Listen und Zitaten aus';
const AUTHOR = '/de/author/beispiel-redaktion/';
const SEED = '/de/article/ecf15130d4b083e2';
const session = hostAndBrowser();
const withoutScript = hostAndBrowser({ javaScript: false });

/**
 * The article as a tree of elements (name, attributes in name order,
 * children) and text: what a reader's browser shows, without the empty
 * comments the app keeps as placeholders and the focus it gives the
 * heading after a navigation.
 */
const articleTree = (page) =>
  page.locator('article.article').evaluate((article) => {
    const tree = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      const attributes = [...node.attributes]
        .filter(({ name }) => !(node.tagName === 'H1' && name === 'tabindex'))
        .map(({ name, value }) => `${name}=${value}`)
        .sort();
      const children = [...node.childNodes].filter((child) => child.nodeType !== Node.COMMENT_NODE);
      return [node.tagName.toLowerCase(), attributes, children.map(tree)];
    };
    const copy = article.cloneNode(true);
    for (const comment of [...copy.querySelectorAll('*')].flatMap((element) => [...element.childNodes]))
      if (comment.nodeType === Node.COMMENT_NODE) comment.remove();
    copy.normalize();
    return tree(copy);
  });

/** Opens the author page in the app and follows its link to the sample article. */
async function openSampleInApp(page) {
  await openApp(page, session.host.origin + AUTHOR);
  await page.locator(`.article-list a[href="${SAMPLE}"]`).click();
  await page.waitForURL(`**${SAMPLE}`);
  await page.locator('.article-body .pull-quote').waitFor();
}

/** What each block of the sample became, as elements of the body. */
function blocksOf(page) {
  return page.locator('.article-body').evaluate((body) => ({
    children: [...body.children].map((child) => child.tagName.toLowerCase() + (child.className ? `.${child.className}` : '')),
    strong: body.querySelector('p strong')?.textContent,
    emphasis: body.querySelector('p em')?.textContent,
    nestedList: body.querySelectorAll('ul > li ol > li').length,
    quote: body.querySelector('blockquote.quote p')?.textContent,
    attribution: body.querySelector('blockquote.quote footer cite')?.textContent,
    pullQuote: body.querySelector('aside.pull-quote p')?.textContent,
  }));
}

test('the prerendered sample shows every block as its element, without JavaScript', () =>
  withPage(withoutScript.browser, async (page) => {
    await page.goto(withoutScript.host.origin + SAMPLE);
    const blocks = await blocksOf(page);
    for (const element of ['p', 'h2', 'h3', 'ul', 'blockquote.quote', 'aside.pull-quote', 'hr', 'figure.figure'])
      assert.ok(blocks.children.includes(element), `${element} in ${blocks.children}`);
    assert.equal(blocks.strong, 'Beispielartikel');
    assert.equal(blocks.emphasis, 'einmal vollständig');
    assert.equal(blocks.nestedList, 2, 'the ordered list inside the unordered one');
    assert.equal(blocks.quote, 'Alle Namen, Zahlen und Zitate in diesem Text sind erfunden.');
    assert.equal(blocks.attribution, 'Die Beispielredaktion');
    assert.match(blocks.pullQuote, /^Ein Satz aus dem Text/);
    const figure = page.locator('.article-body > figure.figure').first();
    assert.ok((await figure.locator('picture > source[type][srcset][sizes]').count()) >= 1);
    const img = figure.locator('picture > img');
    for (const name of ['src', 'width', 'height', 'alt']) assert.ok(await img.getAttribute(name), name);
    assert.equal(await img.getAttribute('loading'), 'lazy');
    assert.equal(await img.getAttribute('decoding'), 'async');
    assert.equal(await figure.locator('figcaption .credit').count(), 1);
    const lead = page.locator('article > figure.lead-image img');
    assert.equal(await lead.getAttribute('loading'), 'eager');
    assert.equal(await lead.getAttribute('fetchpriority'), 'high');
    assert.equal(
      await page.locator('article > .correction').textContent(),
      'Beispiel: Eine frühere Fassung dieses Beispiels nannte einen falschen Wochentag.',
    );
    assert.equal(await page.locator('.updated').textContent(), 'Aktualisiert: Mittwoch, 29. Oktober 2025');
    assert.equal(await page.locator('.updated time').getAttribute('datetime'), '2025-10-29');
  }));

test('the app draws the sample as the prerendered page does', async () => {
  const prerendered = await withPage(withoutScript.browser, async (page) => {
    await page.goto(withoutScript.host.origin + SAMPLE);
    return articleTree(page);
  });
  await withPage(session.browser, async (page, errors) => {
    await openSampleInApp(page);
    assert.deepEqual(await articleTree(page), prerendered);
    assert.deepEqual(errors, []);
  });
});

test('links in the text: an article of the network in the app, an external one with noopener', () =>
  withPage(session.browser, async (page, errors) => {
    await openSampleInApp(page);
    const external = page.locator('.article-body a[href="https://spec.commonmark.org/"]');
    assert.equal(await external.getAttribute('rel'), 'noopener');
    const internal = page.locator(`.article-body a[href="${SEED}"]`);
    assert.equal(await internal.getAttribute('rel'), null);
    await page.evaluate(() => (window.__sameDocument = true));
    await internal.click();
    await page.waitForURL(`**${SEED}`);
    await page.locator('h1', { hasText: 'China und Russland' }).waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'followed by the app, no page load');
    assert.deepEqual(errors, []);
  }));

test('the byline leads to the author page, which lists the author\u2019s articles', () =>
  withPage(session.browser, async (page, errors) => {
    await openApp(page, session.host.origin + SAMPLE);
    const author = page.locator('.byline a');
    assert.equal(await author.textContent(), 'Beispielredaktion');
    assert.match(await page.locator('.byline .author-description').textContent(), /Beispielartikel/);
    await author.click();
    await page.waitForURL(`**${AUTHOR}`);
    await page.locator('h1', { hasText: 'Beispielredaktion' }).waitFor();
    assert.equal(await page.title(), 'Beispielredaktion – „Belt and Road“-Nachrichtennetzwerk');
    assert.deepEqual(
      await page.locator('.article-list h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      [SAMPLE],
    );
    assert.deepEqual(errors, []);
  }));

test('the article page names the headline alone as its link preview\u2019s title, and when it changed', () =>
  withPage(withoutScript.browser, async (page) => {
    await page.goto(withoutScript.host.origin + SAMPLE);
    const property = (name) => page.locator(`meta[property="${name}"]`).getAttribute('content');
    assert.equal(await property('og:title'), HEADLINE);
    assert.equal(await property('article:modified_time'), '2025-10-29T09:15:00+08:00');
    const data = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((scripts) => scripts.map((script) => JSON.parse(script.textContent)));
    const article = data.find((item) => item['@type'] === 'NewsArticle');
    assert.equal(article.dateModified, '2025-10-29T09:15:00+08:00');
    assert.deepEqual(article.author, [
      { '@type': 'Person', name: 'Beispielredaktion', url: 'https://brnn-news.example/de/author/beispiel-redaktion/' },
    ]);
  }));

test('right to left, quotes, the correction and captions mirror', () =>
  withPage(withoutScript.browser, async (page) => {
    await page.goto(withoutScript.host.origin + SAMPLE);
    await page.evaluate(() => (document.documentElement.dir = 'rtl'));
    const sides = (selector) =>
      page.locator(selector).first().evaluate((element) => {
        const style = getComputedStyle(element);
        return { right: style.borderRightWidth, left: style.borderLeftWidth };
      });
    assert.deepEqual(await sides('.quote'), { right: '3px', left: '0px' });
    assert.deepEqual(await sides('article > .correction'), { right: '4px', left: '0px' });
    await page.goto(withoutScript.host.origin + '/ar/article/mithal-mina');
    const caption = await page.locator('.figure figcaption').evaluate((element) => {
      const box = element.getBoundingClientRect();
      const text = document.createRange();
      text.selectNodeContents(element);
      return { direction: getComputedStyle(element).direction, gap: box.right - text.getBoundingClientRect().right };
    });
    assert.equal(caption.direction, 'rtl');
    assert.ok(caption.gap < 1, `the caption starts at the right edge (${caption.gap} px from it)`);
  }));

test('at 320 px nothing is wider than the screen', () =>
  withPage(session.browser, async (page) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openApp(page, session.host.origin + SAMPLE);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
  }));

/** A figure with two formats, a lead image, a correction block, and what a reader must not trust. */
function withEveryBlockAndHostileParts(text) {
  const document = JSON.parse(text);
  const image = (name) => ({
    src: `media/${name}.jpg`,
    width: 1600,
    height: 900,
    alt: `Bild ${name}`,
    caption: ['Am ', { type: 'strong', content: ['Kai'] }],
    credit: 'Foto: Beispiel',
    sources: [
      { src: `media/${name}-480.webp`, width: 480, type: 'image/webp' },
      { src: `media/${name}-480.jpg`, width: 480, type: 'image/jpeg' },
      { src: `media/${name}-960.webp`, width: 960, type: 'image/webp' },
    ],
  });
  // Written as text: JSON.stringify itself would overflow its stack on it.
  const deep =
    '{"type":"quote","blocks":['.repeat(10_000) + '{"type":"paragraph","content":["zuunterst"]}' + ']}'.repeat(10_000);
  document.article.image = image('lead');
  document.article.body = [
    { type: 'figure', image: image('hafen') },
    { type: 'correction', content: ['Korrigiert.'] },
    { type: 'video', src: 'https://example.org/v.mp4' },
    { type: 'paragraph', content: [{ type: 'link', href: 'javascript:window.__ran=1', content: ['kein Link'] }] },
    { type: 'paragraph', content: ['<img src=x onerror="window.__ran=1">', { type: 'sparkle', content: ['funkelnd'] }] },
    'DEEP',
    ...Array.from({ length: 100_000 }, (_, index) => ({ type: 'paragraph', content: [`Absatz ${index}`] })),
  ];
  return JSON.stringify(document).replace('"DEEP"', deep);
}

test('a hostile document: unknown types skipped, no script, deep nesting and 100,000 blocks, and the article shows', () =>
  withPage(session.browser, async (page, errors) => {
    await openApp(page, session.host.origin + AUTHOR);
    await editResponse(page, SAMPLE_JSON, withEveryBlockAndHostileParts);
    await page.evaluate(() => (window.__ran = 0));
    page.on('dialog', (dialog) => dialog.dismiss());
    await page.locator(`.article-list a[href="${SAMPLE}"]`).click();
    await page.locator('h1', { hasText: HEADLINE }).waitFor({ timeout: 60_000 });
    await page.locator('.article-body > p', { hasText: 'Absatz 99999' }).waitFor({ timeout: 60_000 });

    const figure = await page.locator('.article-body > figure.figure').evaluate((figure) => ({
      sources: [...figure.querySelectorAll('picture > source')].map((source) => [
        source.type,
        source.getAttribute('srcset'),
        source.getAttribute('sizes'),
      ]),
      img: Object.fromEntries(
        ['src', 'width', 'height', 'alt', 'loading', 'decoding', 'fetchpriority'].map((name) => [
          name,
          figure.querySelector('picture > img').getAttribute(name),
        ]),
      ),
      caption: figure.querySelector('figcaption').textContent,
      credit: figure.querySelector('figcaption .credit').textContent,
    }));
    const sizes = '(min-width: 42rem) 40rem, calc(100vw - 2rem)';
    assert.deepEqual(figure.sources, [
      ['image/webp', 'api/v2/media/hafen-480.webp 480w, api/v2/media/hafen-960.webp 960w', sizes],
      ['image/jpeg', 'api/v2/media/hafen-480.jpg 480w', sizes],
    ]);
    assert.deepEqual(figure.img, {
      src: 'api/v2/media/hafen.jpg',
      width: '1600',
      height: '900',
      alt: 'Bild hafen',
      loading: 'lazy',
      decoding: 'async',
      fetchpriority: null,
    });
    assert.equal(figure.caption, 'Am Kai Foto: Beispiel');
    assert.equal(figure.credit, 'Foto: Beispiel');
    const lead = page.locator('article > figure.lead-image img');
    assert.equal(await lead.getAttribute('loading'), 'eager');
    assert.equal(await lead.getAttribute('fetchpriority'), 'high');
    assert.equal(await page.locator('.article-body > p.correction').textContent(), 'Korrigiert.');

    assert.equal(await page.locator('.article-body a[href^="javascript"]').count(), 0);
    assert.equal(await page.locator('.article-body p', { hasText: 'kein Link' }).count(), 1, 'the link shown as its text');
    assert.equal(await page.locator('.article-body img[onerror]').count(), 0);
    assert.equal(await page.locator('.article-body p', { hasText: 'funkelnd' }).count(), 1, 'an unknown inline as its content');
    assert.ok((await page.locator('.article-body blockquote').count()) <= 3, 'quotes nest at most 3 deep');
    assert.equal(await page.locator('.article-body p', { hasText: 'zuunterst' }).count(), 0, 'what lies too deep is skipped');
    assert.equal(await page.evaluate(() => window.__ran), 0, 'no script ran');
    assert.deepEqual(errors, []);
  }));
