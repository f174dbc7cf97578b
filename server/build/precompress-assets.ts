import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as zlibGzip } from 'node:zlib';
import { gzipAsync as zopfliGzip } from '@gfx/zopfli';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipWithZlib = promisify(zlibGzip);

/**
 * Zopfli writes ordinary gzip that every client reads, 3% smaller than zlib's best, for
 * seconds of build time: worth it once per build for a file served to every visitor whose
 * browser does not take brotli. More passes gained no byte worth the time.
 */
const ZOPFLI_PASSES = 5;

/** Text worth compressing; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|map|webmanifest)$/;

/**
 * How the gzip copies are written: Zopfli for what people download; zlib at its best where only
 * the bytes once unpacked matter (the test run's build, where Zopfli was about 6 of a fresh
 * clone's 12 CPU-seconds of build).
 */
export type GzipWith = 'zopfli' | 'zlib';

/** Each way of writing the gzip copy, and its settings as the cache key names them. */
const GZIP_WRITERS: Record<
  GzipWith,
  { settings: string; gzip: (content: Buffer) => Promise<Uint8Array> }
> = {
  zopfli: {
    settings: `zopfli ${ZOPFLI_PASSES}`,
    gzip: (content) => zopfliGzip(content, { numiterations: ZOPFLI_PASSES }),
  },
  zlib: {
    settings: 'zlib best',
    gzip: (content) => gzipWithZlib(content, { level: constants.Z_BEST_COMPRESSION }),
  },
};

/** Both copies of one file's content, as the settings above make them. */
async function compressContent(
  content: Buffer,
  gzipWith: GzipWith,
): Promise<[br: Uint8Array, gz: Uint8Array]> {
  return Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    GZIP_WRITERS[gzipWith].gzip(content),
  ]);
}

/**
 * Compressed copies by their content's hash. `npm start` builds at every start, and most of a
 * build's time was Zopfli (about 8 CPU-seconds for the page): a file whose content was built
 * before is copied from here instead. The key holds the settings, so changing them compresses
 * everything again.
 */
async function compressCached(
  content: Buffer,
  cacheDir: string,
  gzipWith: GzipWith,
): Promise<[br: Uint8Array, gz: Uint8Array]> {
  const key = createHash('sha256')
    .update(`brotli ${constants.BROTLI_MAX_QUALITY}, ${GZIP_WRITERS[gzipWith].settings}\n`)
    .update(content)
    .digest('hex');
  const [brPath, gzPath] = [join(cacheDir, `${key}.br`), join(cacheDir, `${key}.gz`)];
  try {
    return await Promise.all([readFile(brPath), readFile(gzPath)]);
  } catch {
    const compressed = await compressContent(content, gzipWith);
    await mkdir(cacheDir, { recursive: true });
    // Written aside and renamed, so a build running beside this one never reads half a file.
    const suffix = `.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await Promise.all(
      [brPath, gzPath].map(async (path, index) => {
        await writeFile(path + suffix, compressed[index]!);
        await rename(path + suffix, path);
      }),
    );
    return compressed;
  }
}

async function compressFile(path: string, cacheDir: string, gzipWith: GzipWith): Promise<void> {
  const content = await readFile(path);
  const [br, gz] = await compressCached(content, cacheDir, gzipWith);
  // A variant no smaller than the file is left out; the server then sends the file itself.
  if (br.length < content.length) await writeFile(`${path}.br`, br);
  if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
}

/**
 * Writes `file.br` and `file.gz` beside each text file of the built page, at the highest
 * settings (`gzipWith`: Zopfli, or zlib for a build only tests read), once per content
 * (compressCached): the server picks one by Accept-Encoding and compresses nothing per request
 * (server/http/static-files.ts).
 */
export function precompressAssets({ gzipWith = 'zopfli' }: { gzipWith?: GzipWith } = {}): Plugin {
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'precompress-assets',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      cacheDir = join(config.cacheDir, 'precompressed');
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      await Promise.all(
        entries
          .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
          .map((entry) => compressFile(join(entry.parentPath, entry.name), cacheDir, gzipWith)),
      );
    },
  };
}
