// The edition's search index through Pagefind's own browser script, which
// the content build writes to pagefind/<edition>/ and which is loaded only
// when the reader searches. (A file of its own: the wasm cannot import a
// module, and an inline script would break the Content-Security-Policy.)
const bundles = new Map();

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

// A failed load (the script, or Pagefind's own wasm and index, which it
// would not load again) is forgotten, so that the next search tries anew.
async function forget(url) {
  const loading = bundles.get(url);
  bundles.delete(url);
  const pagefind = await loading?.catch(() => undefined);
  await pagefind?.destroy().catch(() => {});
}

// Loads the index's script, wasm and page list ahead of the first search
// (when the reader is about to search), so that it answers at once.
export function warmIndex(url, baseUrl) {
  bundle(url, baseUrl)
    .then((pagefind) => pagefind.init())
    .catch(() => forget(url));
}

// Hits `offset` to `offset + limit` of the search for `term`, and how many
// there are in all; `null` when a newer search came before this one ended.
export async function searchIndex(url, baseUrl, term, offset, limit) {
  try {
    const pagefind = await bundle(url, baseUrl);
    const search = await pagefind.debouncedSearch(term, {}, 100);
    if (search === null) return null;
    const hits = await Promise.all(search.results.slice(offset, offset + limit).map((result) => result.data()));
    return {
      total: search.results.length,
      hits: hits.map((hit) => ({ raw_url: hit.raw_url, excerpt: hit.excerpt, meta: hit.meta })),
    };
  } catch (error) {
    await forget(url);
    throw error;
  }
}
