// deploy/nginx/brnn-news.conf in a real nginx on a loopback port, serving the
// built site (dist/): status, type and cache headers for each kind of address,
// and on every answer the security headers that dist/_headers (public/_headers
// as built) gives Netlify and Cloudflare Pages; the pages' <meta> policy is
// the same one. Needs Debian's nginx (scripts/setup --browser installs it);
// skipped only when there is no build to serve.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headersFor, readHeaderRules } from './browser/harness.mjs';
import { startNginx } from './nginx-host.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const skip = existsSync(DIST) ? false : 'dist/ is missing: run `trunk build --release` first';

/** Every file of dist/, as paths relative to it (none when there is no build). */
const FILES = skip ? [] : readdirSync(DIST, { recursive: true });
// Trunk writes its hash as a number in hex, without leading zeros: 16 digits mostly, fewer at times.
const HASHED = (kind) => FILES.find((name) => new RegExp(`^[^/]+-[0-9a-f]{8,16}${kind}$`).test(name));

const HTML = 'text/html; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const server = {};

/** The headers every answer carries, with their values in dist/_headers (read in `before`). */
const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'speculation-rules'];
let shipped = {};
let rules = [];

before(async () => {
  if (skip) return;
  rules = await readHeaderRules(DIST + '/');
  shipped = headersFor(rules, '/');
  for (const name of SECURITY) assert.ok(shipped[name], `dist/_headers sets ${name} for /`);
  Object.assign(server, await startNginx(DIST));
});

after(async () => {
  await server.close?.();
});

/**
 * GETs `path` without following redirects; every answer, errors too, must
 * carry nosniff and the other security headers of dist/_headers.
 */
async function get(path, headers = {}) {
  const response = await fetch(server.origin + path, { redirect: 'manual', headers });
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${path}: X-Content-Type-Options`);
  for (const name of SECURITY) assert.equal(response.headers.get(name), shipped[name], `${path}: ${name}`);
  return response;
}

const bytes = async (response) => Buffer.from(await response.arrayBuffer());

/** Asserts that `path` answers 200 with the bytes of `file` (relative to dist/), as `type`. */
async function assertServes(path, file, type) {
  const response = await get(path);
  assert.equal(response.status, 200, path);
  assert.equal(response.headers.get('content-type'), type, `${path}: Content-Type`);
  assert.ok((await bytes(response)).equals(await readFile(join(DIST, file))), `${path} serves dist/${file}`);
  return response;
}

/** The file the layout puts a page's address in: a folder's index.html, else <address>.html. */
function fileOf(path) {
  const candidates = path.endsWith('/') ? [`${path}index.html`] : [`${path}.html`, `${path}/index.html`];
  const file = candidates.map((name) => name.slice(1)).find((name) => existsSync(join(DIST, name)));
  assert.ok(file, `${path}: dist/ has none of ${candidates.join(', ')}`);
  return file;
}

/** The paths of every page in the sitemaps, which name them at `[site] url` (content/network.toml). */
async function sitemapPages() {
  const toml = await readFile(join(ROOT, 'content/network.toml'), 'utf8');
  const site = (process.env.BRNN_SITE_URL ?? toml.match(/^url\s*=\s*"([^"]+)"/m)[1]).replace(/\/$/, '');
  const paths = async (xml) =>
    [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => {
      assert.ok(loc.startsWith(site + '/'), `${loc} is not below the site's address ${site}/`);
      return loc.slice(site.length);
    });
  const pages = [];
  for (const sitemap of await paths(await readFile(join(DIST, 'sitemap.xml'), 'utf8'))) {
    const response = await get(sitemap);
    assert.equal(response.status, 200, sitemap);
    assert.equal(response.headers.get('content-type'), 'application/xml', `${sitemap}: Content-Type`);
    pages.push(...(await paths(await response.text())));
  }
  return pages;
}

test('every address in the sitemaps is its page: 200, HTML, no-cache', { skip }, async () => {
  const pages = await sitemapPages();
  assert.ok(pages.some((path) => path.includes('/article/')), 'the sitemaps name articles');
  assert.ok(pages.some((path) => path.includes('/section/')), 'the sitemaps name sections');
  for (const path of pages) {
    const response = await assertServes(path, fileOf(path), HTML);
    assert.equal(response.headers.get('cache-control'), 'no-cache', `${path}: Cache-Control`);
  }
});

test('the network home and every page file in dist/ answer at their address', { skip }, async () => {
  const pages = FILES.filter((name) => name.endsWith('.html') && name !== '404.html');
  // de/section/a/index.html is /de/section/a/, de/pages/2.html is /de/pages/2.
  const address = (name) => '/' + name.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
  assert.ok(pages.includes('index.html'));
  for (const name of pages) await assertServes(address(name), name, HTML);
});

const noPage1 = !FILES.includes('de/pages/1.html') && 'dist/ has no de/pages/1.html';
test('the oldest page of the front page', { skip: skip || noPage1 }, () => assertServes('/de/pages/1', 'de/pages/1.html', HTML));

test('a section at its old address without the slash: the page, or a redirect to the slash', { skip }, async () => {
  const sections = (await sitemapPages()).filter((path) => path.includes('/section/'));
  assert.ok(sections.length > 0);
  for (const section of sections) {
    const old = section.replace(/\/$/, '');
    const response = await get(old);
    if (response.status === 200) {
      assert.equal(response.headers.get('content-type'), HTML, old);
      const page = await readFile(join(DIST, old, 'index.html'));
      assert.ok((await bytes(response)).equals(page), `${old} serves its folder's index.html`);
    } else {
      assert.ok([301, 308].includes(response.status), `${old}: status ${response.status}`);
      assert.equal(new URL(response.headers.get('location'), server.origin).pathname, `${old}/`, `${old}: Location`);
    }
  }
});

test('unknown addresses answer 404 with their edition\u2019s not-found page, or 404.html', { skip }, async () => {
  // de/article/ is a folder without index.html: nginx would say 403.
  const cases = [
    ['/de/article/gibt-es-nicht', 'de/404.html'],
    ['/de/article/', 'de/404.html'],
    ['/ar/article/la-yujad', 'ar/404.html'],
    ['/de/info/gibt-es-nicht', 'de/404.html'],
    ['/de/archive/1999/01/01', 'de/404.html'],
    ['/nichts/da', '404.html'],
    ['/nichts', '404.html'],
    // The build's own records are no page.
    ['/.brnn/manifest.tsv', '404.html'],
    ['/.brnn/changes.txt', '404.html'],
  ];
  for (const [path, file] of cases) {
    const response = await get(path);
    assert.equal(response.status, 404, path);
    assert.equal(response.headers.get('content-type'), HTML, `${path}: Content-Type`);
    assert.equal(response.headers.get('cache-control'), 'no-cache', `${path}: Cache-Control`);
    assert.ok((await bytes(response)).equals(await readFile(join(DIST, file))), `${path} serves ${file}`);
  }
});

test("Trunk's hashed files are immutable, and compressed on request", { skip }, async () => {
  const kinds = [
    ['_bg.wasm', /^application\/wasm$/],
    ['.js', /^text\/javascript(;|$)/],
    ['.css', /^text\/css(;|$)/],
  ];
  for (const [kind, type] of kinds) {
    const name = HASHED(kind.replace('.', '\\.'));
    assert.ok(name, `dist/ has a *-<16 hex digits>${kind}`);
    const response = await get('/' + name, { 'accept-encoding': 'gzip' });
    assert.equal(response.status, 200, name);
    assert.match(response.headers.get('content-type'), type, `${name}: Content-Type`);
    assert.equal(response.headers.get('cache-control'), IMMUTABLE, `${name}: Cache-Control`);
    assert.equal(response.headers.get('content-encoding'), 'gzip', `${name}: Content-Encoding`);
    assert.equal(response.headers.get('vary'), 'Accept-Encoding', `${name}: Vary`);
    // fetch undoes the gzip: what arrives must be the file.
    assert.ok((await bytes(response)).equals(await readFile(join(DIST, name))), `${name} arrives whole`);
  }
});

test('pages, the endpoint, feeds, sitemaps and robots.txt are revalidated (no-cache)', { skip }, async () => {
  const article = FILES.find((name) => /^de\/article\/[^/]+\.html$/.test(name));
  const kinds = [
    ['/', HTML],
    ...(article ? [['/' + article.replace(/\.html$/, ''), HTML]] : []),
    ['/api/v2/de/edition.json', 'application/json'],
    ['/feeds/de/rss.xml', 'application/xml'],
    ['/feeds/de/atom.xml', 'application/xml'],
    ['/sitemap.xml', 'application/xml'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
  ];
  for (const [path, type] of kinds) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), type, `${path}: Content-Type`);
    assert.equal(response.headers.get('cache-control'), 'no-cache', `${path}: Cache-Control`);
  }
  const feed = await get('/feeds/de/feed.json');
  assert.match(feed.headers.get('content-type'), /^application\/(feed\+)?json$/);
});

test('a page, a wasm file and a 404 carry the policy and the other headers of _headers', { skip }, async () => {
  const wasm = HASHED('_bg\\.wasm');
  assert.ok(wasm, 'dist/ has the hashed wasm');
  const article = FILES.find((name) => /^de\/article\/[^/]+\.html$/.test(name)).replace(/\.html$/, '');
  for (const [path, status] of [
    ['/', 200],
    ['/' + article, 200],
    ['/' + wasm, 200],
    ['/boot.js', 200],
    ['/api/v2/de/edition.json', 200],
    ['/gibt/es/nicht', 404],
    ['/' + wasm.replace(/-[0-9a-f]{8,16}_bg/, '-0000000000000000_bg'), 404],
  ]) {
    // get() checks the security headers.
    const response = await get(path);
    assert.equal(response.status, status, path);
    // _headers sets Cache-Control only where nginx says immutable; elsewhere
    // the hosts' default revalidates as no-cache does.
    const cache = headersFor(rules, path)['cache-control'] ?? 'no-cache';
    if (status === 200) assert.equal(response.headers.get('cache-control'), cache, `${path}: Cache-Control`);
  }
  assert.match(shipped['content-security-policy'], /(^|; )frame-ancestors 'none'(;|$)/);
});

test('every answer names the speculation rules, served as their own type', { skip }, async () => {
  assert.equal(shipped['speculation-rules'], '"/speculation-rules.json"');
  // get() checks that the header is on each answer, as _headers has it.
  await assertServes('/speculation-rules.json', 'speculation-rules.json', 'application/speculationrules+json');
  assert.equal(headersFor(rules, '/speculation-rules.json')['content-type'], 'application/speculationrules+json', '_headers says so too');
});

test("the photos' renditions are immutable, with their media types", { skip }, async () => {
  for (const [extension, type] of [['webp', 'image/webp'], ['jpg', 'image/jpeg']]) {
    const name = FILES.find((file) => new RegExp(`^api/v2/media/[^/]+-[0-9a-f]{16}\\.${extension}$`).test(file));
    assert.ok(name, `dist/ has a rendition .${extension}`);
    const response = await get('/' + name);
    assert.equal(response.status, 200, name);
    assert.equal(response.headers.get('content-type'), type, `${name}: Content-Type`);
    assert.equal(response.headers.get('cache-control'), IMMUTABLE, `${name}: Cache-Control`);
  }
});

test("_headers makes immutable exactly the files nginx does: Trunk's hashed ones and the photos' renditions", { skip }, () => {
  const hashed = /^([^/]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)|api\/v2\/media\/[^/]+-[0-9a-f]{16}\.(webp|jpg))$/;
  assert.ok(FILES.some((name) => hashed.test(name)));
  for (const name of FILES) {
    const cache = headersFor(rules, '/' + name)['cache-control'];
    assert.equal(cache, hashed.test(name) ? IMMUTABLE : undefined, `/${name}: Cache-Control in _headers`);
  }
});

test('every page has the policy first in its head, as in _headers but for frame-ancestors', { skip }, async () => {
  const policy = shipped['content-security-policy']
    .split(/;\s*/)
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  const pages = FILES.filter((name) => name.endsWith('.html'));
  assert.ok(pages.includes('404.html'));
  for (const name of pages) {
    const html = await readFile(join(DIST, name), 'utf8');
    const head = /<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
    const first = head.exec(html);
    assert.ok(first, `${name}: the policy's <meta> right after <meta charset>`);
    assert.equal(first[1], policy, `${name}: the <meta> policy`);
    assert.equal(html.match(/http-equiv="Content-Security-Policy"/g).length, 1, `${name}: one <meta> policy`);
  }
});
