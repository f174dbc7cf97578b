import { describe, expect, it } from 'vitest';
import { makeLocalhostCertificate } from '../testing/localhost-certificate.ts';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, readConfig } from './config.ts';

describe('the server’s configuration from the environment', () => {
  it('defaults to port 5173 on the loopback interface, the hosted Attendee and text logs', () => {
    expect(readConfig({})).toEqual({
      port: 5173,
      host: '127.0.0.1',
      upstreamUrl: 'https://app.attendee.dev',
      trustProxy: false,
      logFormat: 'text',
      rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
      shutdownGraceMs: 10_000,
      sharedAnswerMs: 2_000,
      metricsPort: null,
      shareSecrets: null,
      webhookSecrets: [],
      redisUrl: null,
      tls: null,
    });
  });

  it('reads TLS_CERT_FILE and TLS_KEY_FILE together, and says plainly what is wrong with them', () => {
    const first = makeLocalhostCertificate();
    const second = makeLocalhostCertificate();
    try {
      const tls = readConfig({ TLS_CERT_FILE: first.certFile, TLS_KEY_FILE: first.keyFile }).tls;
      expect(tls?.cert).toEqual(first.cert);
      expect(() => readConfig({ TLS_CERT_FILE: first.certFile })).toThrow(
        /^TLS_CERT_FILE is set but TLS_KEY_FILE is not: set both for HTTPS, or neither$/,
      );
      expect(() => readConfig({ TLS_KEY_FILE: first.keyFile })).toThrow(
        /^TLS_KEY_FILE is set but TLS_CERT_FILE is not/,
      );
      expect(() =>
        readConfig({ TLS_CERT_FILE: '/nowhere/cert.pem', TLS_KEY_FILE: first.keyFile }),
      ).toThrow(/^TLS_CERT_FILE \(\/nowhere\/cert.pem\) cannot be read: ENOENT$/);
      expect(() =>
        readConfig({ TLS_CERT_FILE: first.certFile, TLS_KEY_FILE: second.keyFile }),
      ).toThrow(/^TLS_CERT_FILE and TLS_KEY_FILE are not a usable pair: .*key values mismatch/);
    } finally {
      first.remove();
      second.remove();
    }
  });

  it('takes ATTENDEE_WEBHOOK_SECRET as comma-separated base64 secrets, for rotation', () => {
    const newest = Buffer.alloc(32, 3);
    const previous = Buffer.alloc(32, 4);
    expect(
      readConfig({
        ATTENDEE_WEBHOOK_SECRET: `${newest.toString('base64')}, ${previous.toString('base64')}`,
      }).webhookSecrets,
    ).toEqual([newest, previous]);
    expect(() => readConfig({ ATTENDEE_WEBHOOK_SECRET: 'not base64!' })).toThrow(
      /ATTENDEE_WEBHOOK_SECRET's secret number 1/,
    );
  });

  it('takes REDIS_URL only as a redis:// URL, without repeating it', () => {
    expect(readConfig({ REDIS_URL: 'redis://127.0.0.1:6390' }).redisUrl).toBe(
      'redis://127.0.0.1:6390',
    );
    expect(() => readConfig({ REDIS_URL: 'http://user:hunter2@x' })).toThrow(
      /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/,
    );
  });

  it('takes SHARE_SECRET as comma-separated base64 secrets, the first first', () => {
    const first = Buffer.alloc(32, 1);
    const second = Buffer.alloc(48, 2);
    const { shareSecrets } = readConfig({
      SHARE_SECRET: `${first.toString('base64')}, ${second.toString('base64url')}`,
    });
    expect(shareSecrets).toEqual([first, second]);
  });

  it.each(['c2hvcnQ=', 'not base64 at all!', `${Buffer.alloc(32).toString('base64')},`])(
    'refuses a SHARE_SECRET that is short or not base64, without repeating it: %s',
    (value) => {
      expect(() => readConfig({ SHARE_SECRET: value })).toThrow(/SHARE_SECRET/);
      try {
        readConfig({ SHARE_SECRET: value });
      } catch (error) {
        expect((error as Error).message).not.toContain(value.split(',')[0]!.slice(0, 8));
      }
    },
  );

  it('serves metrics on METRICS_PORT when it is set, a port of its own', () => {
    expect(readConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(readConfig({ METRICS_PORT: '' }).metricsPort).toBeNull();
    expect(() => readConfig({ PORT: '9464', METRICS_PORT: '9464' })).toThrow(
      /METRICS_PORT must differ from PORT/,
    );
  });

  it('takes PORT, HOST, ATTENDEE_API_URL, LOG_FORMAT, RATE_LIMIT_PER_MINUTE, SHUTDOWN_GRACE_SECONDS and SHARED_ANSWER_MS', () => {
    expect(
      readConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        ATTENDEE_API_URL: 'https://attendee.example.org',
        LOG_FORMAT: 'json',
        RATE_LIMIT_PER_MINUTE: '5000',
        SHUTDOWN_GRACE_SECONDS: '25',
        SHARED_ANSWER_MS: '500',
      }),
    ).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      upstreamUrl: 'https://attendee.example.org',
      logFormat: 'json',
      rateLimitPerMinute: 5000,
      shutdownGraceMs: 25_000,
      sharedAnswerMs: 500,
    });
    expect(readConfig({ SHARED_ANSWER_MS: '0' }).sharedAnswerMs).toBe(0);
    expect(() => readConfig({ SHARED_ANSWER_MS: '2.5' })).toThrow(
      'SHARED_ANSWER_MS must be a whole number from 0 to 10000, not "2.5"',
    );
  });

  it('reads TRUST_PROXY as all, none, a number of hops, or addresses', () => {
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    const hops = readConfig({ TRUST_PROXY: '2' }).trustProxy as (a: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => hops('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  it.each([
    { PORT: 'http' },
    { PORT: '70000' },
    { LOG_FORMAT: 'yaml' },
    { ATTENDEE_API_URL: 'app.attendee.dev' },
    { ATTENDEE_API_URL: 'file:///etc/passwd' },
    { RATE_LIMIT_PER_MINUTE: '0' },
    { METRICS_PORT: 'prometheus' },
    { METRICS_PORT: '0' },
  ])('refuses to start with %o, saying why', (env) => {
    expect(() => readConfig(env)).toThrow(/must be/);
  });
});
