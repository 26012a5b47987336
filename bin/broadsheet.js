#!/usr/bin/env node
// The `broadsheet` command. The sources are TypeScript run through tsx, so the
// package needs no compile step before `npx broadsheet` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
