// The shipped endpoint (dist/api/v1, built from content/) against the JSON Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = new URL('..', import.meta.url).pathname;
const ENDPOINT = join(ROOT, 'dist/api/v1');
const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));

async function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const name of ['definitions', 'edition', 'list-page', 'article-page']) {
    ajv.addSchema(await readJson(join(ROOT, `schema/v1/${name}.schema.json`)), `${name}.schema.json`);
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

function schemaOf(path) {
  if (path.endsWith('/edition.json')) return 'edition';
  if (path.includes('/pages/')) return 'list-page';
  if (path.includes('/articles/')) return 'article-page';
  throw new Error(`no schema for ${path}`);
}

test('every shipped endpoint document matches its schema', async () => {
  const check = await validator();
  let count = 0;
  for await (const path of documents(ENDPOINT)) {
    assert.deepEqual(check(schemaOf(path), await readJson(path)), [], relative(ROOT, path));
    count++;
  }
  assert.ok(count >= 40, `${count} documents checked`);
});

test('the schema refuses documents the reader would refuse', async () => {
  const check = await validator();
  const good = await readJson(join(ENDPOINT, 'de/articles/ecf15130d4b083e2.json'));
  assert.deepEqual(check('article-page', good), []);
  const broken = [
    { ...good, format: 2 },
    { ...good, article: { ...good.article, id: '../evil' } },
    { ...good, article: { ...good.article, published: '2025-11-04' } },
    { ...good, article: { ...good.article, paragraphs: [] } },
    { ...good, article: { ...good.article, headline: '   ' } },
  ];
  for (const document of broken) assert.notDeepEqual(check('article-page', document), []);
});
