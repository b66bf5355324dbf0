// Shared by the browser tests: a static host for dist/ that behaves like
// GitHub Pages or a CDN (unknown paths get 404.html with status 404) and sends
// the headers of the build's _headers (its Content-Security-Policy too), as
// Netlify and Cloudflare Pages do; headless Chromium driven by playwright-core,
// failing a test on any violation of the policy; and per-page fault injection,
// so the host only ever serves files and no fault outlives the page it was
// made for; and the keyboard tests' view of the focus (`focused`, `tabTo`).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

/** The build under test: dist/, or the folder `BRNN_DIST` names (another build, beside the one scripts/test makes). */
export const DIST = process.env.BRNN_DIST ? join(resolve(process.env.BRNN_DIST), '/') : new URL('../../dist/', import.meta.url).pathname;
/** A second build with `--public-url /news/`, made by scripts/test. */
export const SUBPATH_DIST = new URL('../../target/dist-subpath/', import.meta.url).pathname;
export const SEED_FILE = new URL('../fixtures/000_ecf15130d4b083e2.txt', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The rules of `root`'s `_headers` (public/_headers as the build copied it),
 * in file order: `{ pattern, headers: [[name, value], …] }`, `pattern` a
 * RegExp for a path as Cloudflare Pages reads it (`*` any characters,
 * `:name` one segment).
 */
export async function readHeaderRules(root = DIST) {
  const file = join(root, '_headers');
  const text = await readFile(file, 'utf8').catch((error) => {
    throw new Error(`${file} is missing (${error.code}): rebuild with trunk build --release`);
  });
  const rules = [];
  for (const [index, line] of text.split('\n').entries()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      assert.ok(trimmed.startsWith('/'), `_headers:${index + 1}: a rule starts with a path: ${line}`);
      const regExp = (part) =>
        part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      const source = trimmed.split(/(\*|:[A-Za-z]\w*)/).map(regExp).join('');
      rules.push({ path: trimmed, pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const match = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(trimmed);
      assert.ok(match && rules.length > 0, `_headers:${index + 1}: not a header of a rule: ${line}`);
      rules.at(-1).headers.push([match[1].toLowerCase(), match[2]]);
    }
  }
  return rules;
}

/**
 * The headers `rules` (from readHeaderRules) give `path`, lower-case names:
 * every matching rule's, and a header two rules set joined with ", ", as
 * Cloudflare Pages does.
 */
export function headersFor(rules, path) {
  const headers = {};
  for (const rule of rules.filter(({ pattern }) => pattern.test(path))) {
    for (const [name, value] of rule.headers) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/**
 * `policy` (a Content-Security-Policy) with a remote endpoint's `origins`
 * added to its connect-src (the documents) and img-src (the photos), as the
 * README tells an operator.
 */
export function addEndpointOrigins(policy, origins) {
  if (origins.length === 0) return policy;
  for (const directive of ['connect-src', 'img-src']) {
    assert.match(policy, new RegExp(`(^|;\\s*)${directive}\\s`), `no ${directive} in ${policy}`);
    policy = policy.replace(
      new RegExp(`(^|;\\s*)(${directive}\\s[^;]*)`),
      (_, before, sources) => `${before}${sources.trimEnd()} ${origins.join(' ')}`,
    );
  }
  return policy;
}

/** Whether `path` is a file (not a folder, not missing). */
async function isFile(path) {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * Serves dist/ on 127.0.0.1 at a free port as GitHub Pages, Netlify and
 * Cloudflare Pages do: `/a/b` from `a/b` or `a/b.html`, `/a/` from
 * `a/index.html`, `/a` redirected to `/a/` when that is a folder with an
 * index, anything else `404.html` with status 404. Files only (a fault is
 * injected per page, see injectFault); every requested path is recorded in `requests`.
 * Every answer carries the headers `root`'s `_headers` gives its path (below
 * `prefix`), the Content-Security-Policy among them; the pages carry the
 * policy's <meta> as built.
 * `endpoint` rewrites the brnn-endpoint setting in the HTML it serves, as an
 * operator would edit dist/index.html; `endpointOrigins` adds to
 * connect-src in the policy header and in the pages' <meta>, as the README
 * tells an operator of a remote endpoint to; `cors` lets pages of other
 * origins read its files; `prefix` serves root under a sub-path (`/news/`),
 * with 404.html at the top.
 * The returned `holdWasm()` holds back every answer for a `.wasm` file
 * until the function it returns is called: the prerendered page alone, as
 * on a slow network, in any browser (WebDriver classic, which drives WebKit,
 * has no request interception, which holdWasm(page) uses). `offline(true)`
 * drops every connection, as a network gone away; `offline(false)` answers
 * again.
 */
export async function startHost({ root = DIST, endpoint, endpointOrigins = [], cors = false, prefix = '/' } = {}) {
  const requests = [];
  const rules = await readHeaderRules(root);
  let wasmHeld = null;
  let isOffline = false;
  const server = createServer(async (request, response) => {
    if (isOffline) {
      request.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requests.push(path);
    if (path.endsWith('.wasm')) await wasmHeld;
    const inside = path.startsWith(prefix) ? path.slice(prefix.length - 1) : '/\0outside';
    const base = normalize(join(root, inside));
    if (!inside.endsWith('/') && base.startsWith(root) && (await isFile(join(base, 'index.html')))) {
      response.writeHead(301, { location: `${path}/` });
      response.end();
      return;
    }
    const candidates = inside.endsWith('/') ? [join(base, 'index.html')] : [base, `${base}.html`];
    let file;
    for (const candidate of candidates) {
      if (!file && candidate.startsWith(root) && (await isFile(candidate))) file = candidate;
    }
    let status = 200;
    let body;
    let type;
    if (file) {
      body = await readFile(file);
      type = TYPES[extname(file)] ?? 'application/octet-stream';
    } else {
      status = 404;
      body = await readFile(join(root, '404.html'));
      type = TYPES['.html'];
    }
    if (endpoint && type === TYPES['.html']) {
      body = body
        .toString()
        .replace(/<meta[^>]*name="?brnn-endpoint"?[^>]*>/, `<meta name="brnn-endpoint" content="${endpoint}">`);
    }
    if (endpointOrigins.length > 0 && type === TYPES['.html']) {
      body = body
        .toString()
        .replace(
          /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/,
          (_, start, policy, end) => start + addEndpointOrigins(policy, endpointOrigins) + end,
        );
    }
    const headers = headersFor(rules, inside);
    if (headers['content-security-policy']) {
      headers['content-security-policy'] = addEndpointOrigins(headers['content-security-policy'], endpointOrigins);
    }
    // Below a sub-path the rules file is there too, as README tells an operator.
    if (headers['speculation-rules']) {
      headers['speculation-rules'] = headers['speculation-rules'].replace('"/', `"${prefix}`);
    }
    response.writeHead(status, {
      ...headers,
      // _headers may name a file's type (the speculation rules').
      'content-type': headers['content-type'] ?? type,
      ...(cors && { 'access-control-allow-origin': '*' }),
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    holdWasm: () => {
      let release;
      wasmHeld = new Promise((resolve) => (release = resolve));
      return () => {
        wasmHeld = null;
        release();
      };
    },
    offline: (gone) => {
      isOffline = gone;
      // Kept-alive connections would otherwise still answer.
      if (gone) server.closeAllConnections();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A free port on the loopback, for a server of another process to listen on (nginx, WebKitWebDriver). */
export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * How Chromium runs here: as root, without a GPU, and without the
 * background connections this machine's closed network would refuse.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Headless Chromium from the system (never a downloaded browser), fresh
 * profile; `javaScript: false` opens every page without JavaScript, as a
 * crawler or a reader who turned it off sees it. Service workers are
 * blocked unless `serviceWorkers: 'allow'` (the offline tests): page.route,
 * which injects the faults, never sees what a service worker fetches.
 */
export async function launchBrowser({ javaScript = true, serviceWorkers = 'block' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'brnn-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: javaScript,
    serviceWorkers,
    // Far from the newsroom's UTC+8, so a date taken from the reader's zone would show.
    timezoneId: 'Pacific/Honolulu',
    locale: 'de-DE',
    args: CHROMIUM_FLAGS,
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a host (with `options`, see startHost) and a browser (with
 * `javaScript`, see launchBrowser) before a test file's tests and stops both
 * after them; the returned object holds them meanwhile.
 */
export function hostAndBrowser({ javaScript, ...options } = {}) {
  const session = {};
  before(async () => {
    [session.host, session.browser] = await Promise.all([startHost(options), launchBrowser({ javaScript })]);
  });
  after(async () => {
    await session.browser?.close();
    await session.host?.close();
  });
  return session;
}

/** Where each document of a page records the Content-Security-Policy violations it sees (see withPage). */
const VIOLATIONS = '__brnnPolicyViolations';

/**
 * The violations of the Content-Security-Policy (header or <meta>) that the
 * page's current document has seen so far, as `directive blocked-URI
 * (file:line)`; [] when it cannot say (no page, not one of ours, or between
 * two documents).
 */
export async function policyViolations(page) {
  if (page.isClosed() || !/^https?:/.test(page.url())) return [];
  try {
    return (await page.evaluate((key) => window[key] ?? [], VIOLATIONS)) ?? [];
  } catch {
    // The document went away meanwhile (a navigation): its console reports stay (see withPage).
    return [];
  }
}

/**
 * Runs `use(page, errors)` on a new page of `browser` (from launchBrowser) and
 * closes the page in `finally`, so a failed assertion leaves no page behind.
 * `errors` collects uncaught page errors: a wasm panic surfaces as one.
 * Returns what `use` returned.
 *
 * The site runs under its Content-Security-Policy (startHost sends it, the
 * pages carry it): after `use`, the test fails if the policy refused
 * anything, as the `securitypolicyviolation` events of the page's document
 * and the browser's console reports (which outlive a navigation) tell.
 * `allowViolations: true` leaves that to the test (see policyViolations).
 */
export async function withPage(browser, use, { allowViolations = false } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const reports = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      reports.push(`${message.type()}: ${message.text()}`);
    }
  });
  // Before any of the page's own scripts, in every document the page shows.
  await page.addInitScript((key) => {
    window[key] = [];
    const where = (event) => (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '');
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window[key].push(`${event.violatedDirective} ${event.blockedURI || 'inline'}${where(event)}`),
      true,
    );
  }, VIOLATIONS);
  try {
    const result = await use(page, errors);
    if (!allowViolations) {
      const violations = await policyViolations(page);
      assert.deepEqual({ violations, reports }, { violations: [], reports: [] }, 'the page broke no policy');
    }
    return result;
  } finally {
    await page.close();
  }
}

/**
 * Answers every request of `page` for `path`, on any origin (a remote
 * endpoint too), with `fault` instead of the host: { status, body, type }, or
 * 'drop' for a failed connection, a network error for the browser. Returns an
 * async function that lifts the fault, so a retry can reach the real file.
 */
export async function injectFault(page, path, fault) {
  const matcher = (url) => url.pathname === path;
  const handler = (route) =>
    fault === 'drop'
      ? route.abort('connectionfailed')
      : route.fulfill({
          status: fault.status ?? 200,
          contentType: fault.type ?? 'application/json',
          body: fault.body ?? '',
          // The page may read the endpoint from another origin.
          headers: { 'access-control-allow-origin': '*' },
        });
  await page.route(matcher, handler);
  return async () => page.unroute(matcher, handler);
}

/** Holds every request `pattern` (a glob) matches until the returned function is called. */
export async function holdRequests(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Holds every request for the wasm until the returned function is called: the prerendered page alone. */
export const holdWasm = (page) => holdRequests(page, '**/*.wasm');

/** Opens `url` and waits until the app runs there: what a test then does meets the app, not the prerendered page it replaces. */
export async function openApp(page, url) {
  const response = await page.goto(url);
  await appStarted(page);
  return response;
}

/**
 * Shows the reader's intent (a key press, of Shift: nothing changes on the
 * page), on which a page starts the app (public/boot.js), and resolves once
 * the app has started and taken the page over (boot.js sets `wasmBindings`
 * then).
 */
export async function appStarted(page) {
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => window.wasmBindings !== undefined);
}

/**
 * Answers `path` on `page` with the real response's text passed through
 * `edit`: a page whose HTML (and the data it carries) is not as built.
 */
export async function editResponse(page, path, edit) {
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: edit(await response.text()) });
    },
  );
}

/** The seed file as a reader saw it: breadcrumb, headline, date line, paragraphs. */
export async function readSeed() {
  const blocks = (await readFile(SEED_FILE, 'utf8')).split('\n\n').map((b) => b.trim());
  const [site, breadcrumb, headline, dateline, ...paragraphs] = blocks;
  return { site, crumbs: breadcrumb.split('>>'), headline, dateline, paragraphs };
}

/**
 * The files a view of `path` fetches from `host`, as the browser asked for
 * them (the favicon aside), each with its file in the host's root folder:
 * `visit`, those of a reader who only reads (the page loaded, a second
 * without input), and `app`, those fetched once the reader shows intent,
 * until the app has taken the page over.
 */
export async function firstViewFiles(browser, host, path, root = DIST) {
  const page = await browser.newPage();
  const withFiles = (requests) =>
    [...new Set(requests)]
      .filter((request) => !request.endsWith('favicon.svg'))
      .map((request) => ({
        path: request,
        file: join(root, request === path ? `${path.slice(1)}.html` : request.replace(/^\//, '') || 'index.html'),
      }));
  try {
    const before = host.requests.length;
    await page.goto(host.origin + path, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const read = host.requests.length;
    await appStarted(page);
    return { visit: withFiles(host.requests.slice(before, read)), app: withFiles(host.requests.slice(read)) };
  } finally {
    await page.close();
  }
}

/**
 * The focused element: tag, id, href (as written), text, whether it is inside
 * `main`, and whether it shows, whole, in the viewport.
 */
export function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      tag: element.localName,
      id: element.id,
      href: element.getAttribute('href'),
      text: element.textContent.trim(),
      inMain: element.closest('main') !== null,
      // Within a pixel: the browser scrolls by whole pixels, boxes stand at fractions.
      visible:
        box.width > 0 &&
        box.height > 0 &&
        box.top >= -1 &&
        box.left >= -1 &&
        box.bottom <= innerHeight + 1 &&
        box.right <= innerWidth + 1 &&
        style.visibility !== 'hidden' &&
        style.opacity !== '0',
    };
  });
}

/**
 * Presses Tab until `predicate` (run in the page) holds for the focus, at
 * most `max` times; returns the focused element (see focused). The browser
 * scrolls a focused element into view, so it must then be visible.
 */
export async function tabTo(page, predicate, max = 40) {
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) {
      const focus = await focused(page);
      assert.ok(focus.visible, `the focused ${focus.tag} ${focus.href ?? (focus.id || focus.text)} is visible`);
      return focus;
    }
  }
  assert.fail(`no focus after ${max} presses of Tab for ${predicate}; it is on ${JSON.stringify(await focused(page))}`);
}

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The violations axe-core finds in `page` as it is now. axe is evaluated over
 * the DevTools protocol, not added as a script tag, so no Content Security
 * Policy of the page keeps it out.
 */
export async function axeViolations(page) {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
    }));
  });
}

/** Each violation (id, impact, help) and under it each failing node's target and what to fix, for the assertion message. */
export function axeReport(violations) {
  const indent = (text, by) => text.replace(/^/gm, ' '.repeat(by));
  return violations
    .map(
      ({ id, impact, help, nodes }) =>
        `${id} (${impact}): ${help}\n` + nodes.map((n) => `${indent(n.target, 4)}\n${indent(n.summary, 6)}`).join('\n'),
    )
    .join('\n');
}
