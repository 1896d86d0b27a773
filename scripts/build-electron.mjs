// Bundles the main process and the preload for Electron (CommonJS: a sandboxed preload cannot be an
// ES module). 'electron' stays external; everything else is bundled so the app runs without tsx.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, external: ['electron'], logLevel: 'warning' };
// Main is minified (a 3.3 MB bundle otherwise); names are kept so stack traces in the log still read.
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs', minify: true, keepNames: true });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
