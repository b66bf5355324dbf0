// Minifies the JS glue wasm-bindgen wrote into Trunk's staging folder, the
// JS snippets it copied beside it (`snippets/`, modules the glue imports at
// once), `boot.js` (copied from public/, part of every visit, the app's
// or not: its comments stay in the source) and `search_index.js` (copied
// from src/platform/browser/, imported by the glue and by boot.js). Run by Trunk's post_build hook.
// Trunk 0.21's own minifier fails on that output; terser (pinned in
// package.json) handles it. The files keep their names: the hashes in them
// stand for the build they came from.
//
//   node scripts/minify-glue.mjs <staging folder>
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/minify-glue.mjs <staging folder>');
  process.exit(2);
}
const glue = readdirSync(folder).filter((name) => /^brnn-news-[0-9a-f]+\.js$/.test(name));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one brnn-news-<hash>.js in ${folder}, found ${glue.length}`);
  process.exit(1);
}
const snippets = join(folder, 'snippets');
const snippetFiles = existsSync(snippets)
  ? readdirSync(snippets, { recursive: true }).filter((name) => name.endsWith('.js')).map((name) => join(snippets, name))
  : [];
for (const file of [join(folder, glue[0]), join(folder, 'boot.js'), join(folder, 'search_index.js'), ...snippetFiles]) {
  const { code } = await minify(readFileSync(file, 'utf8'), { module: true, compress: { passes: 2 } });
  writeFileSync(file, code);
}
