// No broken internal link in the built site: a small crawler walks dist/ on
// the browser tests' static host (which answers as GitHub Pages does) from
// `/`, an unknown address (404.html), robots.txt, the sitemaps and every
// feed, and follows every address of the site that a page, sitemap or feed
// names. Each must answer 200, at most after the one redirect a host makes
// from a folder to its slash; a fragment must be an id of its page. No
// dependency: pages are read with regular expressions, which is enough for
// the markup the app renders. Nothing outside the host is fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from './browser/harness.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const skip = existsSync(DIST) ? false : 'dist/ is missing: run `trunk build --release` first';

/** Where the site lives (`[site] url` of content/network.toml, or BRNN_SITE_URL): feeds and sitemaps name it. */
function siteUrl() {
  if (process.env.BRNN_SITE_URL) return new URL(process.env.BRNN_SITE_URL);
  const toml = readFileSync(join(ROOT, 'content/network.toml'), 'utf8');
  const table = toml.split(/^\[site\][ \t]*$/m)[1]?.split(/^\[/m)[0] ?? '';
  const url = table.match(/^url\s*=\s*"([^"]+)"/m)?.[1];
  assert.ok(url, 'content/network.toml has a [site] url');
  return new URL(url);
}

const SITE = siteUrl();
// dist/ is served at the site's path, so the addresses the build wrote hold as they are.
const PREFIX = SITE.pathname.endsWith('/') ? SITE.pathname : `${SITE.pathname}/`;

// Links to these say where to connect, not what to fetch.
const ORIGIN_HINTS = new Set(['preconnect', 'dns-prefetch']);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    return String.fromCodePoint(Number(/^#x/i.test(name) ? `0${name.slice(1)}` : name.slice(1)));
  });

/** The tags of `html` with their attributes (names lower-cased, values decoded), in order. */
function tags(html) {
  // Comments and the text of scripts and styles hold no tags; the opening tag stays (its src counts).
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  const tag = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
  const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  return [...markup.matchAll(tag)].map(([, name, attributes]) => ({
    name: name.toLowerCase(),
    attrs: Object.fromEntries(
      [...attributes.matchAll(attribute)].map(([, key, ...value]) => [
        key.toLowerCase(),
        decode(value.find((v) => v !== undefined) ?? ''),
      ]),
    ),
  }));
}

/** The addresses a JSON-LD block names for crawlers (its url, item and @id values). */
function jsonLdAddresses(html) {
  const found = [];
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (['url', 'item', '@id'].includes(key) && typeof inner === 'string') found.push(inner);
        else walk(inner);
      }
    }
  };
  for (const [, json] of html.matchAll(/<script\b[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    walk(JSON.parse(json));
  }
  return found;
}

/**
 * What a page links to: { href, kind } as written, and its base (the first
 * <base href>, against which the browser resolves every relative address,
 * fragments too), and the ids its fragments may name.
 */
function readPage(html, url) {
  const all = tags(html);
  const base = new URL(all.find((t) => t.name === 'base' && 'href' in t.attrs)?.attrs.href ?? url, url);
  const links = [];
  const add = (href, kind) => href !== undefined && links.push({ href: href.trim(), kind });
  for (const { name, attrs } of all) {
    if (name === 'a') add(attrs.href, 'a href');
    if (name === 'link' && !(attrs.rel ?? '').split(/\s+/).some((rel) => ORIGIN_HINTS.has(rel))) {
      add(attrs.href, 'link href');
    }
    if (name === 'script') {
      add(attrs.src, 'script src');
      // boot.js imports these two: the app's JavaScript and wasm.
      add(attrs['data-js'], 'script data-js');
      add(attrs['data-wasm'], 'script data-wasm');
    }
    if (name === 'img') {
      add(attrs.src, 'img src');
      for (const candidate of (attrs.srcset ?? '').split(',').filter((c) => c.trim())) {
        add(candidate.trim().split(/\s+/)[0], 'img srcset');
      }
    }
    if (name === 'meta' && attrs.property === 'og:url') add(attrs.content, 'og:url');
  }
  for (const href of jsonLdAddresses(html)) add(href, 'JSON-LD');
  const ids = new Set(all.filter((t) => 'id' in t.attrs).map((t) => t.attrs.id));
  return { base, links, ids };
}

/** The addresses a sitemap, an RSS or Atom feed, a JSON Feed or robots.txt names, by what names them. */
function readDocument(text, path) {
  if (path.endsWith('/robots.txt')) {
    return [...text.matchAll(/^sitemap:\s*(\S+)/gim)].map(([, url]) => ({ href: url, kind: 'Sitemap:' }));
  }
  if (path.endsWith('.json')) {
    const feed = JSON.parse(text);
    const named = [
      ['home_page_url', feed.home_page_url],
      ['feed_url', feed.feed_url],
      ['next_url', feed.next_url],
      ...(feed.items ?? []).map((item) => ['items[].url', item.url]),
    ];
    return named.filter(([, url]) => url !== undefined).map(([kind, url]) => ({ href: url, kind }));
  }
  const found = [];
  for (const [, loc] of text.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)) found.push({ href: decode(loc), kind: '<loc>' });
  // RSS: <link>address</link>, and a <guid> unless it says it is no address.
  for (const [, link] of text.matchAll(/<link>\s*([^<]*?)\s*<\/link>/g)) {
    found.push({ href: decode(link), kind: '<link>' });
  }
  for (const [, attrs, guid] of text.matchAll(/<guid\b([^>]*)>\s*([^<]*?)\s*<\/guid>/g)) {
    if (!/isPermaLink\s*=\s*["']false["']/.test(attrs)) found.push({ href: decode(guid), kind: '<guid>' });
  }
  // Atom's <link href>, and RSS's <atom:link href> to itself.
  for (const { attrs } of tags(text).filter((t) => /^(atom:)?link$/.test(t.name))) {
    if (attrs.href !== undefined) found.push({ href: attrs.href, kind: '<link href>' });
  }
  return found;
}

/**
 * Walks the site on `host` and returns what it found: `broken`, one line per
 * broken link with the pages that have it, and counts of what was checked.
 */
async function crawlSite(host) {
  const origin = new URL(host.origin);
  const visited = new Map(); // address without fragment -> { expect, from, final, ids, problem }
  const queue = [];
  const problems = new Map(); // problem -> Set of where it was found
  const fragments = []; // { target, id, from, href }
  let links = 0;

  const report = (problem, from) => {
    if (!problems.has(problem)) problems.set(problem, new Set());
    problems.get(problem).add(from);
  };
  const show = (url) => (url.origin === origin.origin ? url.pathname + url.search + url.hash : url.href);

  /** The address on the local host of a site address (absolute at `[site] url` or local), else null. */
  const local = (url) => {
    if (url.origin === origin.origin) return url;
    if (url.origin === SITE.origin && url.pathname.startsWith(PREFIX)) {
      return new URL(url.pathname + url.search + url.hash, origin);
    }
    return null;
  };

  const enqueue = (url, from, expect = 200) => {
    const key = url.href.replace(/#.*$/, '');
    if (!visited.has(key)) {
      visited.set(key, { expect, from });
      queue.push(key);
    }
  };

  /** Checks and queues one link of `from`; `strict` when everything it names must be on the site (sitemaps). */
  const follow = ({ href, kind }, from, base, strict = false) => {
    if (href === '') return report(`${kind} is empty`, from);
    let url;
    try {
      url = new URL(href, base);
    } catch {
      return report(`${kind} "${href}" is no address`, from);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return; // mailto:, tel:, data: …
    const target = local(url);
    if (!target) {
      if (strict) report(`${kind} ${href} is not below the site's address ${SITE.href}`, from);
      return; // Another site's address: not ours to check.
    }
    links += 1;
    if (href.startsWith('#')) {
      // Meant for this page; a <base href> elsewhere sends it to another one.
      const page = new URL(from, origin).href.replace(/#.*$/, '');
      if (target.href.replace(/#.*$/, '') !== page) {
        const where = `<base href="${show(base)}"> resolves it to ${show(target)}`;
        return report(`${kind} "${href}" leaves the page: ${where}`, from);
      }
    }
    const id = decodeURIComponent(target.hash.slice(1));
    if (id) fragments.push({ target: target.href.replace(/#.*$/, ''), id, from, href });
    enqueue(target, from);
  };

  /** GETs `key`, following only the redirect from a folder's address to its slash. */
  const load = async (key) => {
    let response = await fetch(key, { redirect: 'manual' });
    let url = new URL(key);
    if ([301, 302, 307, 308].includes(response.status)) {
      const location = new URL(response.headers.get('location') ?? '', url);
      if (location.origin !== url.origin || location.pathname !== `${url.pathname}/`) {
        return { problem: `redirects (${response.status}) to ${show(location)}, not to its own address with a slash` };
      }
      url = location;
      response = await fetch(url, { redirect: 'manual' });
    }
    return { url, response };
  };

  // Where a crawler or a reader comes in.
  const start = (path, expect) => enqueue(new URL(PREFIX + path, origin), 'the crawl', expect);
  start('');
  start('nichts/da', 404); // An unknown address: 404.html, whose links count too.
  start('robots.txt');
  start('sitemap.xml');
  const feeds = readdirSync(join(DIST, 'feeds'), { recursive: true }).filter((name) => /\.(xml|json)$/.test(name));
  for (const feed of feeds) start(`feeds/${feed}`);

  let pages = 0;
  let documents = 0;
  while (queue.length > 0) {
    const key = queue.shift();
    const entry = visited.get(key);
    const { url, response, problem } = await load(key);
    const name = show(new URL(key));
    if (problem) {
      entry.problem = `${name} ${problem}`;
      report(entry.problem, entry.from);
      continue;
    }
    entry.final = url.pathname;
    if (response.status !== entry.expect) {
      entry.problem = `${name} answers ${response.status}`;
      report(entry.problem, entry.from);
      await response.body?.cancel();
      continue;
    }
    const type = response.headers.get('content-type') ?? '';
    const path = url.pathname;
    if (type.startsWith('text/html')) {
      const page = readPage(await response.text(), url);
      entry.ids = page.ids;
      pages += 1;
      for (const link of page.links) follow(link, show(url), page.base);
    } else if (
      path.endsWith('/robots.txt') ||
      path.endsWith('/sitemap.xml') ||
      path.startsWith(`${PREFIX}sitemaps/`) ||
      path.startsWith(`${PREFIX}feeds/`)
    ) {
      documents += 1;
      const strict = path.endsWith('/robots.txt') || path.endsWith('/sitemap.xml') || path.includes('/sitemaps/');
      for (const link of readDocument(await response.text(), path)) follow(link, show(url), url, strict);
    } else {
      await response.body?.cancel();
    }
  }

  for (const { target, id, from, href } of fragments) {
    const entry = visited.get(target);
    if (entry.problem) continue; // Already reported as broken.
    if (!entry.ids) report(`"${href}" names a fragment in ${show(new URL(target))}, which is no HTML page`, from);
    else if (!entry.ids.has(id)) report(`"${href}": ${show(new URL(target))} has no id="${id}"`, from);
  }

  const broken = [...problems].map(([problem, where]) => {
    const list = [...where];
    const more = list.length > 5 ? ` and ${list.length - 5} more` : '';
    return `${problem} (on ${list.slice(0, 5).join(', ')}${more})`;
  });
  const reached = new Set([...visited].flatMap(([key, { final }]) => [new URL(key).pathname, final]));
  return { broken, links, pages, documents, addresses: visited.size, reached };
}

let host;
let crawl;

before(async () => {
  if (skip) return;
  host = await startHost({ prefix: PREFIX });
  crawl = await crawlSite(host);
});

after(async () => {
  await host?.close();
});

test('no internal link is broken', { skip }, (t) => {
  t.diagnostic(
    `${crawl.links} links to ${crawl.addresses} addresses checked, ` +
      `found on ${crawl.pages} pages and ${crawl.documents} sitemaps, feeds and robots.txt`,
  );
  assert.deepEqual(crawl.broken, [], `${crawl.broken.length} broken links:\n${crawl.broken.join('\n')}`);
});

test('the crawl reaches every page of dist/ and every feed', { skip }, () => {
  // Else the links above were checked on part of the site only (or every address was another site's).
  const address = (name) => PREFIX + name.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
  const files = readdirSync(DIST, { recursive: true }).filter(
    // Not-found pages answer addresses that lead nowhere; the search pages
    // are reached by the header's search form (tests/browser/search.test.mjs);
    // the offline pages are shown by the service worker (tests/browser/offline.test.mjs).
    (name) =>
      (name.endsWith('.html') && !/(^|\/)(404|search|offline)\.html$/.test(name)) ||
      /^(feeds|sitemaps)\/.*\.(xml|json)$/.test(name),
  );
  const missed = files.filter((name) => !crawl.reached.has(address(name)));
  assert.deepEqual(missed, [], `no link leads to: ${missed.join(', ')}`);
});

test('every edition’s footer, on every kind of page, links each of its pages of the house', { skip }, () => {
  const editions = readdirSync(join(DIST, 'api/v2'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(DIST, 'api/v2', entry.name, 'edition.json')))
    .map((entry) => entry.name);
  assert.ok(editions.length > 0);
  for (const id of editions) {
    const edition = JSON.parse(readFileSync(join(DIST, 'api/v2', id, 'edition.json'), 'utf8'));
    assert.ok(edition.pages?.length > 0, `${id}: pages of the house`);
    const front = readFileSync(join(DIST, id, 'index.html'), 'utf8');
    const article = readdirSync(join(DIST, id, 'article')).find((name) => name.endsWith('.html'));
    for (const html of [front, readFileSync(join(DIST, id, 'article', article), 'utf8')]) {
      const footer = html.split('<footer class="site-footer"')[1]?.split('</footer>')[0] ?? '';
      for (const { slug } of edition.pages) {
        const path = `${PREFIX}${id}/info/${slug}`;
        assert.ok(footer.includes(`href="${path}"`), `${id}: the footer links ${path}`);
        assert.ok(crawl.reached.has(path), `the crawl reached ${path}`);
      }
    }
  }
});
