import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HASHED_SCRIPT,
  INDEX_HTML,
  SCRIPT_TEXT,
  startTestApp,
  type TestApp,
} from '../testing/test-app.ts';

let running: TestApp | undefined;

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

async function get(url: string, headers: Record<string, string> = {}) {
  running ??= await startTestApp();
  return running.app.inject({ method: 'GET', url, headers });
}

describe('the built page, as the production server serves it', () => {
  it.each([
    ['br, gzip, deflate', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
    ['gzip;q=1, br;q=0', 'gzip', gunzipSync],
  ])(
    'sends the script compressed at build time to a browser accepting %s',
    async (accept, encoding, decode) => {
      const response = await get(HASHED_SCRIPT, { 'accept-encoding': accept });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/^application\/javascript/);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(response.rawPayload).toString()).toBe(SCRIPT_TEXT);
    },
  );

  it('sends the file as it is to a client that accepts no compression', async () => {
    const response = await get(HASHED_SCRIPT, { 'accept-encoding': 'identity' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.body).toBe(SCRIPT_TEXT);
  });

  it('lets browsers keep hashed assets for a year, unasked', async () => {
    const response = await get(HASHED_SCRIPT, { 'accept-encoding': 'br' });
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/', '/index.html', '/?bot=bot_abc123'])(
    'serves the page at %s, asked for again every time',
    async (url) => {
      const response = await get(url, { 'accept-encoding': 'br' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(response.rawPayload).toString()).toBe(INDEX_HTML);
    },
  );

  it('answers a revalidation of an unchanged page with 304', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    const again = await get('/', {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it.each([
    '/assets/nope.js',
    '/assets/index-Ab12Cd34.css',
    '/favicon.ico',
    '/meeting/42',
    '/.env',
  ])('answers %s with a 404, not the page', async (url) => {
    const response = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toBe('Not found');
  });
});
