// Loaded by src/app/index.css through `@config`. Tailwind 4 reads `theme` from here; content
// detection is automatic.
export default {
  theme: {
    extend: {
      fontFamily: {
        // System fonts only: the page loads nothing from other origins.
        sans: [
          'system-ui',
          '-apple-system',
          'Segoe UI',
          'Roboto',
          'Helvetica Neue',
          'Arial',
          'sans-serif',
        ],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
    },
  },
};
