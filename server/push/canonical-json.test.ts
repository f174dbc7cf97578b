import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseCanonicalJson } from './canonical-json.ts';
import { isSignedBy, signWebhook } from './webhook-signature.ts';

interface Fixture {
  secret: string;
  deliveries: { body: string; canonical: string; signature: string }[];
}

/** Signed once by Python's json.dumps(…, sort_keys=True, ensure_ascii=False, separators=(",", ":")). */
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/python-signed-webhooks.json', import.meta.url), 'utf8'),
) as Fixture;
const secret = Buffer.from(fixture.secret, 'base64');

describe('the canonical JSON Attendee signs', () => {
  it.each(fixture.deliveries.map((delivery, index) => [index, delivery] as const))(
    'rebuilds Python’s bytes from the body Attendee sends (delivery %i)',
    (_index, delivery) => {
      expect(parseCanonicalJson(delivery.body).canonical).toBe(delivery.canonical);
      expect(parseCanonicalJson(delivery.canonical).canonical).toBe(delivery.canonical);
    },
  );

  it('accepts each Python-signed delivery and refuses it under another secret', () => {
    for (const delivery of fixture.deliveries) {
      const { canonical } = parseCanonicalJson(delivery.body);
      expect(isSignedBy(canonical, delivery.signature, [secret])).toBe(true);
      expect(isSignedBy(canonical, delivery.signature, [Buffer.alloc(32, 1)])).toBe(false);
    }
  });

  it('keeps numbers as sent: 1.0 stays 1.0, 1e-05 stays 1e-05', () => {
    expect(parseCanonicalJson('{"b": 1.0, "a": [1e-05, -0.0, 10]}').canonical).toBe(
      '{"a":[1e-05,-0.0,10],"b":1.0}',
    );
  });

  it('sorts keys by code point at every depth, as Python does', () => {
    const text = JSON.stringify({ '\u{1F600}': 1, '\uFFFF': 2, b: { d: 1, c: [{ z: 0, a: 0 }] } });
    expect(parseCanonicalJson(text).canonical).toBe(
      '{"b":{"c":[{"a":0,"z":0}],"d":1},"\uFFFF":2,"\u{1F600}":1}',
    );
  });

  it('writes non-ASCII as is and escapes only quotes, backslashes and control characters', () => {
    expect(parseCanonicalJson('"Jos\\u00e9 \\"x\\" \\\\ \\u0001 \\u2028 \\/"').canonical).toBe(
      '"José \\"x\\" \\\\ \\u0001 \u2028 /"',
    );
  });

  it('gives the plain value beside the canonical form', () => {
    expect(parseCanonicalJson('{"a": [1.5, true, null, "x"], "__proto__": 1}').value).toEqual(
      JSON.parse('{"a": [1.5, true, null, "x"], "__proto__": 1}'),
    );
  });

  it.each(['', '{', '{"a":1,}', '[1 2]', '01', '"\u0001"', '{"a":1} x', 'tru', "{'a':1}"])(
    'refuses %j, which is not JSON',
    (text) => {
      expect(() => parseCanonicalJson(text)).toThrow(JsonSyntaxError);
    },
  );

  it('refuses nesting deeper than any envelope', () => {
    expect(() => parseCanonicalJson('['.repeat(100) + ']'.repeat(100))).toThrow(JsonSyntaxError);
  });

  it('signs with base64 HMAC-SHA256 and accepts any of the rotation’s secrets', () => {
    const canonical = '{"a":1}';
    const signature = signWebhook(canonical, secret);
    expect(isSignedBy(canonical, signature, [Buffer.alloc(32, 9), secret])).toBe(true);
    expect(isSignedBy(canonical, undefined, [secret])).toBe(false);
    expect(isSignedBy(canonical, `${signature}x`, [secret])).toBe(false);
  });
});
