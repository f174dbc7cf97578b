import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAttendeeMiddleware } from './attendee-middleware.ts';

const BOT_PATH = '/api/v1/bots/bot_weIAju4OXNZkDTpZ';
let closeServer: () => void = () => undefined;

async function startApp() {
  const upstream = vi.fn((request: Request) =>
    Promise.resolve(new Response(JSON.stringify({ url: request.url }), { status: 200 })),
  );
  const demo = vi.fn((request: Request) =>
    Promise.resolve(new Response(JSON.stringify({ url: request.url }), { status: 200 })),
  );
  const middleware = createAttendeeMiddleware({ upstream, demo, log: () => undefined });
  const server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 418;
      res.end('served by vite');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeServer = () => server.close();
  return { port: (server.address() as AddressInfo).port, upstream, demo };
}

/** Sends the request target byte for byte: no URL parsing on the client side. */
function rawRequest(port: number, target: string, method = 'GET') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: target, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

afterEach(() => closeServer());

describe('the attendee middleware', () => {
  it('sends allowed /api paths to the upstream proxy, query and all', async () => {
    const { port, upstream, demo } = await startApp();
    const response = await rawRequest(port, `${BOT_PATH}/participant_events?after=x&cursor=y`);
    expect(response.status).toBe(200);
    expect(new URL(upstream.mock.calls[0]?.[0].url ?? '').pathname).toBe(
      `${BOT_PATH}/participant_events`,
    );
    expect(new URL(upstream.mock.calls[0]?.[0].url ?? '').search).toBe('?after=x&cursor=y');
    expect(demo).not.toHaveBeenCalled();
  });

  it('sends /demo/api paths to the simulator without the /demo prefix', async () => {
    const { port, upstream, demo } = await startApp();
    await rawRequest(port, '/demo/api/v1/bots/bot_DemoMeetingLive1/participants?is_host=true');
    const url = new URL(demo.mock.calls[0]?.[0].url ?? '');
    expect(url.pathname + url.search).toBe(
      '/api/v1/bots/bot_DemoMeetingLive1/participants?is_host=true',
    );
    expect(upstream).not.toHaveBeenCalled();
  });

  it.each([
    `${BOT_PATH}/../bot_Other`,
    `/api/v1/bots/bot_Other/participants/..`,
    `${BOT_PATH}/%2e%2e/bot_Other`,
    `${BOT_PATH}/.%2E/.%2e/projects`,
    `/api/v1/bots//bot_Other`,
    `${BOT_PATH}\\participants`,
    `${BOT_PATH}/`,
    `/demo/api/v1/bots/bot_DemoMeetingLive1/../../../../api/v1/bots/bot_Other`,
    `/demo/api/v1/bots/bot_DemoMeetingLive1/`,
    `http://evil.example${BOT_PATH}`,
  ])('answers the path trick %s with 404 before any handler', async (target) => {
    const { port, upstream, demo } = await startApp();
    const response = await rawRequest(port, target);
    expect(response.status).toBe(404);
    expect(upstream).not.toHaveBeenCalled();
    expect(demo).not.toHaveBeenCalled();
  });

  it('leaves a scheme-relative target to Vite, never to a handler', async () => {
    const { port, upstream, demo } = await startApp();
    expect((await rawRequest(port, `//evil.example${BOT_PATH}`)).status).toBe(418);
    expect(upstream).not.toHaveBeenCalled();
    expect(demo).not.toHaveBeenCalled();
  });

  it('refuses methods a Web Request cannot carry without reaching a handler', async () => {
    const { port, upstream } = await startApp();
    const response = await rawRequest(port, BOT_PATH, 'TRACE');
    expect(response.status).toBe(405);
    expect(upstream).not.toHaveBeenCalled();
  });

  it.each(['/', '/index.html', '/src/main.tsx', '/apix', '/demo/', '/demo'])(
    'leaves %s to Vite',
    async (target) => {
      const { port } = await startApp();
      expect((await rawRequest(port, target)).status).toBe(418);
    },
  );
});
