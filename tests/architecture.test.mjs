// The import rules of ARCHITECTURE.md, checked on the source of all three
// crates: no module is reached again from what it imports (no circle), and
// in the reader (src/) components and context never import routes.
//
// What counts as an import: every path that starts at `crate::` or
// `super::`, wherever it is written: `use` lines, groups
// (`use crate::{a, b::c}`), and paths inside code
// (`crate::context::use_config()`), a module's `#[cfg(test)] mod tests`
// included (a test that needs a sibling ties the two modules as much as
// the code does). Comments and string literals are not code and are skipped.
// A parent reaching its own submodules by their bare names
// (`mod endpoint;` … `endpoint::write`) is ownership, not an import, and is
// not read; a submodule's `super::` path to its parent is, and so is a
// parent's `pub use child::…`, which hands the child's items on as its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const CRATES = ['src', 'crates/model/src', 'crates/content/src'];

/** The module a file is, as `/`-joined names below the crate root ('' for lib.rs). */
const moduleOf = (file) => (file === 'lib.rs' ? '' : file.replace(/(\/mod)?\.rs$/, ''));

/** A module's name in messages. */
const named = (module) => module || 'lib';

/**
 * Comments, strings and character literals (group 1), else a whole word (so
 * that `r"` in `bar"` is no raw string) or any one character. A lifetime
 * (`'a`) has no closing quote, so it is no character literal.
 */
const PIECES = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/|b?r(#*)"[\s\S]*?"\2|b?"(?:\\[\s\S]|[^"\\])*"|b?'(?:\\[^']{1,10}|[^'\\])')|\w+|[\s\S]/g;

/** The text with comments and literals blanked out, newlines kept (for line numbers). */
const codeOnly = (text) => text.replace(PIECES, (piece, skipped) => (skipped ? piece.replace(/[^\n]/g, ' ') : piece));

/**
 * Every `crate::` and `super::` path in a file of module `module`, as
 * names below the crate root, with the line it is on.
 */
function pathsIn(text, module) {
  const tokens = [...codeOnly(text).matchAll(/[A-Za-z_][A-Za-z0-9_]*|::|[{}(),;*]|\S/g)].map((match) => ({
    text: match[0],
    offset: match.index,
  }));
  const lineAt = (offset) => text.slice(0, offset).split('\n').length;
  const own = module ? module.split('/') : [];
  const inlineModules = []; // { name, depth } of the `mod name { … }` around a position
  let depth = 0;
  const paths = [];

  // A use tree or a plain path from tokens[at], below `prefix`; returns the index after it.
  const readTree = (at, prefix, line) => {
    let names = [...prefix];
    while (at < tokens.length) {
      const token = tokens[at].text;
      if (token === '{') {
        at += 1;
        while (at < tokens.length && tokens[at].text !== '}') {
          if (tokens[at].text === ',') at += 1;
          else at = readTree(at, names, line);
        }
        return at + 1;
      }
      if (token === '*') {
        paths.push({ names, line });
        return at + 1;
      }
      if (!/^[A-Za-z_]/.test(token)) break;
      if (token !== 'self') names.push(token);
      at += 1;
      if (tokens[at]?.text !== '::') break;
      at += 1;
    }
    paths.push({ names, line });
    return at;
  };

  for (let at = 0; at < tokens.length; at += 1) {
    const { text: token, offset } = tokens[at];
    const previous = tokens[at - 1]?.text;
    if (token === 'mod' && /^[A-Za-z_]/.test(tokens[at + 1]?.text ?? '') && tokens[at + 2]?.text === '{') {
      inlineModules.push({ name: tokens[at + 1].text, depth });
    } else if (token === '{') {
      depth += 1;
    } else if (token === '}') {
      depth -= 1;
      if (inlineModules.at(-1)?.depth === depth) inlineModules.pop();
    } else if ((token === 'crate' || token === 'super') && tokens[at + 1]?.text === '::' && previous !== '::' && previous !== '$') {
      let base = token === 'crate' ? [] : [...own, ...inlineModules.map(({ name }) => name)].slice(0, -1);
      at += 2;
      while (tokens[at]?.text === 'super' && tokens[at + 1]?.text === '::') {
        base = base.slice(0, -1);
        at += 2;
      }
      at = readTree(at, base, lineAt(offset)) - 1;
    }
  }
  return paths;
}

/**
 * The import graph of the crate whose sources are below `folder`: module →
 * (module it imports → the first `file:line` that does).
 */
async function importGraph(folder) {
  const files = (await readdir(join(ROOT, folder), { recursive: true })).filter((file) => file.endsWith('.rs'));
  const modules = new Set(files.map(moduleOf));
  const graph = new Map();
  for (const file of files) {
    const module = moduleOf(file);
    const imports = new Map();
    for (const { names, line } of pathsIn(await readFile(join(ROOT, folder, file), 'utf8'), module)) {
      // The longest prefix that is a module: `components::load_state::LoadState` → `components/load_state`.
      let length = names.length;
      while (length > 0 && !modules.has(names.slice(0, length).join('/'))) length -= 1;
      const target = names.slice(0, length).join('/');
      if (target !== module && !imports.has(target)) imports.set(target, `${folder}/${file}:${line}`);
    }
    // A parent's `pub use child::…` hands the child's items on as its own: a
    // path to the parent reaches the child, so it is an import of it.
    const text = codeOnly(await readFile(join(ROOT, folder, file), 'utf8'));
    for (const match of text.matchAll(/\bpub\s+use\s+(?:self::)?([A-Za-z_]\w*)::/g)) {
      const child = [module, match[1]].filter(Boolean).join('/');
      if (modules.has(child) && !imports.has(child)) {
        imports.set(child, `${folder}/${file}:${text.slice(0, match.index).split('\n').length}`);
      }
    }
    graph.set(module, imports);
  }
  return graph;
}

/** Every circle of `graph`, each as its modules and where each step is written. */
function circles(graph) {
  const found = [];
  const done = new Set();
  const visit = (module, path) => {
    const start = path.findIndex((step) => step.module === module);
    if (start >= 0) {
      found.push([...path.slice(start), { module }]);
      return;
    }
    if (done.has(module)) return;
    for (const [next, where] of graph.get(module) ?? []) visit(next, [...path, { module, where }]);
    done.add(module);
  };
  for (const module of graph.keys()) visit(module, []);
  // A module and its own submodules (a parent that hands on its children's
  // items, children that use the parent's) are one family, as Rust intends:
  // only a circle that leaves the family is one.
  const inside = (module, family) => family === '' || module === family || module.startsWith(`${family}/`);
  const leavesFamily = (circle) =>
    !circle.some(({ module: family }) => circle.every(({ module }) => inside(module, family)));
  return found.filter(leavesFamily).map((circle) =>
    [
      circle.map(({ module }) => named(module)).join(' → '),
      ...circle.slice(0, -1).map(({ where }, index) => `    ${named(circle[index].module)} → ${named(circle[index + 1].module)} at ${where}`),
    ].join('\n'),
  );
}

test('the path reader finds every kind of crate:: and super:: path, and only in code', () => {
  const text = [
    'use crate::{a, b::{c, d::E}, f::*};',
    'fn g() { crate::h::run(); let x = super::i::J; }',
    '// crate::comment::X',
    'const S: &str = "crate::string::X"; let c = \'"\'; let r = r#"crate::raw"#;',
    "fn k<'l>(x: &'l str) -> &'l str { crate::m::N }",
    '#[cfg(test)]',
    'mod tests { use super::*; use crate::o::P; }',
  ].join('\n');
  const paths = pathsIn(text, 'routes/search').map(({ names, line }) => `${line}:${names.join('::')}`);
  assert.deepEqual(paths, [
    '1:a',
    '1:b::c',
    '1:b::d::E',
    '1:f',
    '2:h::run',
    '2:routes::i::J',
    '5:m::N',
    '7:routes::search',
    '7:o::P',
  ]);
});

for (const folder of CRATES) {
  test(`the imports of ${folder}/ have no circle`, async () => {
    const graph = await importGraph(folder);
    assert.ok(graph.size > 5, `only ${graph.size} modules read from ${folder}`);
    const found = circles(graph);
    assert.ok(found.length === 0, `import circles in ${folder}/:\n${found.join('\n')}`);
  });
}

test('components and context never import routes', async () => {
  for (const [module, imports] of await importGraph('src')) {
    if (module.startsWith('components/') || module === 'context') {
      const routes = [...imports].filter(([name]) => name.startsWith('routes')).map(([name, where]) => `${name} (${where})`);
      assert.deepEqual(routes, [], `${module} imports ${routes.join(', ')}`);
    }
  }
});
