#!/usr/bin/env node
// A worker process of `broadsheet build --jobs N` (src/build/shard-workers.ts):
// builds one shard of the site, as the parent process asks over IPC.
// Eleventy is imported before tsx's hooks for the reason bin/broadsheet.js gives.
import { register } from 'tsx/esm/api';

await import('@11ty/eleventy');
register();
const { serveShardRequest } = await import('../src/build/shard-workers.ts');
serveShardRequest();
