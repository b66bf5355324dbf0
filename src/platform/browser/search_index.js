// The edition's search index through Pagefind's own browser script, which
// the content build writes to the edition's index folder (`Site::search_index`),
// one bundle per year in `<year>/`, and a years file naming them newest first;
// loaded only when the reader searches. (A file of its own: the wasm cannot import a
// module, and an inline script would break the Content-Security-Policy.)
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
// once; with a `term`, also its hits in that year and the texts of the
// first `limit` of them (Pagefind keeps both for the search that follows).
export function warmIndex(folder, yearsFile, baseUrl, term = '', limit = 0) {
  years(folder, yearsFile)
    .then(([newest]) => bundle(script(folder, newest), baseUrl))
    .then(async (pagefind) => {
      await pagefind.init();
      if (!term) return;
      const { results } = await pagefind.search(term);
      await Promise.all(results.slice(0, limit).map((result) => result.data()));
    })
    .catch(() => {});
}

// A search page opened with a query (marked `data-brnn-search-index`, see
// src/page_markers.rs) starts its search as this module loads, which is as
// soon as the app's script has arrived: while the app's wasm is still on its
// way, its first search's files are fetched.
const searchPage = document.querySelector('[data-brnn-search-index]');
const query = new URLSearchParams(location.search).get('q')?.trim();
if (searchPage && query) {
  const { brnnSearchIndex: folder, brnnSearchYears: yearsFile, brnnSearchBase: baseUrl, brnnSearchLimit: limit } =
    searchPage.dataset;
  warmIndex(location.origin + folder, yearsFile, baseUrl, query, Number(limit));
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
