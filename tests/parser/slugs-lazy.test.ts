/**
 * `transliteration` is loaded only for a headline in another script: every
 * process that imports the parser (each build, each shard worker) would
 * otherwise pay for its tables at start.
 */
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { slugify } from '../../src/parser/slugs.ts';

const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\/]transliteration[\\/]/.test(path));

it('loads transliteration on the first headline that needs it, not before', () => {
  expect(slugify('Factory Blast Kills 9 in Northern China')).toBe('factory-blast-kills-9-in-northern-china');
  expect(loaded()).toBe(false);
  expect(slugify('انفجار في مصنع')).toBe('anfjar-fy-msna');
  expect(loaded()).toBe(true);
});
