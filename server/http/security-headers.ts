import fp from 'fastify-plugin';

/**
 * No inline script, nothing from another origin, and never inside someone else's frame. With a
 * nonce (the development page alone, server/dev/vite-page.ts), the inline scripts and styles that
 * carry it run too: Vite's hot reload needs them.
 */
export function contentSecurityPolicy(nonce?: string): string {
  const inline = nonce === undefined ? '' : ` 'nonce-${nonce}'`;
  return [
    "default-src 'self'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * A year of HTTPS only, sent only when this server holds the certificate: behind a reverse
 * proxy that terminates TLS, the proxy decides. No `includeSubDomains`: other hosts of the
 * domain are not ours to commit.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** Sent with every answer, the page's and the API's, the 404s included. */
export const securityHeaders = fp<{ hsts?: boolean }>(
  (app, options, done) => {
    app.addHook('onRequest', (_request, reply, next) => {
      reply.headers({
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      if (options.hsts === true)
        reply.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
      next();
    });
    done();
  },
  { name: 'security-headers' },
);
