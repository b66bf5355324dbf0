// The shipped endpoint (dist/api/v2, built from content/) against the JSON Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = new URL('..', import.meta.url).pathname;
const ENDPOINT = join(ROOT, 'dist/api/v2');
const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));
const SCHEMAS = [
  'definitions',
  'edition',
  'list-page',
  'article-page',
  'front-page',
  'house-page',
  'archive-index',
  'month-archive',
  'day-archive',
];

async function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const name of SCHEMAS) {
    ajv.addSchema(await readJson(join(ROOT, `schema/v2/${name}.schema.json`)), `${name}.schema.json`);
  }
  return (schema, document) => {
    const validate = ajv.getSchema(`${schema}.schema.json`);
    return validate(document) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
  };
}

async function* documents(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* documents(path);
    else if (entry.name.endsWith('.json')) yield path;
  }
}

// Each document's schema by its path below the endpoint (docs/FORMAT.md's
// table), read from the start: an article may be called `front`, a
// section `archive`.
const PATHS = [
  [/^[^/]+\/edition\.json$/, 'edition'],
  [/^[^/]+\/front\.json$/, 'front-page'],
  [/^[^/]+\/(?:sections\/.+\/|authors\/[^/]+\/)?pages\/(?:[0-9]+|newest)\.json$/, 'list-page'],
  [/^[^/]+\/articles\/[^/]+\.json$/, 'article-page'],
  [/^[^/]+\/house\/[^/]+\.json$/, 'house-page'],
  [/^[^/]+\/archive\.json$/, 'archive-index'],
  [/^[^/]+\/archive\/[0-9]{4}\/[0-9]{2}\.json$/, 'month-archive'],
  [/^[^/]+\/archive\/[0-9]{4}\/[0-9]{2}\/[0-9]{2}\.json$/, 'day-archive'],
];

function schemaOf(path) {
  const below = relative(ENDPOINT, path);
  const found = PATHS.find(([pattern]) => pattern.test(below));
  if (!found) throw new Error(`no schema for ${below}`);
  return found[1];
}

test('every shipped endpoint document matches its schema', async () => {
  const check = await validator();
  const counts = Object.fromEntries(SCHEMAS.map((name) => [name, 0]));
  for await (const path of documents(ENDPOINT)) {
    const schema = schemaOf(path);
    assert.deepEqual(check(schema, await readJson(path)), [], relative(ROOT, path));
    counts[schema]++;
  }
  const { definitions, ...documentCounts } = counts;
  for (const [schema, count] of Object.entries(documentCounts)) {
    assert.ok(count >= 4, `${count} ${schema} documents checked, expected some of every edition`);
  }
  assert.ok(counts['article-page'] >= 40, `${counts['article-page']} articles checked`);
});

test('the schema refuses documents the reader would refuse', async () => {
  const check = await validator();
  const good = await readJson(join(ENDPOINT, 'de/articles/ecf15130d4b083e2.json'));
  assert.deepEqual(check('article-page', good), []);
  const broken = [
    { ...good, format: 1 },
    { ...good, article: { ...good.article, id: '../evil' } },
    { ...good, article: { ...good.article, published: '2025-11-04' } },
    { ...good, article: { ...good.article, paragraphs: [] } },
    { ...good, article: { ...good.article, headline: '   ' } },
  ];
  for (const document of broken) assert.notDeepEqual(check('article-page', document), []);

  const front = await readJson(join(ENDPOINT, 'de/front.json'));
  assert.deepEqual(check('front-page', front), []);
  for (const document of [
    { ...front, top: undefined },
    { ...front, page: 0 },
    { ...front, sections: [{ section: 'Politik', articles: front.latest }] },
  ]) {
    assert.notDeepEqual(check('front-page', document), []);
  }
  const month = await readJson(join(ENDPOINT, 'de/archive/2025/11.json'));
  assert.deepEqual(check('month-archive', month), []);
  for (const document of [
    { ...month, month: '2025-13' },
    { ...month, days: [{ date: '2025-11-4', articles: 1 }] },
    { ...month, days: [{ date: '2025-11-04', articles: 0 }] },
  ]) {
    assert.notDeepEqual(check('month-archive', document), []);
  }
  const house = await readJson(join(ENDPOINT, 'de/house/impressum.json'));
  assert.deepEqual(check('house-page', house), []);
  assert.notDeepEqual(check('house-page', { ...house, slug: '../impressum' }), []);
  assert.notDeepEqual(check('house-page', { ...house, body: 'Text' }), []);
});
