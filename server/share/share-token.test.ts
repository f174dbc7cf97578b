import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveShareKeys, openShareToken, sealShareToken, type ShareGrant } from './share-token.ts';

const NOW = Date.parse('2026-12-08T12:00:00Z');
const SECRET_A = Buffer.alloc(32, 0xa1);
const SECRET_B = Buffer.alloc(32, 0xb2);
const KEYS = deriveShareKeys([SECRET_A]);
const GRANT: ShareGrant = {
  apiKey: 'sk_the-whole-account',
  source: 'attendee',
  botIds: ['bot_weIAju4OXNZkDTpZ', 'bot_Second000000001'],
  expiresAtMs: NOW + 60 * 60 * 1000,
};
const TOKEN = sealShareToken(GRANT, KEYS);
const BYTES = Buffer.from(TOKEN, 'base64url');

function fromBytes(bytes: Buffer): string {
  return bytes.toString('base64url');
}

describe('a share token', () => {
  it('opens to what was sealed', () => {
    expect(openShareToken(TOKEN, KEYS, NOW)).toEqual({ kind: 'valid', grant: GRANT });
  });

  it('holds the key only encrypted: neither the token nor its bytes show it', () => {
    expect(TOKEN).not.toContain(GRANT.apiKey);
    expect(BYTES.toString('latin1')).not.toContain(GRANT.apiKey);
    expect(BYTES.toString('latin1')).not.toContain('bot_weIAju4OXNZkDTpZ');
  });

  it('is different every time, even for the same grant (a fresh IV each)', () => {
    expect(sealShareToken(GRANT, KEYS)).not.toBe(sealShareToken(GRANT, KEYS));
  });

  it('is refused as invalid when any single byte is changed', () => {
    for (let index = 0; index < BYTES.length; index += 1) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const altered = Buffer.from(BYTES);
        altered[index] = altered[index]! ^ flip;
        expect(openShareToken(fromBytes(altered), KEYS, NOW), `byte ${index} ^ ${flip}`).toEqual({
          kind: 'invalid',
        });
      }
    }
  });

  it('is refused as invalid when cut short by any number of bytes or characters', () => {
    for (let length = 0; length < BYTES.length; length += 1) {
      expect(openShareToken(fromBytes(BYTES.subarray(0, length)), KEYS, NOW)).toEqual({
        kind: 'invalid',
      });
    }
    for (let length = 0; length < TOKEN.length; length += 1) {
      expect(openShareToken(TOKEN.slice(0, length), KEYS, NOW).kind).toBe('invalid');
    }
  });

  it('is refused as invalid when extended, or written in another alphabet', () => {
    for (const tail of ['A', 'AA', 'AAAA', '_', '=', '==', '.', ' ', '%3D']) {
      expect(openShareToken(`${TOKEN}${tail}`, KEYS, NOW).kind, tail).toBe('invalid');
    }
    expect(openShareToken(fromBytes(Buffer.concat([BYTES, Buffer.of(0)])), KEYS, NOW).kind).toBe(
      'invalid',
    );
  });

  it('is expired from its expiry on, and valid the millisecond before', () => {
    expect(openShareToken(TOKEN, KEYS, GRANT.expiresAtMs - 1).kind).toBe('valid');
    expect(openShareToken(TOKEN, KEYS, GRANT.expiresAtMs)).toEqual({
      kind: 'expired',
      expiresAtMs: GRANT.expiresAtMs,
    });
  });

  it('is invalid under another secret, and opens while its secret is still listed', () => {
    expect(openShareToken(TOKEN, deriveShareKeys([SECRET_B]), NOW).kind).toBe('invalid');
    const rotated = deriveShareKeys([SECRET_B, SECRET_A]);
    expect(openShareToken(TOKEN, rotated, NOW).kind).toBe('valid');
    // After rotation the new secret seals: the old list alone cannot open those.
    expect(openShareToken(sealShareToken(GRANT, rotated), KEYS, NOW).kind).toBe('invalid');
  });

  it('is refused as invalid for any random tampering (property)', () => {
    const tampering = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        index: fc.nat(),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), keep: fc.nat() }),
      fc.record({
        kind: fc.constant('append' as const),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
      }),
      fc.record({
        kind: fc.constant('splice' as const),
        index: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(tampering, { minLength: 1, maxLength: 4 }), (steps) => {
        let bytes = Buffer.from(BYTES);
        for (const step of steps) {
          if (step.kind === 'set') {
            const index = step.index % bytes.length;
            bytes[index] = step.byte;
          } else if (step.kind === 'cut') {
            bytes = bytes.subarray(0, step.keep % bytes.length);
          } else if (step.kind === 'append') {
            bytes = Buffer.concat([bytes, step.bytes]);
          } else {
            const index = step.index % (bytes.length + 1);
            bytes = Buffer.concat([bytes.subarray(0, index), step.bytes, bytes.subarray(index)]);
          }
          if (bytes.length === 0) break;
        }
        fc.pre(!bytes.equals(BYTES));
        expect(openShareToken(fromBytes(bytes), KEYS, NOW)).toEqual({ kind: 'invalid' });
      }),
      { numRuns: 2000 },
    );
  });
});
