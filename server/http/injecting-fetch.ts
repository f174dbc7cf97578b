import type { FastifyInstance } from 'fastify';

/**
 * A fetch that answers through `app.inject()`: for the server's requests to itself where the
 * network would not do (its TLS certificate names a host that 127.0.0.1 is not). Only what the
 * demo's webhook deliveries use: a method, string headers and a string body.
 */
export function injectingFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const response = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      payload: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers: { 'content-type': String(response.headers['content-type'] ?? 'text/plain') },
    });
  };
}
