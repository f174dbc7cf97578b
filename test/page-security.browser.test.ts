import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SimulatedAttendee } from '../server/simulator/simulated-attendee.ts';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test.ts';
import { connectToChromium } from './support/shared-chromium.ts';
import { waitUntilLive } from './support/dashboard-page.ts';
import { collectPolicyViolations } from './support/policy-violations.ts';

/*
 * The page as `npm start` serves it: a Content-Security-Policy that allows no inline script and
 * no other origin, which the page itself never trips over, and no way in the source to write
 * HTML from a string.
 */

let app: AppUnderTest;
let browser: Browser;
// One context for the file, a page of its own for each test: the listeners and scripts each test
// adds to its page stay with that page.
let context: BrowserContext;
let page: Page;
let thirdParty: Server;
let thirdPartyOrigin: string;
const thirdPartyRequests: string[] = [];
let violations: string[];

beforeAll(async () => {
  thirdParty = createServer((req, res) => {
    thirdPartyRequests.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/javascript');
    res.end('window.__thirdParty = true;');
  });
  await new Promise<void>((resolve) => thirdParty.listen(0, '127.0.0.1', resolve));
  thirdPartyOrigin = `http://127.0.0.1:${(thirdParty.address() as AddressInfo).port}`;
  app = await startAppUnderTest(new SimulatedAttendee());
  browser = await connectToChromium();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  thirdParty?.closeAllConnections();
  await new Promise((resolve) => thirdParty?.close(resolve));
});

beforeEach(async () => {
  page = await context.newPage();
  violations = await collectPolicyViolations(page);
});

afterEach(async () => {
  await page.close();
});

function parsePolicy(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('the page’s Content-Security-Policy', () => {
  it('allows scripts and connections to our own origin only, and no inline script', async () => {
    const response = await fetch(app.url);
    const policy = parsePolicy(response.headers.get('content-security-policy') ?? '');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) {
        // Only our origin (or nothing, or data: images): no hosts, no schemes, no unsafe-*.
        expect([`'self'`, `'none'`, ...(name === 'img-src' ? ['data:'] : [])]).toContain(source);
      }
    }
    const html = await response.text();
    // Every script the built page has is a file from our origin.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/[^/]/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('is never tripped by the page itself, through a whole demo meeting', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo meeting' }).click();
    await waitUntilLive(page);
    await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
    expect(violations).toEqual([]);
  });

  it('blocks inline script, scripts and connections from other origins', async () => {
    await page.goto(app.url);
    const outcome = await page.evaluate(async (origin) => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = true;';
      document.head.append(inline);
      const handler = document.createElement('img');
      handler.setAttribute('onerror', 'window.__handler = true');
      // Listeners run in the order they were added: by this one's turn, the inline handler has
      // run, if the policy let it.
      const handled = new Promise((resolve) => handler.addEventListener('error', resolve));
      handler.src = 'data:,not-an-image';
      document.body.append(handler);
      const external = document.createElement('script');
      external.src = `${origin}/tracker.js`;
      const loaded = new Promise((resolve) => {
        external.onload = () => resolve('loaded');
        external.onerror = () => resolve('blocked');
      });
      document.head.append(external);
      let fetched: string;
      try {
        await fetch(`${origin}/collect`);
        fetched = 'sent';
      } catch {
        fetched = 'blocked';
      }
      await handled;
      const state = window as unknown as Record<string, unknown>;
      return {
        inline: state.__inline ?? false,
        handler: state.__handler ?? false,
        external: await loaded,
        thirdParty: state.__thirdParty ?? false,
        fetched,
      };
    }, thirdPartyOrigin);
    expect(outcome).toEqual({
      inline: false,
      handler: false,
      external: 'blocked',
      thirdParty: false,
      fetched: 'blocked',
    });
    expect(thirdPartyRequests).toEqual([]);
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
  });
});

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .filter((entry) => !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the page’s source', () => {
  it('never writes HTML from a string or runs a string as code', async () => {
    const offending: string[] = [];
    for (const file of await sourceFiles(join(import.meta.dirname, '..', 'src'))) {
      const text = await readFile(file, 'utf8');
      const pattern =
        /dangerouslySetInnerHTML|\.(?:inner|outer)HTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(/;
      if (pattern.test(text)) offending.push(file);
    }
    expect(offending).toEqual([]);
  });
});
