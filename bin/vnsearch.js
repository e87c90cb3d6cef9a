#!/usr/bin/env node
// The CLI runs from the build that `npm ci` makes (the `prepare` script); no build step is left to the user.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('vnsearch: the build is missing (dist/). Run `npm ci` or `npm run build` in the project root.');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
