import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static imports in built code (`import{a}from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
const STATIC_IMPORT = /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g;

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file)).length / 1024;
}

/**
 * The JavaScript of a build (`dist/`), gzipped: all of it, and what a visitor downloads before
 * the first Watch (the page's entry scripts and what they import statically; the parts loaded
 * with `import()` come later).
 */
export function measureBundle(dist: string): { initialGzipKb: number; totalGzipKb: number } {
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
  const sum = (files: Iterable<string>) =>
    [...files].reduce((total, file) => total + gzipKb(join(assets, file)), 0);
  return { initialGzipKb: sum(initial), totalGzipKb: sum(scripts) };
}
