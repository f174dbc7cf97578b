import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precompressAssets } from './server/build/precompress-assets.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    // JSX only: React Fast Refresh cannot refresh Preact's components, so an edited module
    // reloads the page in `npm run dev` (stylesheets still update in place).
    react({ refreshExclude: /./ }),
    tailwindcss(),
    // BUILD_GZIP=zlib: the test run's build (test/support/build-app.ts), whose pages are read
    // unpacked; `npm start` and the bench build what people download, with Zopfli.
    precompressAssets({ gzipWith: process.env.BUILD_GZIP === 'zlib' ? 'zlib' : 'zopfli' }),
  ],
  resolve: {
    // The code is written against React's API and types; the page runs it on Preact's, a tenth
    // of React DOM's size (docs/architecture.md, "Why Preact").
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
    ],
  },
  build: {
    // The server's bundle (`vite build --ssr server/main.ts`) needs none of public/: dist/ has it.
    copyPublicDir: !isSsrBuild,
    // Every browser we support preloads modules itself: the polyfill would never act.
    modulePreload: { polyfill: false },
    // Brotli at its best takes seconds on purpose (precompress-assets.ts); rolldown would warn of
    // slow plugins at every `npm start`.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  // No CORS: only our own page may read what the proxy returns. (`npm run dev` runs Vite inside
  // the production server, server/dev/dev-server.ts, on its PORT.)
  server: { cors: false },
  test: {
    globals: true,
    // The libraries that import React go through Vite, so the aliases above reach them: the
    // component tests run on Preact, as the page does. Testing Library's ES build, because its
    // CommonJS `require`s would bypass the aliases.
    server: { deps: { inline: ['@testing-library/react', '@tanstack/react-query'] } },
    alias: [
      {
        find: /^@testing-library\/react$/,
        replacement: '@testing-library/react/dist/@testing-library/react.esm.js',
      },
    ],
    // Whatever a test stubs or mocks is put back after it: the unit and component files share
    // their workers (isolate: false below), so nothing may leak into the next file.
    restoreMocks: true,
    // Two files at once, whatever the project: most of a browser test is waiting on the page's
    // polls and the servers, which overlaps with the other file's CPU.
    maxWorkers: 2,
    unstubEnvs: true,
    unstubGlobals: true,
    projects: [
      {
        // Pure modules, the API client and the server: no DOM, so no jsdom to start per file.
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // A fresh module graph per file cost two thirds of this project's time.
          // Forks, not threads: the CSV tests change TZ, which a worker thread cannot.
          pool: 'forks',
          isolate: false,
          include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: ['src/**/*.dom.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          // One jsdom per worker instead of one per file: starting jsdom was most of the time.
          // Testing Library's cleanup empties the document after every test.
          pool: 'forks',
          isolate: false,
          include: ['src/**/*.test.tsx', 'src/**/*.dom.test.ts'],
          setupFiles: ['./src/testing/setup-tests.ts'],
          // The whole app against the simulator runs on real timers: the limit is for a hang, not a
          // measure of speed. At Vitest's 5 s, the first dashboard of a file failed on a loaded
          // machine (load average 11 on 2 cores) while the page was right.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          // Chromium against the built app (.browser.test.ts), and the built server as a process, over
          // raw HTTP (.server.test.ts): both need the one build.
          include: ['test/**/*.browser.test.ts', 'test/**/*.server.test.ts'],
          // The page and the server are built once for the whole run, as `npm start` builds them.
          globalSetup: ['./test/support/build-once.ts'],
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a page or a server process shows comes when it comes: Vitest's 1 s for a polled
          // expectation failed on a loaded machine with the page right (a stylesheet rebuilt, a
          // roster caught up). A limit for a hang, not a speed check.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
}));
