import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createAttendeeApi } from '../attendee-api.ts';
import { createApp, type PushOptions, type TrustProxy } from '../http/create-app.ts';
import { builtPage } from '../http/static-files.ts';
import { createMetrics, type AppMetrics } from '../http/metrics.ts';
import type { TlsFiles } from '../http/config.ts';
import { createServerLog, logUpstreamRequests, type LogFormat } from '../http/server-log.ts';
import { InstrumentedAttendee } from './instrumented-attendee.ts';
import { deriveShareKeys, type ShareKeys } from '../share/share-token.ts';

/** A fixed share secret, so a test can seal tokens the app opens. */
export const TEST_SHARE_KEYS: ShareKeys = deriveShareKeys([Buffer.alloc(32, 7)]);

export const HASHED_SCRIPT = '/assets/index-Ab12Cd34.js';
export const SCRIPT_TEXT = `console.log(${JSON.stringify('the page '.repeat(200))});\n`;
export const INDEX_HTML = `<!doctype html><html><head><script type="module" src="${HASHED_SCRIPT}"></script></head><body><div id="root"></div></body></html>\n`;

/** A built page as `npm run bundle` leaves it: hashed assets with their .br and .gz beside them. */
export async function builtPageFixture(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'attendee-live-dist-'));
  await mkdir(join(root, 'assets'));
  const files: [string, string][] = [
    ['index.html', INDEX_HTML],
    [HASHED_SCRIPT.slice(1), SCRIPT_TEXT],
  ];
  for (const [path, text] of files) {
    await writeFile(join(root, path), text);
    await writeFile(join(root, `${path}.br`), brotliCompressSync(text));
    await writeFile(join(root, `${path}.gz`), gzipSync(text));
  }
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

export interface TestApp {
  app: FastifyInstance;
  /** The upstream the proxy forwards to; its request log counts what reached it. */
  simulator: InstrumentedAttendee;
  logLines: string[];
  /** What the app counted; `metrics.registry.metrics()` is what `/metrics` would serve. */
  metrics: AppMetrics;
}

/** The production app on a fixture page, its upstream a simulator reached without HTTP. */
export async function startTestApp(
  options: {
    rateLimitPerMinute?: number;
    logFormat?: LogFormat;
    simulator?: InstrumentedAttendee;
    trustProxy?: TrustProxy;
    shareKeys?: ShareKeys;
    shareLinksPerMinute?: number;
    now?: () => number;
    push?: PushOptions;
    tls?: TlsFiles;
  } = {},
): Promise<TestApp> {
  const simulator = options.simulator ?? new InstrumentedAttendee({ latencyMs: 30 });
  const logLines: string[] = [];
  const root = await builtPageFixture();
  const log = createServerLog(options.logFormat ?? 'text', (line) => logLines.push(line));
  const metrics = createMetrics();
  const app = await createApp({
    page: builtPage(root),
    api: createAttendeeApi({
      upstreamUrl: 'http://attendee.test',
      fetchImpl: simulator.fetch,
      log: logUpstreamRequests(log),
      metrics,
    }),
    log,
    trustProxy: options.trustProxy ?? false,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1200,
    metrics,
    shareKeys: options.shareKeys ?? TEST_SHARE_KEYS,
    shareLinksPerMinute: options.shareLinksPerMinute,
    now: options.now,
    push: options.push,
    tls: options.tls,
  });
  app.addHook('onClose', () => rm(root, { recursive: true, force: true }));
  return { app, simulator, logLines, metrics };
}
