import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsxRuntimeAsEsm } from './jsx-runtime-as-esm.ts';

const root = '/project';
const resolveId = jsxRuntimeAsEsm(root).resolveId as (
  source: string,
  importer: string | undefined,
) => string | null;
const shim = join(root, 'src/lib/jsx-runtime.ts');

describe("the page's JSX runtime as ES bindings", () => {
  it("points the page's own modules at the re-export", () => {
    expect(resolveId('react/jsx-runtime', join(root, 'src/app/app.tsx'))).toBe(shim);
  });

  it('leaves libraries, the re-export itself and other imports to the usual resolution', () => {
    const library = join(root, 'node_modules/@tanstack/react-query/build/modern/index.js');
    expect(resolveId('react/jsx-runtime', library)).toBeNull();
    expect(resolveId('react/jsx-runtime', shim)).toBeNull();
    expect(resolveId('react', join(root, 'src/app/app.tsx'))).toBeNull();
  });
});
