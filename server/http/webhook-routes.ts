import type { FastifyPluginAsync } from 'fastify';
import type { AppMetrics } from '../http/metrics.ts';
import { JsonSyntaxError, parseCanonicalJson } from '../push/canonical-json.ts';
import type { PushBus } from '../push/push-bus.ts';
import { readWebhook } from '../push/push-message.ts';
import { isSignedBy } from '../push/webhook-signature.ts';

export interface WebhookRoutesOptions {
  /** ATTENDEE_WEBHOOK_SECRET's secrets, decoded; the route exists only with one. */
  secrets: readonly Buffer[];
  bus: PushBus;
  metrics: Pick<AppMetrics, 'webhook'>;
}

/** Attendee's envelopes are a few kilobytes; a megabyte is generous and bounds what we read. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

const TEXT = new TextDecoder('utf-8', { fatal: true });

/**
 * `POST /webhooks/attendee`: verifies a delivery over the canonical JSON Attendee signed
 * (docs/attendee-api.md, "Webhooks"), then hands it to the bus once per `idempotency_key`.
 * Nothing of a body that fails the signature is used, not even its idempotency key.
 */
export const webhookRoutes: FastifyPluginAsync<WebhookRoutesOptions> = async (app, options) => {
  // The raw bytes, whatever the Content-Type says: we parse them ourselves, keeping number text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.post('/webhooks/attendee', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
    void reply.header('Cache-Control', 'no-store');
    const signature = request.headers['x-webhook-signature'];
    if (typeof signature !== 'string') {
      options.metrics.webhook('unsigned');
      return reply.code(401).send({ error: 'X-Webhook-Signature is missing' });
    }
    let parsed;
    try {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      parsed = parseCanonicalJson(TEXT.decode(body));
    } catch (error) {
      if (!(error instanceof JsonSyntaxError || error instanceof TypeError)) throw error;
      options.metrics.webhook('bad_json');
      return reply.code(400).send({ error: 'The body is not JSON' });
    }
    if (!isSignedBy(parsed.canonical, signature, options.secrets)) {
      options.metrics.webhook('bad_signature');
      return reply.code(401).send({ error: 'The signature does not match' });
    }
    const reading = readWebhook(parsed.value);
    if (reading.kind === 'malformed') {
      options.metrics.webhook('malformed');
      return reply.code(400).send({ error: 'Not an Attendee webhook envelope' });
    }
    if (!(await options.bus.claim(reading.idempotencyKey))) {
      options.metrics.webhook('duplicate');
      return reply.code(200).send({ status: 'duplicate' });
    }
    if (reading.kind === 'push') {
      try {
        await options.bus.publish(reading.message);
      } catch (error) {
        // Not acknowledged, and not remembered: Attendee's next attempt is pushed.
        await options.bus.release(reading.idempotencyKey).catch(() => undefined);
        throw error;
      }
    }
    options.metrics.webhook(reading.kind === 'push' ? 'pushed' : 'ignored');
    return reply.code(200).send({ status: 'ok' });
  });
};
