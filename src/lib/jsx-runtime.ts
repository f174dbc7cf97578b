// React's JSX runtime is CommonJS: imported as is, every element in the built page is called as
// `(0,x.jsx)(…)` through the interop object. Its three functions bound once here are ES exports,
// which the bundler calls directly (`a(…)`): a quarter of a kilobyte less script to download.
// server/build/jsx-runtime-as-esm.ts points the page's JSX here.
import * as runtime from 'react/jsx-runtime';

export const { jsx, jsxs, Fragment } = runtime;
