import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  startSimulatorServer,
  type RunningSimulatorServer,
} from '../server/dev/simulator-server.ts';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../server/http/security-headers.ts';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { DEMO_API_KEY, DEMO_BOT_ID } from '../src/common/demo-meeting.ts';
import { freePort, waitForHttp } from './support/app-under-test.ts';
import { copyOfProject, userEnvironment } from './support/build-app.ts';
import { collectPolicyViolations } from './support/policy-violations.ts';
import { connectToChromium } from './support/shared-chromium.ts';

/*
 * `npm run dev` as a developer runs it: the production app (its routes, rate limit, body limit
 * and headers) with Vite serving the page from the sources, hot reload on the same port. It runs
 * in a copy of the project, so a test can change a source file as a developer would.
 */

const BOT = 'bot_DevServerTest001';
const KEY = 'dev-key';
const RATE_LIMIT = 4;

let upstream: RunningSimulatorServer;
let checkout: { root: string; remove: () => Promise<void> };
let dev: ChildProcess;
let output = '';
let url: string;
let browser: Browser;

beforeAll(async () => {
  const simulator = new SimulatedAttendee();
  simulator.addBot({ id: BOT, apiKey: KEY });
  upstream = await startSimulatorServer(simulator);
  checkout = await copyOfProject();
  const port = await freePort();
  dev = spawn('npm', ['run', 'dev'], {
    cwd: checkout.root,
    env: userEnvironment({
      PORT: String(port),
      ATTENDEE_API_URL: upstream.url,
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, dev, 60_000);
  browser = await connectToChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dev?.pid !== undefined && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    process.kill(-dev.pid, 'SIGTERM');
    await exited;
  }
  await upstream?.close();
  await checkout?.remove();
});

/** A GET from a loopback address of the test's choosing: the rate limit counts per address. */
function getFrom(localAddress: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      { localAddress, headers: { Authorization: `Token ${KEY}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function expectProductionHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
}

async function openPage(): Promise<{ page: Page; violations: string[]; console: string[] }> {
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  const violations = await collectPolicyViolations(page);
  await page.goto(url);
  return { page, violations, console: consoleLines };
}

describe('npm run dev', () => {
  it('serves the page from the sources under the production policy, with a nonce for Vite alone', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/src/app/main.tsx"');
    const nonce = /<meta property="csp-nonce" nonce="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonce));
    expectProductionHeaders(response.headers);
    // A new nonce each time the page is asked for.
    expect(await (await fetch(url)).text()).not.toContain(nonce);

    const script = await fetch(`${url}/src/app/main.tsx`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expectProductionHeaders(script.headers);

    const missing = await fetch(`${url}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not found');
  });

  it('proxies /api to ATTENDEE_API_URL and serves the built-in demo at /demo/api', async () => {
    const bot = await fetch(`${url}/api/v1/bots/${BOT}`, {
      headers: { Authorization: `Token ${KEY}` },
    });
    expect(bot.status).toBe(200);
    expect(await bot.json()).toMatchObject({ id: BOT });
    expectProductionHeaders(bot.headers);
    const demo = await fetch(`${url}/demo/api/v1/bots/${DEMO_BOT_ID}`, {
      headers: { Authorization: `Token ${DEMO_API_KEY}` },
    });
    expect(demo.status).toBe(200);
    expect(await demo.json()).toMatchObject({ id: DEMO_BOT_ID });
    expect(output).toMatch(new RegExp(`^GET /api/v1/bots/${BOT} 200 \\d+ms reqId=`, 'm'));
  });

  it('refuses a request body with 413, as production does', async () => {
    const response = await fetch(`${url}/api/v1/bots/${BOT}`, {
      method: 'POST',
      headers: { Authorization: `Token ${KEY}`, 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'Request bodies are not accepted' });
  });

  it('holds one address to RATE_LIMIT_PER_MINUTE upstream requests, then answers 429', async () => {
    // Other bots each time: answers shared between identical requests are not counted.
    const statuses: number[] = [];
    for (let index = 0; index <= RATE_LIMIT; index += 1) {
      statuses.push(await getFrom('127.0.0.2', `/api/v1/bots/bot_RateLimited00${index}`));
    }
    expect(statuses.slice(0, RATE_LIMIT)).not.toContain(429);
    expect(statuses[RATE_LIMIT]).toBe(429);
    // Another address is not held back by it.
    expect(await getFrom('127.0.0.3', `/api/v1/bots/${BOT}`)).toBe(200);
  });

  it('runs the page without a policy violation, and hot-reloads a changed stylesheet', async () => {
    const { page, violations, console: consoleLines } = await openPage();
    await page.getByRole('button', { name: 'Try the demo meeting' }).waitFor();
    // Limits for a hang, not speed checks: Tailwind rebuilds the stylesheet on a busy machine.
    await expect.poll(() => consoleLines, { timeout: 20_000 }).toContain('[vite] connected.');
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'hmr-probe';
      document.body.append(probe);
      (window as unknown as { beforeReload: boolean }).beforeReload = true;
    });
    await appendFile(
      join(checkout.root, 'src', 'app', 'index.css'),
      '\n#hmr-probe { color: rgb(1, 2, 3); }\n',
    );
    await expect
      .poll(
        () => page.evaluate(() => getComputedStyle(document.getElementById('hmr-probe')!).color),
        { timeout: 20_000 },
      )
      .toBe('rgb(1, 2, 3)');
    // Updated in place, not reloaded.
    expect(await page.evaluate(() => 'beforeReload' in window)).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });
});
