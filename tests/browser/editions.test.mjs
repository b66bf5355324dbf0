// The network's four editions (issue 8), each in its own language and writing
// direction: front page, an article dated by the newsroom, not found; the
// language links between editions and translations with their reciprocal
// hreflang alternates (as built, and as the app keeps them); moving to another
// language in the app and back; the Arabic article mirrored; and the
// prerendered Arabic article without JavaScript.
//
// EDITIONS holds what each edition should show, written out by hand; the first
// test checks it against content/, so a change of content names the entry to
// update rather than failing somewhere below.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { hostAndBrowser, openApp, withPage } from './harness.mjs';

const CONTENT = new URL('../../content/', import.meta.url);
const SITE_ORIGIN = 'https://brnn-news.example';

/**
 * Per edition, in the network's order: its language and direction, its name
 * (the front page's h1), the locale's texts, the first entry of its front page
 * (the newest article), one article with its long date and breadcrumb, and its
 * member of the translated group (TRANSLATED below).
 */
const EDITIONS = [
  {
    id: 'de',
    lang: 'de',
    dir: 'ltr',
    languageName: 'Deutsch',
    name: '„Belt and Road“-Nachrichtennetzwerk',
    texts: {
      sections: 'Rubriken',
      skipLink: 'Zum Inhalt springen',
      languages: 'Sprachen',
      neighbours: 'Weitere Artikel dieser Rubrik',
      newerArticle: 'Neuerer Artikel',
      olderArticle: 'Älterer Artikel',
      notFound: 'Seite nicht gefunden',
    },
    // The seed, 2025-11-04T00:00+08:00: still 3 November in UTC and in the browser's Honolulu.
    newest: { id: 'ecf15130d4b083e2', date: '2025-11-04', text: 'Dienstag, 04. November 2025' },
    // 07:00 in Beijing is 23:00 the day before in UTC.
    article: {
      id: 'beispiel-landwirtschaft',
      published: '2025-10-17T07:00:00+08:00',
      date: '2025-10-17',
      text: 'Freitag, 17. Oktober 2025',
      headline: 'Beispiel: Ernte fällt in mehreren Provinzen gut aus',
      crumbs: ['BRNN', '„Belt and Road“-Nachrichtennetzwerk', 'BRI-Nachrichten', 'Chinas Wirtschaft'],
    },
    translation: { id: 'beispiel-logistik', headline: 'Beispiel: Logistikbranche setzt auf autonome Fahrzeuge' },
  },
  {
    id: 'en',
    lang: 'en',
    dir: 'ltr',
    languageName: 'English',
    name: 'Belt and Road News Network',
    texts: {
      sections: 'Sections',
      skipLink: 'Skip to content',
      languages: 'Languages',
      neighbours: 'More articles in this section',
      newerArticle: 'Newer article',
      olderArticle: 'Older article',
      notFound: 'Page not found',
    },
    // Written in a UTC−03:00 bureau at 23:30 on 3 November: the newest instant, dated the 3rd.
    newest: { id: 'sample-night-bureau', date: '2025-11-03', text: 'Monday, 3 November 2025' },
    // Ten past midnight in Beijing: 3 November in UTC and in Honolulu.
    article: {
      id: 'sample-new-editions',
      published: '2025-11-04T00:10:00+08:00',
      date: '2025-11-04',
      text: 'Tuesday, 4 November 2025',
      headline: 'Sample: The network opens its English, Chinese and Arabic editions',
      crumbs: ['BRNN', 'Belt and Road News Network', 'BRI News', 'Latest'],
    },
    translation: { id: 'sample-logistics', headline: 'Sample: Logistics industry bets on autonomous vehicles' },
  },
  {
    id: 'zh',
    lang: 'zh-Hans',
    dir: 'ltr',
    languageName: '中文',
    name: '“一带一路”新闻合作联盟',
    texts: {
      sections: '栏目',
      skipLink: '跳到主要内容',
      languages: '语言',
      neighbours: '本栏目的其他文章',
      newerArticle: '较新一篇',
      olderArticle: '较早一篇',
      notFound: '页面不存在',
    },
    newest: { id: 'shili-xin-yuzhong', date: '2025-11-04', text: '2025年11月4日星期二' },
    // Ten to midnight in Beijing: the newsroom's day, whatever comes after it elsewhere.
    article: {
      id: 'shili-yeban-bianjibu',
      published: '2025-10-30T23:50:00+08:00',
      date: '2025-10-30',
      text: '2025年10月30日星期四',
      headline: '示例：夜班编辑部在午夜前发出最后一条稿件',
      crumbs: ['BRNN', '“一带一路”新闻合作联盟', '“一带一路”新闻', '最新消息'],
    },
    translation: { id: 'shili-wuliu', headline: '示例：物流行业试水自动驾驶车辆' },
  },
  {
    id: 'ar',
    lang: 'ar',
    dir: 'rtl',
    languageName: 'العربية',
    name: 'شبكة أخبار الحزام والطريق',
    texts: {
      sections: 'الأقسام',
      skipLink: 'الانتقال إلى المحتوى',
      languages: 'اللغات',
      neighbours: 'مقالات أخرى في هذا القسم',
      newerArticle: 'المقال الأحدث',
      olderArticle: 'المقال الأقدم',
      notFound: 'الصفحة غير موجودة',
    },
    newest: { id: 'mithal-nusakh-jadida', date: '2025-11-04', text: 'الثلاثاء، 4 نوفمبر 2025' },
    article: {
      id: 'mithal-maktab-layli',
      published: '2025-10-12T23:50:00+08:00',
      date: '2025-10-12',
      text: 'الأحد، 12 أكتوبر 2025',
      headline: 'مثال: مكتب التحرير الليلي يرسل آخر تقاريره قبيل منتصف الليل',
      crumbs: ['BRNN', 'شبكة أخبار الحزام والطريق', 'أخبار الحزام والطريق', 'آخر المستجدات'],
    },
    translation: {
      id: 'mithal-lujistiyat',
      headline: 'مثال: قطاع الخدمات اللوجستية يراهن على المركبات ذاتية القيادة',
      published: '2025-09-12T16:45:00+08:00',
      text: 'الجمعة، 12 سبتمبر 2025',
    },
  },
];

const BY_ID = Object.fromEntries(EDITIONS.map((edition) => [edition.id, edition]));
const LANGUAGE_NAMES = ['Deutsch', 'English', '中文', 'العربية'];
const frontPath = (edition) => `/${edition.id}/`;
const articlePath = (edition, id) => `/${edition.id}/article/${id}`;
/** The seed: an article with no translations. */
const UNTRANSLATED = '/de/article/ecf15130d4b083e2';

/**
 * The hreflang alternates a page of each edition should name, as
 * `hreflang path`, in the network's order, then x-default (the first edition's).
 */
function alternatesOf(pathOf) {
  return [...EDITIONS.map((edition) => `${edition.lang} ${pathOf(edition)}`), `x-default ${pathOf(EDITIONS[0])}`];
}
const FRONT_ALTERNATES = alternatesOf(frontPath);
const TRANSLATED_ALTERNATES = alternatesOf((edition) => articlePath(edition, edition.translation.id));

// --- Reading content/ (for the first test) ---------------------------------

/** content/network.toml's editions, in order: id, lang, name, and each section's name by path. */
async function networkEditions() {
  const text = await readFile(new URL('network.toml', CONTENT), 'utf8');
  const value = (block, key) => block.match(new RegExp(`^${key} = "([^"]*)"`, 'm'))?.[1];
  return text
    .split(/^\[\[editions\]\]$/m)
    .slice(1)
    .map((block) => {
      const [own, ...sections] = block.split(/^\[\[editions\.sections\]\]$/m);
      return {
        id: value(own, 'id'),
        lang: value(own, 'lang'),
        name: value(own, 'name'),
        sections: Object.fromEntries(sections.map((section) => [value(section, 'path'), value(section, 'name')])),
      };
    });
}

/** An article source's front matter: headline, section, published, translations ({ edition: id }). */
async function articleSource(edition, id) {
  const text = await readFile(new URL(`${edition}/${id}.txt`, CONTENT), 'utf8');
  const front = text.split(/^\+\+\+$/m)[1];
  const line = (key) => front.match(new RegExp(`^${key} = (.*)$`, 'm'))?.[1];
  const translations = line('translations') ?? '{}';
  return {
    headline: JSON.parse(line('headline')),
    section: JSON.parse(line('section')),
    published: line('published'),
    translations: Object.fromEntries([...translations.matchAll(/(\w+) = "([^"]*)"/g)].map((m) => [m[1], m[2]])),
  };
}

/** An edition's article sources (id and front matter), newest first by the instant each `published` names. */
async function newestFirst(edition) {
  const names = (await readdir(new URL(`${edition}/`, CONTENT))).filter((name) => name.endsWith('.txt'));
  const articles = [];
  for (const name of names) {
    const id = name.replace(/\.txt$/, '');
    articles.push({ id, ...(await articleSource(edition, id)) });
  }
  return articles.sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
}

// --- Reading pages ----------------------------------------------------------

/** The path of an absolute alternate `href`, checked to be on the site's origin. */
function sitePath(href) {
  const url = new URL(href);
  assert.equal(url.origin, SITE_ORIGIN, `${href} is on the site's origin`);
  return url.pathname;
}

/** A tag's attributes (as the build writes them: name="value"), the `&amp;`s undone. */
function attributes(tag) {
  return Object.fromEntries(
    [...tag.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)].map(([, name, value = '']) => [name, value.replaceAll('&amp;', '&')]),
  );
}

/** The page at `path` as the host serves it: status and the raw HTML's hreflang alternates and <html> attributes. */
async function rawPage(origin, path) {
  const response = await fetch(origin + path);
  const html = await response.text();
  const alternates = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => attributes(tag))
    .filter((link) => link.rel === 'alternate' && 'hreflang' in link)
    .map((link) => `${link.hreflang} ${sitePath(link.href)}`);
  return { status: response.status, alternates, html: attributes(html.match(/<html\b[^>]*>/)[0]) };
}

/** The hreflang alternates in the live document's head, as `hreflang path`. */
async function liveAlternates(page) {
  const links = await page
    .locator('head link[rel="alternate"][hreflang]')
    .evaluateAll((all) => all.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]));
  return links.map(([hreflang, href]) => `${hreflang} ${sitePath(href)}`);
}

/** Every page `expected` (alternates as `hreflang path`) names, fetched raw, names exactly `expected` back. */
async function assertReciprocal(origin, expected) {
  const paths = [...new Set(expected.map((alternate) => alternate.split(' ')[1]))];
  for (const path of paths) {
    const raw = await rawPage(origin, path);
    assert.equal(raw.status, 200, path);
    assert.deepEqual(raw.alternates, expected, `${path} names the same alternates back`);
  }
}

/** `<html lang dir>`, and the direction the body is laid out in. */
function languageOf(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    direction: getComputedStyle(document.body).direction,
  }));
}
const expectedLanguage = (edition) => ({ lang: edition.lang, dir: edition.dir, direction: edition.dir });

/**
 * nav.languages: one entry per language, `{ lang, name, href, hreflang, current }`
 * (href and hreflang null for the current one, which is no link).
 */
/** The links to the page in each language, in `selector` (an article's language nav, the footer's editions). */
async function languageLinks(page, selector = 'nav.languages') {
  const nav = page.locator(selector);
  assert.equal(await nav.count(), 1, `one ${selector}`);
  return nav.locator('li').evaluateAll((items) =>
    items.map((li) => {
      const link = li.querySelector('a');
      return {
        lang: li.getAttribute('lang'),
        name: li.textContent.trim(),
        href: link ? new URL(link.href).pathname : null,
        hreflang: link?.getAttribute('hreflang') ?? null,
        current: li.querySelector('[aria-current="page"]') !== null,
      };
    }),
  );
}

/** What languageLinks should read on `current`'s page when each edition's page is at `pathOf(edition)`. */
function expectedLanguageLinks(current, pathOf) {
  return EDITIONS.map((edition) => {
    const here = edition.id === current.id;
    return {
      lang: edition.lang,
      name: edition.languageName,
      href: here ? null : pathOf(edition),
      hreflang: here ? null : edition.lang,
      current: here,
    };
  });
}

// --- The tests ----------------------------------------------------------------

const session = hostAndBrowser();

async function openArticle(page, path) {
  await openApp(page, session.host.origin + path);
  await page.locator('article h1').waitFor();
}

test('the expectations match content/: editions, newest articles, dates, sections and the translated group', async () => {
  const toml = await readFile(new URL('network.toml', CONTENT), 'utf8');
  assert.equal(new URL(toml.match(/^\[site\][^[]*^url = "([^"]+)"/m)[1]).origin, SITE_ORIGIN, '[site] url');
  const network = await networkEditions();
  assert.deepEqual(
    network.map(({ id, lang, name }) => ({ id, lang, name })),
    EDITIONS.map(({ id, lang, name }) => ({ id, lang, name })),
    'the editions in network.toml, in order',
  );
  assert.deepEqual(EDITIONS.map((edition) => edition.languageName), LANGUAGE_NAMES);
  for (const [index, edition] of EDITIONS.entries()) {
    const [newest] = await newestFirst(edition.id);
    assert.equal(newest.id, edition.newest.id, `${edition.id}: the newest article`);
    // The newsroom's date is the one at the offset written with the article.
    assert.equal(newest.published.slice(0, 10), edition.newest.date, `${edition.id}: the newest article's date`);

    const article = await articleSource(edition.id, edition.article.id);
    assert.equal(article.published, edition.article.published, `${edition.id}/${edition.article.id}`);
    assert.equal(article.published.slice(0, 10), edition.article.date);
    assert.equal(article.headline, edition.article.headline);
    const parts = article.section.split('/');
    const sectionNames = parts.map((_, i) => network[index].sections[parts.slice(0, i + 1).join('/')]);
    assert.deepEqual(['BRNN', edition.name, ...sectionNames], edition.article.crumbs, `${edition.id}: breadcrumb`);

    const translated = await articleSource(edition.id, edition.translation.id);
    assert.equal(translated.headline, edition.translation.headline);
    const others = Object.fromEntries(
      EDITIONS.filter((other) => other !== edition).map((other) => [other.id, other.translation.id]),
    );
    assert.deepEqual(translated.translations, others, `${edition.id}/${edition.translation.id}: translations`);
  }
  assert.deepEqual((await articleSource('de', UNTRANSLATED.split('/').pop())).translations, {}, 'the seed has no translations');
  const arabic = await articleSource('ar', BY_ID.ar.translation.id);
  assert.equal(arabic.published, BY_ID.ar.translation.published);
});

for (const edition of EDITIONS) {
  describe(`edition ${edition.id} (${edition.lang}, ${edition.dir})`, () => {
    test('front page: language, direction, name, the locale\u2019s labels and the newest article\u2019s long date', () =>
      withPage(session.browser, async (page) => {
        await openApp(page, session.host.origin + frontPath(edition));
        await page.locator('.front-latest').waitFor();
        assert.deepEqual(await languageOf(page), expectedLanguage(edition));
        assert.deepEqual(await page.locator('h1').allTextContents(), [edition.name]);
        assert.equal(await page.locator('nav.sections').getAttribute('aria-label'), edition.texts.sections);
        assert.equal(await page.locator('a.skip-link').textContent(), edition.texts.skipLink);
        const first = page.locator('.front-latest li').first();
        assert.equal(
          await first.locator('h3 a').evaluate((a) => new URL(a.href).pathname),
          articlePath(edition, edition.newest.id),
        );
        const time = first.locator('time');
        assert.equal(await time.getAttribute('datetime'), edition.newest.date);
        assert.equal(await time.textContent(), edition.newest.text);
      }));

    test(`article ${edition.article.id}: the newsroom\u2019s date, the breadcrumb and neighbours in the edition\u2019s words`, () =>
      withPage(session.browser, async (page) => {
        await openArticle(page, articlePath(edition, edition.article.id));
        assert.deepEqual(await languageOf(page), expectedLanguage(edition));
        assert.equal(await page.locator('article h1').textContent(), edition.article.headline);
        const time = page.locator('.dateline time');
        assert.equal(await time.getAttribute('datetime'), edition.article.date);
        assert.equal(await time.textContent(), edition.article.text);
        const crumbs = await page.locator('nav.breadcrumb ol > li').allTextContents();
        assert.deepEqual(crumbs.map((crumb) => crumb.trim()), edition.article.crumbs);
        const neighbours = page.locator('nav.neighbours');
        assert.equal(await neighbours.getAttribute('aria-label'), edition.texts.neighbours);
        const links = await neighbours.locator('a').evaluateAll((all) =>
          all.map((a) => ({ rel: a.rel, label: a.querySelector('.neighbour-label').textContent })),
        );
        assert.ok(links.length > 0, 'a neighbour at least');
        const labels = { prev: edition.texts.newerArticle, next: edition.texts.olderArticle };
        assert.deepEqual(links, links.map(({ rel }) => ({ rel, label: labels[rel] })));
      }));

    test('an unknown article is not found, in the edition\u2019s language and direction', () =>
      withPage(session.browser, async (page) => {
        const response = await openApp(page, `${session.host.origin}/${edition.id}/article/no-such-article`);
        assert.equal(response.status(), 404);
        await page.locator('h1', { hasText: edition.texts.notFound }).waitFor();
        assert.deepEqual(await page.locator('h1').allTextContents(), [edition.texts.notFound]);
        assert.equal(await page.title(), edition.texts.notFound);
        assert.deepEqual(await languageOf(page), expectedLanguage(edition));
      }));

    test('front page: the footer links the other editions, hreflang alternates raw and live', async () => {
      const raw = await rawPage(session.host.origin, frontPath(edition));
      assert.equal(raw.status, 200);
      assert.deepEqual(raw.alternates, FRONT_ALTERNATES, 'as built');
      assert.deepEqual({ lang: raw.html.lang, dir: raw.html.dir }, { lang: edition.lang, dir: edition.dir }, 'as built');
      await withPage(session.browser, async (page) => {
        await openApp(page, session.host.origin + frontPath(edition));
        await page.locator('.footer-editions').waitFor();
        assert.deepEqual(await languageLinks(page, '.footer-editions'), expectedLanguageLinks(edition, frontPath));
        assert.deepEqual(await liveAlternates(page), FRONT_ALTERNATES, 'after the app took over');
      });
    });

    test(`translated article ${edition.translation.id}: language links and hreflang alternates raw and live`, async () => {
      const path = articlePath(edition, edition.translation.id);
      const raw = await rawPage(session.host.origin, path);
      assert.equal(raw.status, 200);
      assert.deepEqual(raw.alternates, TRANSLATED_ALTERNATES, 'as built');
      await withPage(session.browser, async (page) => {
        await openArticle(page, path);
        assert.equal(await page.locator('article h1').textContent(), edition.translation.headline);
        assert.equal(await page.locator('nav.languages').getAttribute('aria-label'), edition.texts.languages);
        assert.deepEqual(
          await languageLinks(page),
          expectedLanguageLinks(edition, (other) => articlePath(other, other.translation.id)),
        );
        assert.deepEqual(await liveAlternates(page), TRANSLATED_ALTERNATES, 'after the app took over');
      });
    });
  });
}

test('the front pages\u2019 alternates are reciprocal', () => assertReciprocal(session.host.origin, FRONT_ALTERNATES));

test('the translated articles\u2019 alternates are reciprocal', () =>
  assertReciprocal(session.host.origin, TRANSLATED_ALTERNATES));

test('an article without translations has no language links and no hreflang alternates', async () => {
  const raw = await rawPage(session.host.origin, UNTRANSLATED);
  assert.equal(raw.status, 200);
  assert.deepEqual(raw.alternates, [], 'as built');
  await withPage(session.browser, async (page) => {
    await openArticle(page, UNTRANSLATED);
    assert.equal(await page.locator('nav.languages').count(), 0);
    assert.deepEqual(await liveAlternates(page), [], 'after the app took over');
  });
});

test('the العربية link of a German article leads, within the app, to the Arabic article, right to left; back returns', () =>
  withPage(session.browser, async (page) => {
    const [german, arabic] = [BY_ID.de, BY_ID.ar];
    const canonicalPaths = async () =>
      (await page.locator('head link[rel="canonical"]').evaluateAll((all) => all.map((link) => link.href))).map(sitePath);
    await openArticle(page, articlePath(german, german.translation.id));
    await page.evaluate(() => (window.__sameDocument = true));

    await page.locator('nav.languages a', { hasText: 'العربية' }).click();
    await page.waitForURL(session.host.origin + articlePath(arabic, arabic.translation.id));
    await page.locator('article h1', { hasText: arabic.translation.headline }).waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load: the app moved');
    assert.equal(await page.locator('article h1').textContent(), arabic.translation.headline);
    assert.deepEqual(await languageOf(page), expectedLanguage(arabic));
    assert.deepEqual(await liveAlternates(page), TRANSLATED_ALTERNATES, 'the new page\u2019s alternates, none stale');
    assert.deepEqual(await canonicalPaths(), [articlePath(arabic, arabic.translation.id)], 'exactly one canonical');
    assert.deepEqual(
      await languageLinks(page),
      expectedLanguageLinks(arabic, (other) => articlePath(other, other.translation.id)),
    );

    await page.goBack();
    await page.waitForURL(session.host.origin + articlePath(german, german.translation.id));
    await page.locator('article h1', { hasText: german.translation.headline }).waitFor();
    assert.deepEqual(await languageOf(page), expectedLanguage(german));
    assert.deepEqual(await liveAlternates(page), TRANSLATED_ALTERNATES);
    assert.deepEqual(await canonicalPaths(), [articlePath(german, german.translation.id)]);
  }));

test('the English link of the German front page redraws the edition\u2019s frame in English, within the app', () =>
  withPage(session.browser, async (page) => {
    const english = BY_ID.en;
    await openApp(page, session.host.origin + frontPath(BY_ID.de));
    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator('.footer-editions a', { hasText: 'English' }).click();
    await page.waitForURL(session.host.origin + frontPath(english));
    await page.locator('h1', { hasText: english.name }).waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load: the app moved');
    assert.deepEqual(await languageOf(page), expectedLanguage(english));
    assert.equal(await page.locator('nav.sections').getAttribute('aria-label'), english.texts.sections);
    assert.deepEqual(await page.locator('.sections-row a').allTextContents(), ['BRI News', 'Documents']);
    assert.equal(await page.locator('a.skip-link').textContent(), english.texts.skipLink);
    assert.equal(await page.locator('.front-latest li time').first().textContent(), english.newest.text);
    assert.deepEqual(await languageLinks(page, '.footer-editions'), expectedLanguageLinks(english, frontPath));
    assert.deepEqual(await liveAlternates(page), FRONT_ALTERNATES);
  }));

test('from a translated article to a neighbour without translations, the language links and alternates go', () =>
  withPage(session.browser, async (page) => {
    const arabic = BY_ID.ar;
    await openArticle(page, articlePath(arabic, arabic.translation.id));
    assert.deepEqual(await liveAlternates(page), TRANSLATED_ALTERNATES);
    const newer = page.locator('nav.neighbours a[rel="prev"]');
    assert.deepEqual((await articleSource('ar', 'mithal-tijara-iliktruniya')).translations, {}, 'no translations');
    assert.equal(await newer.getAttribute('href'), '/ar/article/mithal-tijara-iliktruniya');
    const headline = await newer.locator('.neighbour-headline').textContent();
    await newer.click();
    await page.locator('article h1', { hasText: headline }).waitFor();
    assert.equal(await page.locator('nav.languages').count(), 0);
    assert.deepEqual(await liveAlternates(page), []);
    assert.equal(await page.locator('head link[rel="canonical"]').count(), 1);
    assert.deepEqual(await languageOf(page), expectedLanguage(arabic));
  }));

test('the Arabic article is mirrored: breadcrumb order and separators, headline to the right; Latin words and digits stay', () =>
  withPage(session.browser, async (page) => {
    const arabic = BY_ID.ar;
    await openArticle(page, articlePath(arabic, arabic.translation.id));
    const crumbs = page.locator('nav.breadcrumb ol > li');
    assert.equal(await crumbs.count(), 4);
    assert.equal((await crumbs.first().textContent()).trim(), 'BRNN');
    const first = await crumbs.first().boundingBox();
    const last = await crumbs.last().boundingBox();
    assert.equal(Math.round(first.y), Math.round(last.y), 'the breadcrumb on one line');
    assert.ok(first.x >= last.x + last.width, `BRNN (x ${first.x}) right of the last crumb (ends at ${last.x + last.width})`);
    const separators = await crumbs.evaluateAll((items) => items.map((li) => getComputedStyle(li, '::before').content));
    assert.equal(separators[0], 'none', 'no separator before the first crumb');
    for (const separator of separators.slice(1)) assert.match(separator, /<</);
    for (const separator of separators.slice(1)) assert.doesNotMatch(separator, />>/);

    // Each line of the headline starts at the right edge of its box; the last, shorter one ends short of the left.
    const headline = await page.locator('article h1').evaluate((h1) => {
      const style = getComputedStyle(h1);
      const box = h1.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(h1);
      return {
        direction: style.direction,
        left: box.left + parseFloat(style.paddingLeft),
        right: box.right - parseFloat(style.paddingRight),
        lines: [...range.getClientRects()].map((line) => ({ left: line.left, right: line.right })),
      };
    });
    const shown = JSON.stringify(headline);
    assert.equal(headline.direction, 'rtl');
    assert.ok(headline.lines.length > 0, shown);
    for (const line of headline.lines) assert.ok(Math.abs(line.right - headline.right) <= 1, `each line starts at the right: ${shown}`);
    assert.ok(headline.lines.at(-1).left > headline.left + 20, `the last line leaves room on the left: ${shown}`);

    const body = await page.locator('.article-body').textContent();
    for (const word of ['brnn-news', 'GPS', '5G', '12', '4500']) assert.ok(body.includes(word), `the body has ${word}`);
    assert.equal(await page.locator('.dateline time').textContent(), arabic.translation.text);
  }));

describe('without JavaScript', () => {
  const plain = hostAndBrowser({ javaScript: false });

  test('the prerendered Arabic article is right to left, with its date and language links', () =>
    withPage(plain.browser, async (page) => {
      const arabic = BY_ID.ar;
      const response = await page.goto(plain.host.origin + articlePath(arabic, arabic.translation.id));
      assert.equal(response.status(), 200);
      assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app never ran');
      assert.deepEqual(await languageOf(page), expectedLanguage(arabic));
      assert.equal(await page.locator('article h1').textContent(), arabic.translation.headline);
      assert.equal(await page.locator('.dateline time').textContent(), arabic.translation.text);
      assert.equal(await page.locator('.dateline time').getAttribute('datetime'), arabic.translation.published.slice(0, 10));
      assert.equal(await page.locator('nav.languages').getAttribute('aria-label'), arabic.texts.languages);
      assert.deepEqual(
        await languageLinks(page),
        expectedLanguageLinks(arabic, (other) => articlePath(other, other.translation.id)),
      );
    }));
});
