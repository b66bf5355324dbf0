// A WordPress archive imported and built, read in the browser: the posts
// recorded from a real WordPress (tests/fixtures/wordpress) are imported
// into a content folder of one English edition, built with the reader's
// own page shell into a site of their own, and read as a reader would,
// before and after the app takes over. Hostile HTML leaves no script, no
// handler and no foreign address; the page breaks no policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appStarted, DIST, launchBrowser, startHost, withPage } from './harness.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/wordpress');
// One English edition whose section table maps the recorded posts' categories.
const NETWORK = join(FIXTURES, 'network.toml');

const work = mkdtempSync(join(tmpdir(), 'brnn-imported-'));
const content = join(work, 'content');
const site = join(work, 'site');
let host;
let browser;

/** `cargo content` with `args`, on the imported content folder. */
const content_tool = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--package', 'brnn-content', '--', '--content', content, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

before(async () => {
  mkdirSync(join(content, 'en'), { recursive: true });
  cpSync(NETWORK, join(content, 'network.toml'));
  content_tool('import', 'wordpress', '--from-folder', FIXTURES, '--edition', 'en');
  // The reader as Trunk built it (shell, script, wasm, stylesheet), without the shipped content.
  mkdirSync(site);
  for (const name of readdirSync(DIST)) {
    if (!['api', 'feeds', 'pagefind', 'sitemaps', 'de', 'en', 'zh', 'ar'].includes(name)) {
      cpSync(join(DIST, name), join(site, name), { recursive: true });
    }
  }
  content_tool('build', '--out', site, '--shell', join(site, 'index.html'));
  [host, browser] = await Promise.all([startHost({ root: `${site}/` }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await host?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The imported article of the WordPress post `id`: its page's address and its document. */
function imported(id) {
  const document = JSON.parse(readFileSync(join(site, `api/v2/en/articles/wp-${id}.json`), 'utf8'));
  return { path: `/en/article/wp-${id}`, article: document.article };
}

/** What of `main` could run or lead away: scripts, handlers, frames, foreign addresses. */
function dangerous() {
  const main = document.querySelector('main');
  const handlers = [...main.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((a) => a.name),
  );
  const addresses = [...main.querySelectorAll('[href], [src], [srcset]')]
    .flatMap((element) => [element.getAttribute('href'), element.getAttribute('src'), element.getAttribute('srcset')])
    .filter((address) => address && !/^(https?:|mailto:|\/|api\/v2\/)/.test(address));
  return {
    scripts: main.querySelectorAll('script, iframe, object, embed, form, svg, math, base, meta, style').length,
    handlers,
    addresses,
    foreignImages: [...main.querySelectorAll('img')].map((img) => img.src).filter((src) => !src.startsWith(location.origin)),
  };
}

for (const [post, what] of [
  [7, 'hostile HTML'],
  [4, 'every kind of markup'],
  [12, 'right-to-left Arabic'],
  [14, 'Chinese'],
]) {
  test(`an imported WordPress post of ${what} reads as its article, prerendered and in the app, and runs nothing`, () =>
    withPage(browser, async (page, errors) => {
      const { path, article } = imported(post);
      const dialogs = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      for (const withApp of [false, true]) {
        await page.goto(host.origin + path);
        if (withApp) await appStarted(page);
        const view = withApp ? 'in the app' : 'prerendered';
        assert.equal(await page.locator('article h1').textContent(), article.headline, view);
        const paragraphs = await page.locator('.article-body p').allTextContents();
        assert.ok(paragraphs.length > 0, `${view}: the body shows`);
        assert.deepEqual(await page.evaluate(dangerous), { scripts: 0, handlers: [], addresses: [], foreignImages: [] }, view);
      }
      assert.deepEqual(dialogs, [], 'no script of the post ran');
      assert.deepEqual(errors, []);
    }));
}

test('the imported archive is listed on its front page, newest first, with its photos', () =>
  withPage(browser, async (page) => {
    await page.goto(`${host.origin}/en/`);
    const listed = await page.locator('.front-latest h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const ids = readdirSync(join(site, 'api/v2/en/articles')).map((name) => `/en/article/${name.replace(/\.json$/, '')}`);
    assert.deepEqual([...listed].sort(), [...ids].sort(), 'every imported post, once');
    const lead = page.locator('.front-lead img');
    if ((await lead.count()) > 0) assert.match(await lead.getAttribute('src'), /^api\/v2\/media\//);
  }));
