// What the benchmarks measure, in one place: transfer sizes and the time
// from navigation start until something is visible in headless Chromium.
import { spawnSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Raw, gzip -9 and brotli -11 sizes of `bytes`, as a CDN would serve them. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const kib = (bytes) => (bytes / 1024).toFixed(1).padStart(8);

/**
 * When the element marked `elementtiming="<identifier>"` was first painted
 * (Element Timing), else the page's largest contentful paint so far: an
 * element the app redraws before its first paint has no timing of its own.
 */
const painted = (identifier) =>
  new Promise((resolve) => {
    if (identifier) {
      new PerformanceObserver((list) => {
        const entry = list.getEntries().find((candidate) => candidate.identifier === identifier);
        if (entry) resolve(entry.renderTime);
      }).observe({ type: 'element', buffered: true });
    }
    new PerformanceObserver((list) => {
      const time = list.getEntries().at(-1).startTime;
      setTimeout(() => resolve(time), identifier ? 100 : 0);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });

/**
 * Loads each of `urls` `loads` times, each load in a new page with the HTTP
 * cache off (the CPU slowed `throttle` times, and with `network`, `{
 * latencyMs, mbps }`, the network too), and returns per URL the
 * median, min and max milliseconds from navigation start until `selector`
 * is visible: once it is, the paint time the browser recorded (of the
 * `element` timing identifier, else the largest contentful paint), so a busy
 * main thread does not delay the reading; with `until`, also the time from
 * the reader's first sign of intent (a key press, once the text is visible)
 * until that page function is true. The
 * URLs take turns, so that a slow moment of the machine does not fall on
 * one of them alone; one round before them warms the browser and is not
 * counted.
 */
export async function timeToVisible(browser, urls, selector, loads, { throttle = 1, network, until, element } = {}) {
  const times = urls.map(() => []);
  const untilTimes = urls.map(() => []);
  for (let round = -1; round < loads; round++) {
    for (const [index, url] of urls.entries()) {
      const view = await browser.newPage();
      const devtools = await browser.context.newCDPSession(view);
      await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      if (network) {
        const bytesPerSecond = (network.mbps * 1e6) / 8;
        await devtools.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: network.latencyMs,
          downloadThroughput: bytesPerSecond,
          uploadThroughput: bytesPerSecond,
        });
      }
      await view.goto(url, { waitUntil: 'commit' });
      await view.locator(selector).first().waitFor({ state: 'visible' });
      const visible = await view.evaluate(painted, element);
      let untilTime;
      if (until) {
        // The reader's first sign of intent (a key press), then `until`.
        const intent = await view.evaluate(() => performance.now());
        await view.keyboard.press('Shift');
        await view.waitForFunction(until);
        untilTime = (await view.evaluate(() => performance.now())) - intent;
      }
      if (round >= 0) {
        times[index].push(visible);
        if (until) untilTimes[index].push(untilTime);
      }
      await view.close();
    }
  }
  const summary = (list) => {
    list.sort((a, b) => a - b);
    const middle = list.length / 2;
    const median = list.length % 2 ? list[Math.floor(middle)] : (list[middle - 1] + list[middle]) / 2;
    return { median, min: list[0], max: list.at(-1) };
  };
  return times.map((list, index) => ({ ...summary(list), ...(until && { until: summary(untilTimes[index]) }) }));
}

/**
 * Runs `command` with `args` after flushing earlier writes (so that they do
 * not slow this run down); returns wall seconds, CPU seconds (user and
 * system, from getrusage), the peak resident memory in MiB and what the
 * command wrote to stderr (a build's summary). Throws when it fails.
 */
export function timedRun(command, args) {
  const measure = [
    'import os, resource, subprocess, sys, time',
    'os.sync()',
    'start = time.perf_counter()',
    'run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)',
    'elapsed = time.perf_counter() - start',
    'usage = resource.getrusage(resource.RUSAGE_CHILDREN)',
    'print(elapsed, usage.ru_utime, usage.ru_stime, usage.ru_maxrss)',
    'print(run.stderr, file=sys.stderr)',
    'sys.exit(run.returncode)',
  ].join('\n');
  const run = spawnSync('python3', ['-c', measure, command, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  const [seconds, user, system, maxrssKib] = run.stdout.trim().split(/\s+/).map(Number);
  return { seconds, user, system, peakMib: maxrssKib / 1024, stderr: run.stderr };
}
