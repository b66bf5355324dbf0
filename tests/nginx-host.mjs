// deploy/nginx/brnn-news.conf in a real nginx on a loopback port: the host
// production runs, for the nginx test and for the benchmarks, which should
// see what readers get (compression included). Needs Debian's nginx
// (scripts/setup --browser installs it).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './browser/harness.mjs';

export const CONF = new URL('../deploy/nginx/brnn-news.conf', import.meta.url).pathname;

/** nginx from PATH, or from /usr/sbin, where Debian puts it and a non-root PATH may not look. */
export function findNginx() {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs.map((dir) => join(dir, 'nginx')).find((path) => existsSync(path));
}

/**
 * Starts nginx with the shipped server block serving `root` (a built
 * dist/) on a free loopback port; resolves once it answers. `close()`
 * stops it and removes every file it wrote.
 */
export async function startNginx(root) {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed: apt-get install nginx (scripts/setup --browser does)');
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'brnn-nginx-'));
  await writeFile(join(dir, 'brnn-news.conf'), localServer(await readFile(CONF, 'utf8'), root, port));
  await writeFile(join(dir, 'nginx.conf'), mainConf(dir));
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk) => (log += chunk));
  child.on('error', (error) => (log += error.message));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  // nginx answers once its worker runs; a bad config ends it at once.
  for (const deadline = Date.now() + 10_000; ; await sleep(50)) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await close();
      throw new Error(`nginx stopped at start:\n${log}`);
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`nginx did not answer within 10 s:\n${log}`);
    }
    try {
      await fetch(origin + '/robots.txt');
      return { origin, close };
    } catch {
      // Not listening yet.
    }
  }
}

/** The shipped server block with its one `root` set to `root` and its `listen` lines to one loopback port. */
function localServer(text, root, port) {
  if (text.match(/^[ \t]*root\s[^;]*;/gm)?.length !== 1) throw new Error(`${CONF} must have one root line`);
  if (!/^[ \t]*listen\s/m.test(text)) throw new Error(`${CONF} must have a listen line`);
  let listens = 0;
  return text
    .replace(/^([ \t]*)root\s[^;]*;/m, (_, indent) => `${indent}root "${root}";`)
    .replace(/^([ \t]*)listen\s[^;]*;/gm, (_, indent) =>
      listens++ === 0 ? `${indent}listen 127.0.0.1:${port};` : `${indent}# (listen line dropped for loopback)`,
    );
}

/**
 * A whole nginx.conf around the server block, with every path nginx writes in
 * `dir`, so it needs no /var/lib/nginx and leaves nothing behind.
 */
function mainConf(dir) {
  return `daemon off;
${
  // As root, nginx runs its workers as nobody, who may not read a checkout below /root.
  process.getuid?.() === 0 ? 'user root;' : ''
}
worker_processes 1;
pid "${dir}/nginx.pid";
error_log stderr warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path "${dir}/body";
  proxy_temp_path "${dir}/proxy";
  fastcgi_temp_path "${dir}/fastcgi";
  uwsgi_temp_path "${dir}/uwsgi";
  scgi_temp_path "${dir}/scgi";
  include "${dir}/brnn-news.conf";
}
`;
}
