// Tailwind 4 is configured in CSS (src/app/index.css, `@theme` and `@custom-variant`);
// this file is kept for editors and tools that look for it, and is loaded by nothing else.
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
};
