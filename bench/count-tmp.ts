import { normaliseLines } from '../src/parser/normalise-lines.ts';
import { splitArticles } from '../src/parser/split-articles.ts';
import * as rh from '../src/parser/read-header.ts';
import { generateFeedOfSize } from './generate.ts';
const { text } = generateFeedOfSize({ bytes: 20e6, seed: 1 });
const l = normaliseLines(text);
const t = (f: () => void) => { const c = process.cpuUsage(); for (let i = 0; i < 5; i++) f(); const u = process.cpuUsage(c); return ((u.user + u.system) / 5000).toFixed(1); };
for (let k = 0; k < 3; k++) console.log('split', t(() => splitArticles(l, 'f')));
