#!/usr/bin/env node
// `npx tactful …` from the repo, no build step: register tsx's loader in this
// process (no second Node start-up) and run the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
const { runFromCommandLine } = await import('./cli.ts');
await runFromCommandLine(process.argv.slice(2));
