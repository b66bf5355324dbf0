// The edition's search index through Pagefind's own browser script, which
// the content build writes to the edition's index folder (`Site::search_index`),
// one bundle per year in `<year>/`, and a years file naming them newest first;
// loaded only when the reader searches. (A file of its own: the wasm cannot import a
// module, and an inline script would break the Content-Security-Policy.)
//
// One module for the app and for what comes before it: Trunk copies it to
// the site's root, where the app's glue imports it (`raw_module`) and
// `public/boot.js` too, on a search page opened with a query, to draw its
// first results before the app runs (`drawFirstResults`). So both share one
// list of years and one loaded Pagefind, and the app's first search
// fetches nothing more. (Its name carries no hash, as boot.js's does not:
// hosts make browsers revalidate such files.)
const bundles = new Map();
const yearLists = new Map();

function bundle(url, baseUrl) {
  let loading = bundles.get(url);
  if (!loading) {
    loading = import(url).then(async (pagefind) => {
      await pagefind.options({ baseUrl });
      return pagefind;
    });
    loading.catch(() => bundles.delete(url));
    bundles.set(url, loading);
  }
  return loading;
}

function years(folder, yearsFile) {
  let loading = yearLists.get(folder);
  if (!loading) {
    loading = fetch(`${folder}${yearsFile}`).then((response) => {
      if (!response.ok) throw new Error(`${response.status} fetching ${folder}${yearsFile}`);
      return response.json();
    });
    loading.catch(() => yearLists.delete(folder));
    yearLists.set(folder, loading);
  }
  return loading;
}

const script = (folder, year) => `${folder}${year}/pagefind.js`;

// A failed load (the script, or Pagefind's own wasm and index, which it
// would not load again) is forgotten, so that the next search tries anew.
async function forget(url) {
  const loading = bundles.get(url);
  bundles.delete(url);
  const pagefind = await loading?.catch(() => undefined);
  await pagefind?.destroy().catch(() => {});
}

// Loads the newest year's index (script, wasm and page list) ahead of the
// first search, when the reader is about to search, so that it answers at
// once.
export function warmIndex(folder, yearsFile, baseUrl) {
  years(folder, yearsFile)
    .then(([newest]) => bundle(script(folder, newest), baseUrl))
    .then((pagefind) => pagefind.init())
    .catch(() => {});
}

// Hits `offset` to `offset + limit` of the search for `term`, newest year
// first: a year's hits in Pagefind's order, then the year before. Only the
// years needed are searched: `total` counts the hits of those (`since`, the
// oldest of them), `complete` says whether every year was. `null` when a
// newer search came before this one ended.
export async function searchIndex(folder, yearsFile, baseUrl, term, offset, limit) {
  const wanted = offset + limit;
  const hits = [];
  let total = 0;
  let since = null;
  const list = await years(folder, yearsFile);
  for (const [index, year] of list.entries()) {
    const url = script(folder, year);
    let search;
    try {
      const pagefind = await bundle(url, baseUrl);
      // The first year waits for a pause in typing; the others follow at once.
      search = index === 0 ? await pagefind.debouncedSearch(term, {}, 100) : await pagefind.search(term);
      if (search === null) return null;
      const from = Math.max(0, offset - total);
      const to = Math.max(0, wanted - total);
      hits.push(...(await Promise.all(search.results.slice(from, to).map((result) => result.data()))));
    } catch (error) {
      await forget(url);
      throw error;
    }
    total += search.results.length;
    since = year;
    if (total >= wanted && index < list.length - 1) {
      return { total, hits: hits.map(hitOf), complete: false, since };
    }
  }
  return { total, hits: hits.map(hitOf), complete: true, since };
}

const hitOf = (hit) => ({ raw_url: hit.raw_url, excerpt: hit.excerpt, meta: hit.meta });

// --- Before the app: a search page's first results -------------------------

// They need only the index (Pagefind's script, its own small wasm, a piece
// of the index and the hits' texts), not the app's 190 KiB of wasm, which
// on a phone's network would compete with the index for the line. Each hit
// is drawn from the template the built page carries
// (`data-brnn-first-results`, src/routes/search.rs): a hit's entry as the
// app draws it, so the results look the same before and after the app
// takes over. Text goes in as text, never as markup. The search page's
// markers: src/page_markers.rs.

/** The performance mark set once the first results are drawn. */
const FIRST_RESULTS_MARK = 'brnn:first-results';

/** The text runs of a Pagefind excerpt: its matched words, wrapped in `<mark>`, as `<mark>` elements. */
function excerptNodes(excerpt) {
  // `<` and `>` of the text itself come escaped, nothing else does
  // (brnn_model::search::excerpt_runs reads them the same way).
  const text = (piece) => document.createTextNode(piece.replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
  return excerpt.split(/<mark>(.*?)<\/mark>/s).flatMap((piece, index) => {
    if (piece === '') return [];
    if (index % 2 === 0) return [text(piece)];
    const mark = document.createElement('mark');
    mark.append(text(piece));
    return [mark];
  });
}

/** A hit's list item, from the template's: every part the hit lacks removed. */
function entryOf(template, { url, excerpt, meta }) {
  const entry = template.content.firstElementChild.cloneNode(true);
  const time = entry.querySelector('time');
  if (meta.published && meta.date) {
    // The newsroom's calendar date: the stored time's own date (RFC 3339).
    time.dateTime = meta.published.slice(0, 10);
    time.textContent = meta.date;
  } else {
    time.remove();
  }
  const section = entry.querySelector('.entry-section');
  if (meta.section) section.textContent = meta.section;
  else section.remove();
  const link = entry.querySelector('h2 a');
  link.href = url;
  link.textContent = meta.title ?? '';
  entry.querySelector('.lead').append(...excerptNodes(excerpt));
  return entry;
}

/**
 * Draws the first hits of the address's query below the search page's
 * status, which says meanwhile that the search runs. Resolves once they
 * are drawn, or once that failed or was not wanted (no query, another text
 * typed into the search field meanwhile, nothing found in the newest
 * year): the app does the rest. Never rejects.
 */
export async function drawFirstResults() {
  const status = document.querySelector('[data-brnn-search-index]');
  const template = document.querySelector('template[data-brnn-first-results]');
  const query = new URLSearchParams(location.search).get('q')?.trim();
  if (!status || !template || !query) return;
  const { brnnSearchIndex, brnnSearchYears: yearsFile, brnnSearchBase: baseUrl, brnnSearchLimit: limit } = status.dataset;
  // The app's key for the index: its absolute address.
  const folder = location.origin + brnnSearchIndex;
  // What the reader typed into the search field meanwhile is theirs:
  // results for the address's query would not match it.
  const typedOther = () =>
    [...document.querySelectorAll('input[name="q"]')].some((field) => field.value.trim() && field.value.trim() !== query);
  status.textContent = template.dataset.brnnSearchRunning;
  try {
    const [newest] = await years(folder, yearsFile);
    const pagefind = await bundle(script(folder, newest), baseUrl);
    const { results } = await pagefind.search(query);
    const hits = await Promise.all(results.slice(0, Number(limit)).map((result) => result.data()));
    if (hits.length === 0 || typedOther()) return;
    const list = document.createElement('ol');
    list.className = 'article-list search-results';
    list.append(...hits.map((hit) => entryOf(template, hit)));
    status.after(list);
    // When they came, for measurements and tests (the app replaces them).
    performance.mark(FIRST_RESULTS_MARK);
  } catch {
    // The app searches again, and says so if the index cannot be read.
  }
}
