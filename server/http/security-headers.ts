import fp from 'fastify-plugin';

/** No inline script, nothing from another origin, and never inside someone else's frame. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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
