// The edition's search index through Pagefind's own browser script, which
// the content build writes to the edition's index folder (`Site::search_index`),
// one bundle per span of days (the newest day, the rest of its month, the
// rest of its year, each year before: `2025-day/`, `2025-month/`, `2025/`,
// `2024/`; a large month or year in parts named by their first day,
// `2024-07-01/`), and a file naming them newest first; loaded only when the reader
// searches. (A file of its own: the wasm cannot import a module, and an
// inline script would break the Content-Security-Policy.)
//
// One module for the app and for what comes before it: Trunk copies it to
// the site's root, where the app's glue imports it (`raw_module`) and
// `public/boot.js` too, on a search page opened with a query, to draw its
// first results before the app runs (`drawFirstResults`). So both share one
// list of bundles and the loaded Pagefinds, and the app's first search
// fetches nothing more. (Its name carries no hash, as boot.js's does not:
// hosts make browsers revalidate such files.)
const yearIndexes = new Map();
const bundleLists = new Map();

/** The filter each bundle's pages carry (Pagefind's `mergeFilter`): the bundle's name. */
const BUNDLE = 'bundle';

/**
 * A year's bundles as one Pagefind: the newest bundle's script (and so one
 * worker and one wasm), the others merged into it (`mergeIndex`: only
 * their page lists and chunks are loaded), each page tagged with its
 * bundle's name, so that a search can count and keep hits by bundle.
 */
function yearIndex(folder, names, baseUrl) {
  const url = script(folder, names[0]);
  let loading = yearIndexes.get(url);
  if (!loading) {
    loading = import(url).then(async (pagefind) => {
      try {
        await pagefind.options({ baseUrl, mergeFilter: { [BUNDLE]: names[0] } });
        // Its own page list and wasm first: a merge waits for the wasm
        // without end if it failed, and a search fails.
        await pagefind.search('');
        for (const name of names.slice(1)) {
          await pagefind.mergeIndex(`${folder}${name}/`, { baseUrl, mergeFilter: { [BUNDLE]: name } });
        }
        return pagefind;
      } catch (error) {
        // A bundle that failed would stay merged, and fail every search.
        await pagefind.destroy().catch(() => {});
        throw error;
      }
    });
    loading.catch(() => yearIndexes.delete(url));
    yearIndexes.set(url, loading);
  }
  return loading;
}

/** The index's years, newest first: `[year, [bundle, …]]`, a bundle's name starting with its year. */
function years(folder, bundlesFile) {
  let loading = bundleLists.get(folder);
  if (!loading) {
    loading = fetch(`${folder}${bundlesFile}`)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} fetching ${folder}${bundlesFile}`);
        return response.json();
      })
      .then((names) => {
        const byYear = [];
        for (const name of names) {
          const year = Number.parseInt(name, 10);
          if (byYear.at(-1)?.[0] === year) byYear.at(-1)[1].push(name);
          else byYear.push([year, [name]]);
        }
        return byYear;
      });
    loading.catch(() => bundleLists.delete(folder));
    bundleLists.set(folder, loading);
  }
  return loading;
}

const script = (folder, name) => `${folder}${name}/pagefind.js`;

// A failed load (the script, or Pagefind's own wasm and index, which it
// would not load again) is forgotten, so that the next search tries anew.
async function forget(folder, names) {
  const url = script(folder, names[0]);
  const loading = yearIndexes.get(url);
  yearIndexes.delete(url);
  const pagefind = await loading?.catch(() => undefined);
  await pagefind?.destroy().catch(() => {});
}

// Loads the newest year's index (script, wasm and page lists) ahead of the
// first search, when the reader is about to search, so that it answers at
// once.
export function warmIndex(folder, bundlesFile, baseUrl) {
  years(folder, bundlesFile)
    .then(([[, names]]) => yearIndex(folder, names, baseUrl))
    .catch(() => {});
}

// --- A searched word's forms, not its stand-ins ----------------------------

// When no word of a bundle has a searched word's stem or begins with it,
// Pagefind answers with the longest word of the bundle that the searched
// word begins with: `zu` for `zusätzlichen`. A bundle of a few days lacks
// most words, so its articles would come up for words they do not hold
// (and a year's would, for a word only other years hold). Such a bundle's
// hits are set aside: a word is taken as found in a bundle when the bundle
// holds its stem (an exact search for it finds something there), or else
// when the bundle's first hit has a matched word that begins with it, as a
// word being typed does (`zusätz`).

/** A word as Pagefind reads a query's: lower case, without punctuation and diacritics. */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
const normalized = (word) =>
  word.toLocaleLowerCase().replace(PUNCTUATION, '').normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');

/** The words of a query, split as Pagefind splits them: at spaces, or by a segmenter where a language has none. */
function queryWords(term) {
  const lang = document.documentElement.lang;
  const words = /^(zh|ja|th)\b/i.test(lang) && typeof Intl.Segmenter === 'function'
    ? [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(term)].filter((part) => part.isWordLike).map((part) => part.segment)
    : term.split(/\s+/);
  return words.map(normalized).filter((word) => word !== '');
}

/** The words of a hit at its matched places, whole and in their parts (`Piräus-Hafen`: `piraushafen`, `piraus`, `hafen`). */
function matchedWords(hit) {
  const content = hit.raw_content ?? '';
  const words = content.includes('\u200B') ? content.split('\u200B') : content.split(/[^\S\uFEFF]+/);
  return hit.locations.flatMap((location) => {
    const word = words[location] ?? '';
    return [normalized(word), ...word.split(/[^\p{L}\p{N}]+/u).map(normalized)];
  });
}

/** The bundles whose hits for `term` (`counts`, hits by bundle) came through a stand-in for one of its words. */
async function standIns(pagefind, term, counts) {
  if (/^\s*".+"\s*$/.test(term)) return [];
  const found = Object.keys(counts).filter((name) => counts[name] > 0);
  const firstHits = new Map();
  const firstHit = async (name) => {
    if (!firstHits.has(name)) {
      const { results } = await pagefind.search(term, { filters: { [BUNDLE]: name } });
      firstHits.set(name, results.length > 0 ? matchedWords(await results[0].data()) : []);
    }
    return firstHits.get(name);
  };
  const standingIn = new Set();
  for (const word of queryWords(term)) {
    const exact = (await pagefind.search(`"${word}"`)).filters[BUNDLE] ?? {};
    for (const name of found.filter((name) => !(exact[name] > 0) && !standingIn.has(name))) {
      if (!(await firstHit(name)).some((matched) => matched.startsWith(word))) standingIn.add(name);
    }
  }
  return [...standingIn];
}

// --- Searching ---------------------------------------------------------------

/**
 * One year's hits for `term`: their count, and the data of hits `from` to
 * `to`, in Pagefind's order. `null` when a newer search came before this
 * one ended (`debounced`: it waits for a pause in typing first).
 */
async function searchYear(folder, baseUrl, names, term, debounced, from, to) {
  try {
    const pagefind = await yearIndex(folder, names, baseUrl);
    let search = debounced ? await pagefind.debouncedSearch(term, {}, 100) : await pagefind.search(term);
    if (search === null) return null;
    const setAside = await standIns(pagefind, term, search.filters[BUNDLE] ?? {});
    if (setAside.length > 0) {
      const kept = names.filter((name) => !setAside.includes(name));
      search = kept.length > 0 ? await pagefind.search(term, { filters: { [BUNDLE]: { any: kept } } }) : { results: [] };
    }
    const hits = await Promise.all(search.results.slice(from, to).map((result) => result.data()));
    return { count: search.results.length, hits };
  } catch (error) {
    await forget(folder, names);
    throw error;
  }
}

// Hits `offset` to `offset + limit` of the search for `term`, newest year
// first: a year's hits in Pagefind's order, then the year before. Only the
// years needed are searched: `total` counts the hits of those (`since`, the
// oldest of them), `complete` says whether every year was. `null` when a
// newer search came before this one ended.
export async function searchIndex(folder, bundlesFile, baseUrl, term, offset, limit) {
  const wanted = offset + limit;
  const hits = [];
  let total = 0;
  let since = null;
  const list = await years(folder, bundlesFile);
  for (const [index, [year, names]] of list.entries()) {
    const from = Math.max(0, offset - total);
    const to = Math.max(0, wanted - total);
    // The first year waits for a pause in typing; the others follow at once.
    const found = await searchYear(folder, baseUrl, names, term, index === 0, from, to);
    if (found === null) return null;
    hits.push(...found.hits);
    total += found.count;
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
  const { brnnSearchIndex, brnnSearchBundles: bundlesFile, brnnSearchBase: baseUrl, brnnSearchLimit: limit } = status.dataset;
  // The app's key for the index: its absolute address.
  const folder = location.origin + brnnSearchIndex;
  // What the reader typed into the search field meanwhile is theirs:
  // results for the address's query would not match it.
  const typedOther = () =>
    [...document.querySelectorAll('input[name="q"]')].some((field) => field.value.trim() && field.value.trim() !== query);
  status.textContent = template.dataset.brnnSearchRunning;
  try {
    const [[, names]] = await years(folder, bundlesFile);
    const { hits } = await searchYear(folder, baseUrl, names, query, false, 0, Number(limit));
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
