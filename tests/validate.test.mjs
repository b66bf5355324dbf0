// Every built page (dist/**/*.html) is valid HTML: html-validate with the
// rules of .htmlvalidate.mjs reports no error. The pages are the app's own
// components rendered into Trunk's index.html, so an error here comes from
// src/ (the body and the head tags between <!--HEAD-->) or from the shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const skip = existsSync(DIST) ? false : 'dist/ is missing: run `trunk build --release` first';

const PAGES = skip
  ? []
  : readdirSync(DIST, { recursive: true })
      .filter((name) => name.endsWith('.html'))
      .sort();

// The loader finds .htmlvalidate.mjs at the root, above dist/, as the command line does.
const validator = new HtmlValidate(new FileSystemConfigLoader());

test('dist/ holds every kind of page', { skip }, () => {
  const kinds = ['index.html', '404.html', 'de/index.html', 'de/pages/1.html', 'de/section/bri-nachrichten/pages/1.html', 'de/info/impressum.html', 'de/archive/index.html', 'de/archive/2025/11/index.html', 'de/archive/2025/11/04.html'];
  for (const page of kinds) assert.ok(PAGES.includes(page), `dist/${page}`);
  assert.ok(PAGES.some((page) => page.startsWith('de/article/')), 'dist/de/article/*.html');
  assert.ok(PAGES.some((page) => page.startsWith('de/section/')), 'dist/de/section/**/*.html');
});

for (const page of PAGES) {
  test(`dist/${page} is valid HTML`, async () => {
    const report = await validator.validateFile(join(DIST, page));
    // Warnings are reported too: with these rules there are none, and a new one deserves a look.
    const problems = report.results.flatMap((result) =>
      result.messages.map(
        (message) => `dist/${page}:${message.line}:${message.column}: ${message.message} (${message.ruleId})`,
      ),
    );
    assert.deepEqual(problems, [], `html-validate on dist/${page}:\n${problems.join('\n')}`);
  });
}
