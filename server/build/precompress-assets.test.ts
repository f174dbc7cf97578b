import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { ResolvedConfig } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressAssets } from './precompress-assets.ts';

let outDir = '';
let cacheDir = '';

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'precompress-cache-'));
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

/** Runs the plugin's build hooks on a folder, as `vite build` would after writing it. */
async function compress(
  files: Record<string, string | Buffer>,
  options?: Parameters<typeof precompressAssets>[0],
) {
  outDir = await mkdtemp(join(tmpdir(), 'precompress-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(outDir, path, '..'), { recursive: true });
    await writeFile(join(outDir, path), content);
  }
  const plugin = precompressAssets(options);
  const configResolved = plugin.configResolved as (config: ResolvedConfig) => void;
  configResolved({ root: outDir, build: { outDir: '.' }, cacheDir } as ResolvedConfig);
  await (plugin.closeBundle as () => Promise<void>)();
}

describe('compressing the built page at build time', () => {
  it('writes a brotli and a gzip copy of each text file that decode to the file', async () => {
    const script = `export const names = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Person ${i}`))};\n`;
    await compress({
      'assets/index-abc123.js': script,
      'index.html': `<!doctype html>${'<p>hi</p>'.repeat(50)}`,
    });
    const js = join(outDir, 'assets/index-abc123.js');
    expect(brotliDecompressSync(await readFile(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(await readFile(`${js}.gz`)).toString()).toBe(script);
    expect(existsSync(join(outDir, 'index.html.br'))).toBe(true);
  });

  it('writes a gzip copy smaller than zlib at its best, which any gzip client reads', async () => {
    const script = await readFile(join(import.meta.dirname, 'precompress-assets.ts'));
    await compress({ 'assets/app.js': script });
    const gz = await readFile(join(outDir, 'assets/app.js.gz'));
    expect(gunzipSync(gz)).toEqual(script);
    expect(gz.length).toBeLessThan(
      gzipSync(script, { level: constants.Z_BEST_COMPRESSION }).length,
    );
  });

  it('writes zlib’s best gzip when told to (the test run’s build), which unpacks to the same file', async () => {
    const script = await readFile(join(import.meta.dirname, 'precompress-assets.ts'));
    await compress({ 'assets/app.js': script }, { gzipWith: 'zlib' });
    const gz = await readFile(join(outDir, 'assets/app.js.gz'));
    expect(gz).toEqual(gzipSync(script, { level: constants.Z_BEST_COMPRESSION }));
    expect(gunzipSync(gz)).toEqual(script);
  });

  it('leaves out a copy no smaller than the file, and files that are compressed already', async () => {
    await compress({ 'a.txt': 'x', 'photo.png': Buffer.alloc(4096, 7) });
    expect(existsSync(join(outDir, 'a.txt.br'))).toBe(false);
    expect(existsSync(join(outDir, 'a.txt.gz'))).toBe(false);
    expect(existsSync(join(outDir, 'photo.png.br'))).toBe(false);
  });

  it('compresses a content once: a later build of the same file takes the copies made before', async () => {
    const script = `export const names = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Person ${i}`))};\n`;
    await compress({ 'assets/app.js': script });
    const cached = join(cacheDir, 'precompressed');
    const [gzInCache] = (await readdir(cached)).filter((name) => name.endsWith('.gz'));
    // A copy that only the cache could have given: zlib's fastest, not Zopfli's.
    const fromCache = gzipSync(script, { level: 1 });
    await writeFile(join(cached, gzInCache!), fromCache);

    await compress({ 'assets/app.js': script });
    expect(await readFile(join(outDir, 'assets/app.js.gz'))).toEqual(fromCache);
    await compress({ 'assets/app.js': `${script}// changed\n` });
    expect(await readFile(join(outDir, 'assets/app.js.gz'))).not.toEqual(fromCache);
  });
});
