// Offline reading (README.md, Offline reading): the service worker keeps the
// articles the reader opened and the edition's front page, so that a reader
// on a train reads them again with the network gone.
//
// - The site's hashed files (Trunk's `name-<hash>.js`, `_bg.wasm`, `.css`)
//   never change under their name: from the cache, else the network.
// - Pages and the endpoint's JSON documents (api/v2/): from the network, so a
//   reader online always sees the newest; when it fails or takes longer
//   than NETWORK_TIMEOUT_MS, the kept copy, if any.
// - Kept: each article page the reader opened, the last SAVED_ARTICLES_LIMIT
//   of them (the oldest opened goes first), each edition's front page the
//   reader opened, and what those pages need (their stylesheet, boot.js, the
//   app's files once the app ran). A page the app shows without loading it
//   (history.pushState) is reported by public/boot.js (`{ opened: url }`);
//   the worker then fetches its page and keeps it. So does a page the worker
//   does not control (opened before the worker ran), for itself
//   (`{ opened: url, claim }`, `claim` when no page of the site led to it:
//   the worker takes it over) and for the app's files once the app ran there
//   (`{ app: [url, …] }`), which it fetched past the worker. A kept page's documents
//   (which it carries, for the app) are kept as the endpoint's, so the app
//   finds them offline too. A document the app fetched ahead (prefetch) is
//   no article opened: it is kept only if its page is.
// - An address not kept, offline: the edition's offline page
//   (`{edition}/offline`, written by the content tool in the edition's
//   language) with the kept articles listed.
//
// One cache per build of the app (`?build=`, the wasm's hash, which
// public/boot.js registers this file with): a deployment registers a new
// worker at the reader's next page load, which takes over at once (it skips
// waiting: the pages the older one controls are this one's from then on,
// and every navigation after it is answered here), carries the kept pages
// over to its cache (with the stylesheets they name, not an older app) and
// deletes the older caches. It claims the pages it does not control only
// when one that no page of the site led to asks (public/boot.js), not when it
// starts: a claim drops every such page kept in the back/forward cache
// (Chromium: ServiceWorkerClaim), and the reader's first page, left before
// the worker ran, would come back as a page load. (Chromium also drops a
// cached page the older worker controls when this one takes over,
// ServiceWorkerVersionActivation: the price of a deployment taken up at the
// next navigation, once per deployment.) Only same-origin requests below
// the site's base are answered here; a remote endpoint's go to the network.

const BUILD = new URL(location.href).searchParams.get('build') ?? 'unversioned';
const CACHE_PREFIX = 'brnn-news-';
const CACHE = CACHE_PREFIX + BUILD;
const SCOPE = new URL(self.registration.scope);
const NETWORK_TIMEOUT_MS = 3000;
const SAVED_ARTICLES_LIMIT = 100;
/** The kept articles, oldest first: `{ page, title, lang, dir, document }` (addresses as cache keys). */
const INDEX_KEY = new URL('sw-saved-articles.json', SCOPE).href;
/** Where the offline page lists the kept articles: crates/content/src/build/offline.rs writes the same two comments. */
const ARTICLES_START = '<!--brnn-offline-articles-->';
const ARTICLES_END = '<!--/brnn-offline-articles-->';

// Paths below the site's base.
// Trunk writes its hash (a 64-bit number) in hex without leading zeros: as
// deploy/nginx/ does, 8 to 16 digits.
const HASHED_FILE = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
const ARTICLE_PAGE = /^([a-z0-9-]+)\/article\/([a-z0-9-]+)$/;
const FRONT_PAGE = /^([a-z0-9-]+)\/$/;
const ARTICLE_DOCUMENT = /^api\/v2\/([a-z0-9-]+)\/articles\/([a-z0-9-]+)\.json$/;
const FRONT_DOCUMENT = /^api\/v2\/([a-z0-9-]+)\/(front|edition)\.json$/;
/** Not hashed, needed by every page and the app: network-first, kept. */
const SCRIPT = /^(boot\.js|search_index\.js|snippets\/.+\.js)$/;

/** `url`'s path below the site's base, or null for an address outside it. */
function below(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname)
    ? url.pathname.slice(SCOPE.pathname.length)
    : null;
}

/** The key an address is kept under: without its query (the same page). */
const keyOf = (path) => new URL(path, SCOPE).href;

self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));

self.addEventListener('activate', (event) => event.waitUntil(activate()));

self.addEventListener('message', (event) => {
  const { opened, claim, app } = event.data ?? {};
  const path = typeof opened === 'string' ? below(new URL(opened)) : null;
  if (claim === true) event.waitUntil(self.clients.claim());
  if (path !== null) event.waitUntil(keepOpened(path));
  if (Array.isArray(app)) event.waitUntil(keepApp(app));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const path = below(url);
  if (request.method !== 'GET' || path === null) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, path));
  } else if (HASHED_FILE.test(path)) {
    event.respondWith(hashedFile(request));
  } else if (path.startsWith('api/v2/') && path.endsWith('.json')) {
    event.respondWith(endpointDocument(event, path));
  } else if (SCRIPT.test(path)) {
    event.respondWith(
      networkFirst(event, path, (response) => put(path, response)).then((response) => response ?? Response.error()),
    );
  }
});

/**
 * A page: the network's, else the kept copy, else the offline page. A page
 * the browser fetches ahead (speculation rules, `Sec-Purpose: prefetch`) is
 * not opened, so not kept.
 */
async function page(event, path) {
  const ahead = /prefetch/.test(event.request.headers.get('sec-purpose') ?? '');
  const opened = !ahead && (ARTICLE_PAGE.test(path) || FRONT_PAGE.test(path));
  const keep = opened ? (response) => keepPage(path, response) : null;
  return (await networkFirst(event, path, keep)) ?? offlinePage(path);
}

/** A document of the endpoint: the network's, else the kept copy (else a network error, which the app shows with a retry). */
async function endpointDocument(event, path) {
  const article = ARTICLE_DOCUMENT.exec(path);
  const front = FRONT_DOCUMENT.exec(path);
  const page = article ? `${article[1]}/article/${article[2]}` : front ? `${front[1]}/` : null;
  const keep = page && (async (response) => (await isKept(page)) && put(path, response));
  return (await networkFirst(event, path, keep)) ?? Response.error();
}

async function hashedFile(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * The network's answer to a request for `path` (every answer, a late one
 * too, handed to `keep` when it is a success); when the network fails or is
 * slower than NETWORK_TIMEOUT_MS, the kept copy; without one, the network's
 * answer after all, or undefined when there is none.
 */
async function networkFirst(event, path, keep) {
  const network = fetch(event.request);
  // Cloned before anyone reads the answer; waited for, so the worker stays up until it is kept.
  event.waitUntil(
    network.then((response) => (keep && isKeepable(response) ? keep(response.clone()) : undefined)).catch(() => {}),
  );
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));
  try {
    const answer = await Promise.race([network, timeout]);
    if (answer) return answer;
  } catch {
    // Offline, or the connection failed: the kept copy.
  }
  const kept = await (await caches.open(CACHE)).match(keyOf(path), { ignoreVary: true });
  return kept ?? network.catch(() => undefined);
}

/** A redirected answer cannot stand for a page's own (the browser refuses it for a navigation). */
const isKeepable = (response) => response.ok && !response.redirected && response.type === 'basic';

const isKept = async (path) => (await (await caches.open(CACHE)).match(keyOf(path), { ignoreVary: true })) !== undefined;

async function put(path, response) {
  await (await caches.open(CACHE)).put(keyOf(path), response);
}

/** Fetches `path` and keeps it, unless it is kept already; true if it is kept now. */
async function ensureKept(path, keep = (response) => put(path, response)) {
  if (await isKept(path)) return true;
  try {
    const response = await fetch(keyOf(path));
    if (!isKeepable(response)) return false;
    await keep(response);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps the page at `path` (an article or a front page) and what it needs:
 * the documents it carries, its edition's offline page, its stylesheet and
 * scripts; an article goes into the index as the newest.
 */
async function keepPage(path, response) {
  const html = await response.clone().text();
  await put(path, response);
  const documents = carriedDocuments(html);
  await Promise.all(documents.map(({ path, json }) => put(path, new Response(json, { headers: JSON_HEADERS }))));
  const [, edition] = ARTICLE_PAGE.exec(path) ?? FRONT_PAGE.exec(path);
  await Promise.all([ensureKept(`${edition}/offline`), ...headFiles(html).map((file) => ensureKept(file))]);
  if (ARTICLE_PAGE.test(path)) {
    const meta = (pattern) => unescapeHtml(pattern.exec(html)?.[1] ?? '');
    const document = documents.find((carried) => ARTICLE_DOCUMENT.test(carried.path));
    await remember(keyOf(path), {
      title: meta(/<meta property="og:title" content="([^"]*)"/) || meta(/<title>([^<]*)<\/title>/),
      lang: meta(/<html lang="([^"]*)"/),
      dir: meta(/<html[^>]* dir="([^"]*)"/) || 'auto',
      document: document && keyOf(document.path),
    });
  }
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The endpoint's documents a page carries for the app (src/prerender.rs:
 * `<script type="application/json" data-brnn-document="de/articles/x.json">`,
 * its `<`, `>` and `&` escaped as JSON allows), with their paths below the base.
 */
function carriedDocuments(html) {
  return [...html.matchAll(/<script type="application\/json" data-brnn-document="([^"]+)">([^<]*)<\/script>/g)].map(
    ([, path, json]) => ({ path: `api/v2/${unescapeHtml(path)}`, json }),
  );
}

/** The page at `path` the app showed, if an article or a front page: fetched and kept, or, kept already, an article made the newest. */
async function keepOpened(path) {
  if (!ARTICLE_PAGE.test(path) && !FRONT_PAGE.test(path)) return;
  const kept = await isKept(path);
  if (!kept) await ensureKept(path, (response) => keepPage(path, response));
  else if (ARTICLE_PAGE.test(path)) await remember(keyOf(path), {});
}

/** The files of this build's app among `urls` (what a page fetched, once the app ran there), kept: a page this worker did not control then fetched them past it. */
async function keepApp(urls) {
  const paths = urls
    .filter((url) => typeof url === 'string')
    .map((url) => below(new URL(url)))
    .filter((path) => path !== null && (SCRIPT.test(path) || (HASHED_FILE.test(path) && path.includes(BUILD))));
  await Promise.all([...new Set(paths)].map((path) => ensureKept(path)));
}

/** The stylesheets and scripts a page's head names, as paths below the base. */
function headFiles(html) {
  const head = html.split('</head>')[0];
  return [...head.matchAll(/<(?:link rel="stylesheet" href|script type="module" src)="([^"]+)"/g)]
    .map(([, address]) => below(new URL(unescapeHtml(address), SCOPE)))
    .filter((path) => path !== null);
}

// Index changes one after another: each reads what the one before wrote.
let indexChanges = Promise.resolve();

/**
 * Records the article at `page` (a key) with `fields` as the newest kept,
 * and drops the oldest beyond SAVED_ARTICLES_LIMIT with their page and
 * document.
 */
function remember(page, fields) {
  indexChanges = indexChanges.then(async () => {
    const cache = await caches.open(CACHE);
    const index = await readIndex(cache);
    const known = index.find((entry) => entry.page === page);
    const kept = [...index.filter((entry) => entry !== known), { ...known, page, ...fields }];
    const dropped = kept.splice(0, Math.max(0, kept.length - SAVED_ARTICLES_LIMIT));
    await cache.put(INDEX_KEY, new Response(JSON.stringify(kept), { headers: JSON_HEADERS }));
    await Promise.all(
      dropped.flatMap((entry) => [entry.page, entry.document].filter(Boolean).map((key) => cache.delete(key))),
    );
  });
  // A copy that cannot be kept (storage full, refused) leaves the reader as without this worker.
  indexChanges = indexChanges.catch(() => {});
  return indexChanges;
}

async function readIndex(cache) {
  const response = await cache.match(INDEX_KEY);
  return response ? response.json() : [];
}

/** The offline page of the edition `path` lies in (else of any edition kept), listing the kept articles, newest first. */
async function offlinePage(path) {
  const cache = await caches.open(CACHE);
  const edition = path.split('/')[0];
  const ownPage = edition && (await cache.match(keyOf(`${edition}/offline`), { ignoreVary: true }));
  const anyKey = (await cache.keys()).find((request) => /^[a-z0-9-]+\/offline$/.test(below(new URL(request.url))));
  const shell = ownPage || (anyKey && (await cache.match(anyKey, { ignoreVary: true })));
  if (!shell) return Response.error();
  const html = await shell.text();
  const articles = (await readIndex(cache)).filter((entry) => entry.title).reverse();
  const start = html.indexOf(ARTICLES_START);
  const end = html.indexOf(ARTICLES_END);
  const list = articles
    .map(
      ({ page, title, lang, dir }) =>
        `<li lang="${escapeHtml(lang)}" dir="${escapeHtml(dir)}"><a href="${escapeHtml(page)}">${escapeHtml(title)}</a></li>`,
    )
    .join('');
  const filled =
    articles.length > 0 && start !== -1 && end > start
      ? `${html.slice(0, start + ARTICLES_START.length)}<ul class="saved-articles">${list}</ul>${html.slice(end)}`
      : html;
  const headers = new Headers(shell.headers);
  headers.delete('content-length');
  return new Response(filled, { headers });
}

const escapeHtml = (text) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Text as the pages escape it in an attribute or a title (`head.rs`): `&`, `<`, `>`, `"`. */
const unescapeHtml = (text) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]);

async function activate() {
  const cache = await caches.open(CACHE);
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE) {
      await carryOver(await caches.open(name), cache);
      await caches.delete(name);
    }
  }
  // No clients.claim() here (see above): a page opened before this worker
  // ran reports itself, and asks for it where that drops no cached page.
}

/**
 * Copies what an older build's cache `from` kept into `to`: the pages,
 * documents, index and scripts, and of the hashed files the stylesheets the
 * kept pages name and this build's app; the offline pages anew from the
 * network, as this build writes them, when it answers.
 */
async function carryOver(from, to) {
  const requests = await from.keys();
  const named = new Set();
  for (const request of requests) {
    const path = below(new URL(request.url));
    if (path === null || HASHED_FILE.test(path)) continue;
    const response = await from.match(request);
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      for (const file of headFiles(await response.clone().text())) named.add(file);
    }
    await to.put(request, response);
    if (/^[a-z0-9-]+\/offline$/.test(path)) {
      await fetch(request.url)
        .then((fresh) => isKeepable(fresh) && to.put(request, fresh))
        .catch(() => {});
    }
  }
  for (const request of requests) {
    const path = below(new URL(request.url));
    if (path !== null && HASHED_FILE.test(path) && ((path.endsWith('.css') && named.has(path)) || path.includes(BUILD))) {
      await to.put(request, await from.match(request));
    }
  }
}
