// The import rule of ARCHITECTURE.md, checked on the source: in src/,
// imports run one way (lib → routes → components → context → config → api),
// so components never import routes and no module imports itself back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const SRC = new URL('../src/', import.meta.url).pathname;

/** Module name (`routes/edition`, `context`) → the modules its `use crate::…` lines name. */
async function importGraph() {
  const files = (await readdir(SRC, { recursive: true })).filter((file) => file.endsWith('.rs'));
  const modules = new Set(files.map((file) => file.replace(/(\/mod)?\.rs$/, '')));
  const graph = new Map();
  for (const file of files) {
    const text = await readFile(join(SRC, file), 'utf8');
    const imports = new Set();
    for (const [, path] of text.matchAll(/use crate::([a-z_:]+)/g)) {
      const parts = path.split('::');
      // The longest prefix that is a module: `components::load_state::load_state` → `components/load_state`.
      for (let length = parts.length; length > 0; length--) {
        const candidate = parts.slice(0, length).join('/');
        if (modules.has(candidate)) {
          imports.add(candidate);
          break;
        }
      }
    }
    graph.set(file.replace(/(\/mod)?\.rs$/, ''), imports);
  }
  return graph;
}

test('components and context never import routes', async () => {
  for (const [module, imports] of await importGraph()) {
    if (module.startsWith('components/') || module === 'context') {
      const routes = [...imports].filter((name) => name.startsWith('routes'));
      assert.deepEqual(routes, [], `${module} imports ${routes}`);
    }
  }
});

test('the imports of src/ have no circle', async () => {
  const graph = await importGraph();
  const done = new Set();
  const visit = (module, path) => {
    if (path.includes(module)) assert.fail(`import circle: ${[...path, module].join(' → ')}`);
    if (done.has(module)) return;
    for (const next of graph.get(module) ?? []) visit(next, [...path, module]);
    done.add(module);
  };
  for (const module of graph.keys()) visit(module, []);
  assert.ok(graph.size > 10, `only ${graph.size} modules read from ${relative(process.cwd(), SRC)}`);
});
