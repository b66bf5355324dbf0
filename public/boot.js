// Starts the reader when it helps. Every page is complete HTML with real
// links, so the app is an accelerator: a reader who only reads a page never
// pays for it (its download, compile and start). It starts at the reader's
// first sign of doing more: a pointer on a link, a touch, focus on a control,
// a key. A click that comes before it is ready is an ordinary page load.
// A page that cannot work without it (search results, the network's root,
// which leads on to an edition; a list's page asked for at an older address
// counted from the newest, `…/page/n` or `?page=n`, which no static file
// answers; any page reading a remote endpoint,
// whose documents may be newer than the page) starts it at once, after the
// first paint. A file, not an inline script, so a strict Content-Security-Policy
// allows it.
const { js, wasm } = document.querySelector('script[data-brnn-app]').dataset;
/** How long a search page's app waits for its first results at most. */
const FIRST_RESULTS_WAIT_MS = 5000;

/** Fetches `href` ahead, for a fetch() of the same address (CORS mode, as fetch() asks) to find. */
const fetchAhead = (href) =>
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));

let started = false;
async function start() {
  if (started) return;
  started = true;
  for (const [type, listener] of INTENT) removeEventListener(type, listener, true);
  // The wasm downloads beside the app's script, not after it: the script's
  // own fetch of it (wasm-bindgen's) then finds it on its way.
  fetchAhead(wasm);
  const bindings = await import(js);
  await bindings.default({ module_or_path: wasm });
  // Set once the app runs and has taken the page over: the takeover gives
  // back focus, typed text and caret in the frame after it mounts.
  await new Promise((restored) => requestAnimationFrame(() => setTimeout(restored)));
  window.wasmBindings = bindings;
  // The worker keeps the app's files, for reading offline: it saw them if
  // it controlled the page, not if it took the page over meanwhile or never.
  tellWorker({ app: performance.getEntriesByType('resource').map(({ name }) => name) });
}

const CONTROLS = 'input, button, select, textarea, summary, [tabindex]';
const onLink = (event) => event.target instanceof Element && event.target.closest('a[href]') !== null;
const INTENT = [
  ['pointerover', (event) => onLink(event) && start()],
  ['pointerdown', start],
  ['touchstart', start],
  ['focusin', (event) => event.target instanceof Element && event.target.matches(CONTROLS) && start()],
  ['keydown', start],
];

// Offline reading (README.md): public/sw.js keeps the pages the reader
// opens. Registered once the page has loaded, so it never competes with the
// page; with the app's build (its wasm's hash) in its address, so a
// deployment installs a new worker at the next page load. Scoped to the
// site's base (`/news/` too). A browser without service workers, or one that
// refuses this one (storage off), reads the site as before.
//
// A page opened before the worker ran (the first of a visit) is not its
// own: it tells the worker, once that runs, that it was opened, and later
// what the app fetched on it. It asks to be claimed (controlled from then
// on) only when no page of the site led to it: a claim takes every page in
// the worker's scope that it does not control, and so would drop such a
// page the reader left, kept in the back/forward cache, from that cache.
// Messages go to the registration's active worker, there for any page.
function tellWorker(message, { uncontrolledOnly = false } = {}) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.ready
    .then(({ active }) => {
      if (uncontrolledOnly && navigator.serviceWorker.controller) return;
      active?.postMessage(typeof message === 'function' ? message() : message);
    })
    .catch(() => {});
}

if ('serviceWorker' in navigator) {
  addEventListener(
    'load',
    () => {
      const base = new URL('./', document.baseURI);
      const build = /-([0-9a-f]+)_bg\.wasm$/.exec(wasm)?.[1] ?? 'unversioned';
      navigator.serviceWorker.register(new URL(`sw.js?build=${build}`, base), { scope: base.pathname }).catch(() => {});
      // Whether to be claimed is decided when the worker runs: not once the
      // reader has left the page (another of the site's may be cached then).
      const cameFromSite = document.referrer !== '' && new URL(document.referrer).origin === location.origin;
      let left = false;
      addEventListener('pagehide', () => (left = true));
      tellWorker(() => ({ opened: location.href, claim: !cameFromSite && !left }), { uncontrolledOnly: true });
      // Said again when the page comes back from the back/forward cache: a
      // message sent the moment it comes back may be lost (Chromium).
      addEventListener('pageshow', (event) => event.persisted && tellWorker({ opened: location.href }, { uncontrolledOnly: true }));
      // A page the app shows without loading it: the worker keeps it too
      // (where the browser has the Navigation API, which sees history.pushState).
      window.navigation?.addEventListener('currententrychange', () => tellWorker({ opened: location.href }));
    },
    { once: true },
  );
}

// The endpoint the site is built with, config.rs's DEFAULT_ENDPOINT.
const endpoint = document.querySelector('meta[name="brnn-endpoint"]')?.content.trim() || 'api/v2/';
const remoteEndpoint = new URL(endpoint, document.baseURI).href !== new URL('api/v2/', document.baseURI).href;
// data-brnn-needs-app: see src/page_markers.rs.
const olderPageForm = new URLSearchParams(location.search).has('page') || /\/page\/\d+\/?$/.test(location.pathname);
if (remoteEndpoint || olderPageForm || document.querySelector('[data-brnn-needs-app]')) {
  // What such a page's app will fetch first (`data-brnn-preload`: the search
  // page's index of years), fetched at once, beside the app.
  for (const element of document.querySelectorAll('[data-brnn-preload]')) fetchAhead(element.dataset.brnnPreload);
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  // A search page opened with a query: its first results, drawn without
  // the app (search_index.js, which the app shares), before the app's wasm
  // competes with them for the network; an index that does not answer
  // within FIRST_RESULTS_WAIT_MS holds the app back no longer.
  if (document.querySelector('[data-brnn-search-index]') && new URLSearchParams(location.search).get('q')?.trim()) {
    const drawn = import('./search_index.js').then(({ drawFirstResults }) => drawFirstResults());
    await Promise.race([drawn, new Promise((waited) => setTimeout(waited, FIRST_RESULTS_WAIT_MS))]).catch(() => {});
  }
  await start();
} else {
  // Passive: listening never delays the reader's scrolling or typing.
  for (const [type, listener] of INTENT) addEventListener(type, listener, { capture: true, passive: true });
  // A control focused before this script ran (a fast reader, an autofocus).
  if (document.activeElement?.matches(CONTROLS)) start();
}
