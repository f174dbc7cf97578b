import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Webhook-Signature`: base64 of HMAC-SHA256 over the canonical JSON (canonical-json.ts),
 * UTF-8 encoded, keyed with a webhook secret's bytes (docs/attendee-api.md, "Webhooks").
 */
export function signWebhook(canonical: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('base64');
}

/**
 * Whether any of `secrets` signed `canonical`: several while rotating, since Attendee signs with
 * the newest and a delivery in flight may carry the one before. Compared in constant time, so
 * the time taken says nothing about how close a forged signature came.
 */
export function isSignedBy(
  canonical: string,
  signature: string | undefined,
  secrets: readonly Buffer[],
): boolean {
  if (signature === undefined) return false;
  const given = Buffer.from(signature.trim(), 'utf8');
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhook(canonical, secret), 'utf8');
    // Lengths differ only for a malformed header; that says nothing about the secret.
    if (expected.length === given.length && timingSafeEqual(expected, given)) matched = true;
  }
  return matched;
}
