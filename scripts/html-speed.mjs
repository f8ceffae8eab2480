// Size and time-to-interactive of phusong's pages (report.html, compare.html) in headless
// Chromium, for issue 19's budget (≤ 3 MB, usable within 1.5 s). Run by scripts/html-speed.sh;
// by hand: node scripts/html-speed.mjs [--runs N] PAGE.html[#fragment] …
//
// Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: file
// descriptors 3 and 4, NUL-terminated JSON messages), with real time — not --virtual-time-budget,
// whose clock stands still while scripts run. For each page and run: a fresh profile, navigate,
// then poll <html data-ready-ms>, which the page sets from performance.now() (milliseconds since
// navigation started) once its tables (and map) are drawn and respond. Then it counts the DOM's
// elements and times a first interaction: typing into the page's search box (report.html: #find,
// "dien bien"; compare.html: #village-filter, "ban") until the results are drawn.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
let runs = 3;
const pages = [];
for (let i = 2; i < process.argv.length; i += 1) {
  if (process.argv[i] === '--runs') runs = parseInt(process.argv[++i], 10);
  else pages.push(process.argv[i]);
}
if (pages.length === 0) {
  console.error('usage: node scripts/html-speed.mjs [--runs N] PAGE.html[#fragment] …');
  process.exit(64);
}

function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'phusong-speed-'));
  const child = spawn(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
    '--disable-background-networking', '--remote-debugging-pipe', '--user-data-dir=' + profile, 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const waiting = new Map();
  let next = 1, buffer = Buffer.alloc(0);
  child.stdio[4].on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    let end;
    while ((end = buffer.indexOf(0)) !== -1) {
      const message = JSON.parse(buffer.subarray(0, end).toString('utf8'));
      buffer = buffer.subarray(end + 1);
      const pending = message.id && waiting.get(message.id);
      if (pending) {
        waiting.delete(message.id);
        message.error ? pending.reject(new Error(JSON.stringify(message.error))) : pending.resolve(message.result);
      }
    }
  });
  function send(method, params = {}, sessionId) {
    const id = next++;
    child.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
    return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
  }
  function close() {
    return new Promise((done) => {
      child.on('exit', () => { rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); done(); });
      child.kill();
    });
  }
  return { send, close };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function measure(page) {
  const [file, fragment = ''] = page.split('#');
  const url = pathToFileURL(resolve(file)).href + (fragment ? '#' + fragment : '');
  const { send, close } = browser();
  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const evaluate = async (expression) =>
      (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)).result.value;
    await send('Page.enable', {}, sessionId);
    const started = Date.now();
    await send('Page.navigate', { url }, sessionId);
    let ready = null;
    while (typeof ready !== 'string' && Date.now() - started < 60000) {
      await sleep(10);
      ready = await evaluate("location.href.startsWith('file:') ? document.documentElement.getAttribute('data-ready-ms') : null").catch(() => null);
    }
    const wall = Date.now() - started;
    const elements = await evaluate("document.getElementsByTagName('*').length");
    const parsed = await evaluate("Math.round(performance.getEntriesByType('navigation')[0].domInteractive)");
    const places = await evaluate("document.documentElement.getAttribute('data-places-ms')");
    const interaction = await evaluate(`new Promise((done) => {
      const box = document.getElementById('find') || document.getElementById('village-filter');
      if (!box) return done(null);
      const start = performance.now();
      box.value = document.getElementById('find') ? 'dien bien' : 'ban';
      box.dispatchEvent(new Event('input'));
      requestAnimationFrame(() => setTimeout(() => done(Math.round(performance.now() - start)), 0));
    })`);
    return { ready: typeof ready === 'string' ? parseInt(ready, 10) : null, wall, elements, interaction, parsed, places };
  } finally {
    await close();
  }
}

for (const page of pages) {
  const bytes = statSync(page.split('#')[0]).size;
  const results = [];
  for (let run = 0; run < runs; run += 1) results.push(await measure(page));
  const median = (key) => {
    const values = results.map((r) => r[key]).filter((v) => v !== null).sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)] : null;
  };
  console.log(`${page}: ${(bytes / 1048576).toFixed(2)} MB (${bytes} bytes); ` +
    `usable at ${results.map((r) => r.ready).join(', ')} ms after navigation (median ${median('ready')} ms; ` +
    `${results.map((r) => r.wall).join(', ')} ms as seen from the driver; HTML parsed at ${results.map((r) => r.parsed).join(', ')} ms; ` +
    `villages and sites unpacked at ${results.map((r) => r.places ?? '-').join(', ')} ms); ${median('elements')} DOM elements; ` +
    `first search drawn in ${results.map((r) => r.interaction).join(', ')} ms`);
}
