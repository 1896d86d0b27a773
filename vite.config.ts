import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import griffel from '@griffel/vite-plugin';
import { fileURLToPath } from 'node:url';

/** The renderer: a plain web app with no Node, served from dist/renderer by the app and the test harness. */
export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  // The app's own makeStyles/makeResetStyles are compiled to CSS at build time (Fluent's packages
  // ship theirs pre-compiled), so Griffel's runtime style compiler stays out of the first screen.
  // https://griffel.js.org/react/ahead-of-time-compilation/with-vite ; the dev server keeps the runtime.
  plugins: [react(), command === 'build' &&
      griffel({
        include: ['renderer/src/**/*.{ts,tsx}'],
        // wyw-in-js evaluates the style modules and what they import with Babel, which needs to read TSX.
        babelOptions: { presets: ['@babel/preset-typescript', ['@babel/preset-react', { runtime: 'automatic' }]] },
      }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // Electron's Chromium preloads modules natively (https://caniuse.com/link-rel-modulepreload): the
    // polyfill would only run its feature test on every start.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically in one chunk, not a dozen small ones that
        // each compress on their own (rolldown splits out what later chunks share with it); the
        // later chunks keep rolldown's automatic splitting. See renderer/src/lazy.tsx.
        codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
      },
    },
  },
}));
