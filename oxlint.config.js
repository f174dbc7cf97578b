import { defineConfig } from 'oxlint';

/**
 * The layers, top to bottom: app → features → event-feed → attendee-api, domain → lib, common.
 * A layer imports only layers below it; a feature never imports another feature; the server
 * imports only `src/common`, which holds what the page and the server both need.
 *
 * The server's parts, each a room of its own: the entry (`server/*.ts`: `main.ts`, and
 * `attendee-api.ts`, which wires the proxy to the upstream and to the demo's simulator) → http
 * (Fastify's plugins) → share → proxy; the simulator stands alone; dev (`npm run dev`: Vite as
 * the page of the production app, and the simulator's own HTTP server) and build are tools
 * beside them. Test support
 * (`server/testing`, `src/testing`, `test/support`) is a kind production code never imports.
 * An element is the first descriptor that matches: the folders first, then `server` for the rest.
 */
const layers = [
  { type: 'app', pattern: 'src/app' },
  { type: 'feature', pattern: 'src/features/*', capture: ['name'] },
  { type: 'event-feed', pattern: 'src/event-feed' },
  { type: 'attendee-api', pattern: 'src/attendee-api' },
  { type: 'domain', pattern: 'src/domain' },
  { type: 'ui', pattern: 'src/components' },
  { type: 'lib', pattern: 'src/lib' },
  { type: 'common', pattern: 'src/common' },
  { type: 'testing', pattern: 'src/testing' },
  { type: 'server-http', pattern: 'server/http', partialMatch: false },
  { type: 'server-dev', pattern: 'server/dev', partialMatch: false },
  { type: 'server-proxy', pattern: 'server/proxy', partialMatch: false },
  { type: 'server-share', pattern: 'server/share', partialMatch: false },
  { type: 'server-push', pattern: 'server/push', partialMatch: false },
  { type: 'server-simulator', pattern: 'server/simulator', partialMatch: false },
  { type: 'server-build', pattern: 'server/build', partialMatch: false },
  { type: 'server-testing', pattern: 'server/testing', partialMatch: false },
  // What is left at the top of server/: main.ts, start-server.ts (what `npm start` and
  // `npm run dev` both run), attendee-api.ts (the proxy wired to the upstream and to the demo)
  // and node-http.ts (the Node ⇄ Web adapter every server part uses).
  { type: 'server-entry', pattern: 'server', partialMatch: false },
  { type: 'browser-tests', pattern: 'test' },
  { type: 'bench', pattern: 'bench' },
];

/** Every part of the server, for the harnesses that drive it whole. */
const SERVER = [
  'server-entry',
  'server-dev',
  'server-http',
  'server-proxy',
  'server-share',
  'server-push',
  'server-simulator',
  'server-build',
  'server-testing',
];

/** Tests and their support: run by Vitest, never shipped. */
const TEST_CODE = ['**/*.test.{ts,tsx}', 'src/testing/**', 'server/testing/**'];

const mayImport = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

/** The React Compiler's rules (eslint-plugin-react-hooks, under its own name beside oxlint's). */
const REACT_COMPILER_RULES = [
  'static-components',
  'use-memo',
  'preserve-manual-memoization',
  'immutability',
  'globals',
  'refs',
  'set-state-in-effect',
  'error-boundaries',
  'purity',
  'set-state-in-render',
  'config',
  'gating',
];

/**
 * One linter for every rule. oxlint runs ESLint's recommended rules, typescript-eslint's, React's
 * hooks rules and the two that need types (with tsgolint, on TypeScript 7) natively; the layers
 * (eslint-plugin-boundaries), TanStack Query's rules and the React Compiler's run as its JS
 * plugins, through ESLint's plugin API.
 */
export default defineConfig({
  plugins: ['eslint', 'typescript', 'react', 'oxc'],
  jsPlugins: [
    'eslint-plugin-boundaries',
    '@tanstack/eslint-plugin-query',
    { name: 'react-compiler', specifier: 'eslint-plugin-react-hooks' },
  ],
  categories: { correctness: 'error' },
  env: { browser: true, node: true, es2024: true },
  ignorePatterns: ['dist', 'dist-server', 'node_modules'],
  settings: {
    'boundaries/elements': layers,
    'boundaries/files': [{ category: 'test', pattern: '**/*.{test,property.test}.{ts,tsx}' }],
    'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
  },
  rules: {
    // Tests too: an unawaited waitFor or click would let a test pass whatever the page does.
    'typescript/no-floating-promises': 'error',
    'typescript/no-misused-promises': 'error',
    // The correctness category's other typed rules were never ours; these two are.
    'typescript/no-base-to-string': 'off',
    'typescript/unbound-method': 'off',
    'typescript/no-misused-spread': 'off',
    'typescript/require-array-sort-compare': 'off',
    // typescript-eslint's recommended set.
    'no-var': 'error',
    'prefer-const': 'error',
    'prefer-rest-params': 'error',
    'prefer-spread': 'error',
    'typescript/ban-ts-comment': 'error',
    'typescript/no-array-constructor': 'error',
    'typescript/no-duplicate-enum-values': 'error',
    'typescript/no-empty-object-type': 'error',
    'typescript/no-explicit-any': 'error',
    'typescript/no-extra-non-null-assertion': 'error',
    'typescript/no-misused-new': 'error',
    'typescript/no-namespace': 'error',
    'typescript/no-non-null-asserted-optional-chain': 'error',
    'typescript/no-require-imports': 'error',
    'typescript/no-this-alias': 'error',
    'typescript/no-unnecessary-type-constraint': 'error',
    'typescript/no-unsafe-declaration-merging': 'error',
    'typescript/no-unsafe-function-type': 'error',
    'typescript/no-wrapper-object-types': 'error',
    'typescript/prefer-as-const': 'error',
    'typescript/prefer-namespace-keyword': 'error',
    'typescript/triple-slash-reference': 'error',
    // Names and messages come from strangers: render them as text.
    'react/no-danger': 'error',
    '@tanstack/query/exhaustive-deps': 'error',
    '@tanstack/query/no-rest-destructuring': 'warn',
    '@tanstack/query/stable-query-client': 'error',
    '@tanstack/query/no-unstable-deps': 'error',
    '@tanstack/query/infinite-query-property-order': 'error',
    '@tanstack/query/no-void-query-fn': 'error',
    '@tanstack/query/mutation-property-order': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          mayImport('app', [
            'feature',
            'event-feed',
            'attendee-api',
            'domain',
            'ui',
            'lib',
            'common',
          ]),
          mayImport('feature', ['event-feed', 'attendee-api', 'domain', 'ui', 'lib', 'common']),
          mayImport('event-feed', ['attendee-api', 'domain', 'lib', 'common']),
          mayImport('attendee-api', ['lib', 'common']),
          mayImport('domain', ['lib', 'common']),
          mayImport('ui', ['lib']),
          mayImport('lib', ['common']),
          mayImport('server-entry', [
            'server-http',
            'server-proxy',
            'server-share',
            'server-push',
            'server-simulator',
            'common',
          ]),
          // The routes take the entry's AttendeeApi (and its default upstream) as given, and
          // convert requests with node-http.ts.
          mayImport('server-http', [
            'server-entry',
            'server-proxy',
            'server-share',
            'server-push',
            'common',
          ]),
          // Webhooks: verified and fanned out; the simulator signs the demo's with the same code.
          mayImport('server-push', ['common']),
          mayImport('server-share', ['server-proxy', 'common']),
          mayImport('server-proxy', ['common']),
          mayImport('server-simulator', ['server-push', 'common']),
          mayImport('server-build', ['common']),
          // The dev server starts the production one (the entry) with Vite as its page.
          mayImport('server-dev', ['server-entry', 'server-http', 'server-simulator', 'common']),
          mayImport('server-testing', SERVER.concat('common')),
          // Harnesses drive the whole thing. A unit test may also use the simulator, the domain as
          // its oracle, and the page's loaders (a server test runs the live tail against shared
          // answers); it still never imports a feature or the app from below them.
          mayImport('testing', [
            'app',
            'event-feed',
            'attendee-api',
            'domain',
            'lib',
            'common',
            ...SERVER,
          ]),
          mayImport('browser-tests', [...SERVER, 'common', 'testing', 'lib']),
          mayImport('bench', [
            'browser-tests',
            ...SERVER,
            'common',
            'testing',
            'lib',
            'domain',
            'event-feed',
            'attendee-api',
          ]),
          {
            from: { file: { categories: 'test' } },
            allow: {
              to: {
                element: {
                  types: {
                    anyOf: [
                      'testing',
                      ...SERVER,
                      'domain',
                      'event-feed',
                      'attendee-api',
                      'lib',
                      'common',
                    ],
                  },
                },
              },
            },
          },
        ],
      },
    ],
  },
  overrides: [
    {
      // React's rules compile every file they see, with the React Compiler: only the page's own
      // code has components and hooks that it compiles.
      files: ['src/**/*.{ts,tsx}'],
      excludeFiles: TEST_CODE,
      rules: {
        'react/rules-of-hooks': 'error',
        'react/exhaustive-deps': 'warn',
        ...Object.fromEntries(
          REACT_COMPILER_RULES.map((rule) => [`react-compiler/${rule}`, 'error']),
        ),
        'react-compiler/incompatible-library': 'warn',
        'react-compiler/unsupported-syntax': 'warn',
      },
    },
  ],
});
