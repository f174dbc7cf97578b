import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { DEFAULT_UPSTREAM } from '../attendee-api.ts';
import type { TrustProxy } from './create-app.ts';
import type { LogFormat } from './server-log.ts';
import { SHUTDOWN_GRACE_MS } from './graceful-shutdown.ts';
import { DEFAULT_REUSE_MS } from '../proxy/shared-answers.ts';

export interface ServerConfig {
  port: number;
  host: string;
  upstreamUrl: string;
  trustProxy: TrustProxy;
  logFormat: LogFormat;
  rateLimitPerMinute: number;
  /** How long requests in flight may take to finish after SIGTERM or Ctrl-C. */
  shutdownGraceMs: number;
  /** How long one viewer's answer is handed to the same request from the others; 0 for never. */
  sharedAnswerMs: number;
  /** Where `/metrics` is served, on `host`; none when unset. */
  metricsPort: number | null;
  /** SHARE_SECRET's secrets, the sealing one first; null when unset (main.ts makes one). */
  shareSecrets: Buffer[] | null;
  /** ATTENDEE_WEBHOOK_SECRET's secrets, decoded; empty when unset (no webhooks, no push). */
  webhookSecrets: Buffer[];
  /** Where pushes fan out between instances; null for in memory (one instance). */
  redisUrl: string | null;
  /** TLS_CERT_FILE and TLS_KEY_FILE, read: HTTPS with HTTP/2; null for plain HTTP/1.1. */
  tls: TlsFiles | null;
}

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/**
 * Upstream requests one client address may cause in a minute. A 10,000-event meeting's history
 * is about 410 requests in a few seconds (`npm run bench`), a live page then asks about 32 a
 * minute (events every 3 s, bot and hosts every 10 s), and a wall of twelve meetings about 390.
 * A very long meeting (200,000 events, 8,000 pages) loads at up to about 3,000 requests a minute
 * (six in flight at 120 ms): 6,000 lets it load at the network's pace beside another tab, and
 * still bounds what one address can ask of Attendee. Answers shared with other viewers cost the
 * upstream nothing and are not counted.
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;

function positiveInteger(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

/**
 * TRUST_PROXY: unset or `false` for a server reached directly; `true` when it is reached only
 * through a reverse proxy; a number of proxy hops to trust; or the proxies' addresses and
 * subnets, comma-separated. Only then is X-Forwarded-For believed for the client's address
 * (the rate limit's key) and X-Forwarded-Proto for the scheme.
 */
function readTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = positiveInteger('TRUST_PROXY', value, 1, 100);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((part) => part.trim());
}

function readUpstreamUrl(value: string | undefined): string {
  const url = value ?? DEFAULT_UPSTREAM;
  if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
    throw new Error(`ATTENDEE_API_URL must be an http(s) URL, not "${url}"`);
  }
  return url;
}

/** METRICS_PORT: unset for no metrics; never the public port, which viewers reach. */
function readMetricsPort(value: string | undefined, port: number): number | null {
  if (value === undefined || value === '') return null;
  const metricsPort = positiveInteger('METRICS_PORT', value, 1, 65_535);
  if (metricsPort === port) throw new Error(`METRICS_PORT must differ from PORT (${port})`);
  return metricsPort;
}

const SHARE_SECRET_MIN_BYTES = 32;

/**
 * SHARE_SECRET: base64 of 32 random bytes or more (`openssl rand -base64 32`); several,
 * comma-separated, while rotating: the first seals new links, every one of them opens links.
 */
function readShareSecrets(value: string | undefined): Buffer[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value.split(',').map((part, index) => {
    const text = part.trim();
    const bytes = Buffer.from(text, 'base64');
    const canonical = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text);
    if (!canonical || bytes.length < SHARE_SECRET_MIN_BYTES) {
      // Never echo the value: it is a secret.
      throw new Error(
        `SHARE_SECRET's secret number ${index + 1} must be base64 of at least ${SHARE_SECRET_MIN_BYTES} random bytes`,
      );
    }
    return bytes;
  });
}

/**
 * ATTENDEE_WEBHOOK_SECRET: the webhook secret Attendee shows, base64 of 32 bytes; several,
 * comma-separated, while rotating (Attendee signs with the newest; any listed one verifies).
 */
export function readWebhookSecrets(value: string | undefined): Buffer[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part, index) => {
    const text = part.trim();
    const bytes = Buffer.from(text, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || bytes.length < 16) {
      // Never echo the value: it is a secret.
      throw new Error(
        `ATTENDEE_WEBHOOK_SECRET's secret number ${index + 1} must be the base64 secret Attendee shows`,
      );
    }
    return bytes;
  });
}

function readRedisUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^rediss?:\/\/./.test(value) || !URL.canParse(value)) {
    // Not echoed: a Redis URL may hold a password.
    throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  }
  return value;
}

function readTlsFile(name: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`${name} (${path}) cannot be read: ${code}`, { cause: error });
  }
}

/**
 * TLS_CERT_FILE and TLS_KEY_FILE: PEM files (the certificate chain, the private key), both or
 * neither. Checked here, as Node will use them, so a wrong pair stops the start with a sentence
 * rather than failing the first handshake.
 */
function readTls(certFile: string | undefined, keyFile: string | undefined): TlsFiles | null {
  const cert = certFile === '' ? undefined : certFile;
  const key = keyFile === '' ? undefined : keyFile;
  if (cert === undefined && key === undefined) return null;
  if (cert === undefined || key === undefined) {
    const [set, missing] =
      cert === undefined ? ['TLS_KEY_FILE', 'TLS_CERT_FILE'] : ['TLS_CERT_FILE', 'TLS_KEY_FILE'];
    throw new Error(`${set} is set but ${missing} is not: set both for HTTPS, or neither`);
  }
  const files = { cert: readTlsFile('TLS_CERT_FILE', cert), key: readTlsFile('TLS_KEY_FILE', key) };
  try {
    createSecureContext(files);
  } catch (error) {
    // OpenSSL's reason ("key values mismatch", "no start line") names no secret.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`TLS_CERT_FILE and TLS_KEY_FILE are not a usable pair: ${reason}`, {
      cause: error,
    });
  }
  return files;
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const logFormat = env.LOG_FORMAT ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') {
    throw new Error(`LOG_FORMAT must be "text" or "json", not "${logFormat}"`);
  }
  const port = positiveInteger('PORT', env.PORT ?? '5173', 0, 65_535);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    upstreamUrl: readUpstreamUrl(env.ATTENDEE_API_URL),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    logFormat,
    rateLimitPerMinute: positiveInteger(
      'RATE_LIMIT_PER_MINUTE',
      env.RATE_LIMIT_PER_MINUTE ?? String(DEFAULT_RATE_LIMIT_PER_MINUTE),
      1,
      1_000_000,
    ),
    // Set it below the orchestrator's own grace period (Kubernetes gives 30 s), so the server
    // exits cleanly before it is killed.
    shutdownGraceMs:
      positiveInteger(
        'SHUTDOWN_GRACE_SECONDS',
        env.SHUTDOWN_GRACE_SECONDS ?? String(SHUTDOWN_GRACE_MS / 1000),
        1,
        600,
      ) * 1000,
    // Longer spares Attendee more when many watch one bot, and shows a change later: past the
    // page's 3 s poll, a viewer's own next poll can be handed its last answer again.
    sharedAnswerMs: positiveInteger(
      'SHARED_ANSWER_MS',
      env.SHARED_ANSWER_MS ?? String(DEFAULT_REUSE_MS),
      0,
      10_000,
    ),
    metricsPort: readMetricsPort(env.METRICS_PORT, port),
    shareSecrets: readShareSecrets(env.SHARE_SECRET),
    webhookSecrets: readWebhookSecrets(env.ATTENDEE_WEBHOOK_SECRET),
    redisUrl: readRedisUrl(env.REDIS_URL),
    tls: readTls(env.TLS_CERT_FILE, env.TLS_KEY_FILE),
  };
}
