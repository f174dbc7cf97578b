import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { gzipAsync as zopfliGzip } from '@gfx/zopfli';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);

/**
 * Zopfli writes ordinary gzip that every client reads, 3% smaller than zlib's best, for
 * seconds of build time: worth it once per build for a file served to every visitor whose
 * browser does not take brotli. More passes gained no byte worth the time.
 */
const ZOPFLI_PASSES = 5;

/** Text worth compressing; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|map|webmanifest)$/;

async function compressFile(path: string): Promise<void> {
  const content = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    zopfliGzip(content, { numiterations: ZOPFLI_PASSES }),
  ]);
  // A variant no smaller than the file is left out; the server then sends the file itself.
  if (br.length < content.length) await writeFile(`${path}.br`, br);
  if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
}

/**
 * Writes `file.br` and `file.gz` beside each text file of the built page, at the highest
 * settings, once per build: the server picks one by Accept-Encoding and compresses nothing per
 * request (server/http/static-files.ts).
 */
export function precompressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'precompress-assets',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      await Promise.all(
        entries
          .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
          .map((entry) => compressFile(join(entry.parentPath, entry.name))),
      );
    },
  };
}
