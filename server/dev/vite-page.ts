import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createServer } from 'vite';
import { contentSecurityPolicy } from '../http/security-headers.ts';

/**
 * What Vite writes into every inline script and style it adds (html.cspNonce); each answer of
 * index.html swaps it for a nonce of its own, which that answer's policy allows.
 */
const NONCE_PLACEHOLDER = 'vite-csp-nonce-placeholder';

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

/**
 * The page for `npm run dev`: Vite in middleware mode behind the production app, in place of the
 * built files. The app's routes (the proxy, the demo, share links, health) come first, with the
 * production limits and headers; every other GET goes to Vite, which answers the sources it
 * transforms and passes on the rest, a 404 as in production. Hot reload shares the app's port.
 */
export function vitePage(root: string) {
  return fp(
    async (app) => {
      const vite = await createServer({
        root,
        // No SPA fallback: as in production, the page lives at `/` and other paths are 404s.
        appType: 'custom',
        server: { middlewareMode: true, ws: { server: app.server } },
        html: { cspNonce: NONCE_PLACEHOLDER },
      });
      app.addHook('onClose', () => vite.close());

      async function sendIndex(request: FastifyRequest, reply: FastifyReply) {
        const source = await readFile(join(root, 'index.html'), 'utf8');
        const html = await vite.transformIndexHtml(request.url, source);
        // 16 random bytes, as the CSP specification asks of a nonce.
        const nonce = randomBytes(16).toString('base64');
        return reply
          .header('Content-Security-Policy', contentSecurityPolicy(nonce))
          .header('Cache-Control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(html.replaceAll(NONCE_PLACEHOLDER, nonce));
      }
      app.get('/', sendIndex);
      app.get('/index.html', sendIndex);

      app.get('/*', (request, reply) => {
        // Vite writes to the Node response itself: it gets the headers the app's hooks set.
        reply.hijack();
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined) reply.raw.setHeader(name, value);
        }
        vite.middlewares(request.raw, reply.raw, (error?: unknown) => {
          if (error === undefined) sendPlain(reply.raw, 404, 'Not found');
          else sendPlain(reply.raw, 500, error instanceof Error ? error.message : String(error));
        });
      });
    },
    { name: 'vite-page' },
  );
}
