import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const JSX_RUNTIME = 'react/jsx-runtime';

/**
 * Points the JSX of the page's own modules (`src/`) at `src/lib/jsx-runtime.ts`, which re-exports
 * React's runtime as ES bindings (see there why). Libraries and the module itself keep React's.
 */
export function jsxRuntimeAsEsm(root = process.cwd()): Plugin {
  const shim = resolve(root, 'src/lib/jsx-runtime.ts');
  const pageSource = resolve(root, 'src');
  return {
    name: 'jsx-runtime-as-esm',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== JSX_RUNTIME || importer === undefined) return null;
      if (!importer.startsWith(pageSource) || importer === shim) return null;
      return shim;
    },
  };
}
