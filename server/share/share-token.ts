import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Where the sealed key is used: the real upstream (`/api`) or the built-in demo (`/demo/api`). */
export type ShareSource = 'attendee' | 'demo';

/** What a share token grants: one key, read-only, for these bots, until then. */
export interface ShareGrant {
  apiKey: string;
  source: ShareSource;
  botIds: readonly string[];
  /** Milliseconds since the epoch. */
  expiresAtMs: number;
}

export const MAX_SHARED_BOTS = 12;
export const MAX_SHARE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A secret to seal with, already derived: the first of a list seals, all of them open. */
export interface ShareKeys {
  readonly sealing: Buffer;
  readonly opening: readonly Buffer[];
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Binds the derived key to this use: the same SHARE_SECRET could be reused elsewhere. */
const HKDF_INFO = 'attendee-live share token v1';
const BOT_ID = /^bot_[A-Za-z0-9]+$/;

/** SHARE_SECRET's values (raw bytes) become AES-256 keys, one per secret, in the same order. */
export function deriveShareKeys(secrets: readonly Buffer[]): ShareKeys {
  if (secrets.length === 0) throw new Error('At least one share secret is needed');
  const keys = secrets.map((secret) =>
    Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, KEY_BYTES)),
  );
  return { sealing: keys[0]!, opening: keys };
}

/** For a server started without SHARE_SECRET: links then live as long as this process. */
export function randomShareSecret(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** version (1 byte) ‖ IV (12) ‖ ciphertext ‖ GCM tag (16), base64url. */
export function sealShareToken(grant: ShareGrant, keys: ShareKeys): string {
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.from([VERSION]);
  const cipher = createCipheriv('aes-256-gcm', keys.sealing, iv);
  // The version is authenticated too, so it cannot be swapped to make the token read otherwise.
  cipher.setAAD(header);
  const payload = JSON.stringify({
    k: grant.apiKey,
    s: grant.source,
    b: grant.botIds,
    e: grant.expiresAtMs,
  });
  const ciphertext = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
  return Buffer.concat([header, iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
}

export type OpenedShareToken =
  | { kind: 'valid'; grant: ShareGrant }
  | { kind: 'expired'; expiresAtMs: number }
  | { kind: 'invalid' };

function decrypt(bytes: Buffer, key: Buffer): Buffer | null {
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const ciphertext = bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(bytes.subarray(0, 1));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

function readGrant(plaintext: Buffer): ShareGrant | null {
  let value: unknown;
  try {
    value = JSON.parse(plaintext.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { k, s, b, e } = value as Record<string, unknown>;
  if (typeof k !== 'string' || k === '' || (s !== 'attendee' && s !== 'demo')) return null;
  if (!Array.isArray(b) || b.length === 0 || b.length > MAX_SHARED_BOTS) return null;
  if (!b.every((id): id is string => typeof id === 'string' && BOT_ID.test(id))) return null;
  if (typeof e !== 'number' || !Number.isFinite(e)) return null;
  return { apiKey: k, source: s, botIds: b, expiresAtMs: e };
}

/**
 * Opens a token sealed with any of the keys. Anything that is not, byte for byte, what one of
 * them sealed (a changed byte, a cut or an extension, another alphabet) is `invalid`; a genuine
 * token past its expiry is `expired`, so the page can say which.
 */
export function openShareToken(token: string, keys: ShareKeys, nowMs: number): OpenedShareToken {
  // base64url without padding only: Buffer.from would skip characters it does not know, and so
  // open an altered token as if it were the original.
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return { kind: 'invalid' };
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.toString('base64url') !== token) return { kind: 'invalid' };
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES + 1 || bytes[0] !== VERSION)
    return { kind: 'invalid' };
  for (const key of keys.opening) {
    const plaintext = decrypt(bytes, key);
    if (plaintext === null) continue;
    const grant = readGrant(plaintext);
    if (grant === null) return { kind: 'invalid' };
    if (nowMs >= grant.expiresAtMs) return { kind: 'expired', expiresAtMs: grant.expiresAtMs };
    return { kind: 'valid', grant };
  }
  return { kind: 'invalid' };
}
