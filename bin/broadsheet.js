#!/usr/bin/env node
// The `broadsheet` command. The sources are TypeScript run through tsx, so the
// package needs no compile step before `npx broadsheet` works.
//
// For the commands that run Eleventy, Eleventy is imported before tsx's
// loader hooks are registered: with hooks in place, each of the hundreds of
// modules Eleventy loads takes a round trip to the hooks' thread, which cost
// about 0.6 s of CPU time (0.8 s wall) on every build. Loaded first, the
// later imports from our TypeScript resolve to the same, loaded modules.
import { register } from 'tsx/esm/api';

const command = process.argv[2];
if (command === 'build' || command === 'serve') await import('@11ty/eleventy');
register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
