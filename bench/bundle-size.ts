import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Static imports in built code (`import{a}from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
const STATIC_IMPORT = /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g;

/**
 * What a browser downloads for a script, in KiB: the `.gz` or `.br` file the server sends for it
 * (server/build/precompress-assets.ts), or the script itself when compressing did not pay.
 */
function servedKb(file: string, encoding: 'gz' | 'br'): number {
  const compressed = `${file}.${encoding}`;
  return statSync(existsSync(compressed) ? compressed : file).size / 1024;
}

/**
 * The JavaScript of a build (`dist/`) as the server sends it, gzipped and in brotli: all of it, and what a visitor downloads before
 * the first Watch (the page's entry scripts and what they import statically; the parts loaded
 * with `import()` come later).
 */
export function measureBundle(dist: string): {
  initialGzipKb: number;
  totalGzipKb: number;
  initialBrotliKb: number;
  totalBrotliKb: number;
} {
  const assets = join(dist, 'assets');
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/assets\/([\w.-]+\.js)"/g)].map(
    (match) => match[1]!,
  );
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(join(assets, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) visit(match[1]!);
  };
  entries.forEach(visit);
  const sum = (files: Iterable<string>, encoding: 'gz' | 'br') =>
    [...files].reduce((total, file) => total + servedKb(join(assets, file), encoding), 0);
  return {
    initialGzipKb: sum(initial, 'gz'),
    totalGzipKb: sum(scripts, 'gz'),
    initialBrotliKb: sum(initial, 'br'),
    totalBrotliKb: sum(scripts, 'br'),
  };
}
