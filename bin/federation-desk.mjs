#!/usr/bin/env node
// The federation-desk CLI. Runs the TypeScript sources through tsx, so `npx federation-desk` works
// right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli.ts');
await main();
