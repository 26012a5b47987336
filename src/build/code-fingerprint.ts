/**
 * A hash of Broadsheet's own code and locked dependencies: whatever a
 * build keeps for the next one (parse results, page fingerprints, search
 * bundles) is keyed by it, so a changed parser or filter never serves
 * results of the old code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function codeFingerprint(): string {
  const hash = createHash('sha256');
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    // The search lanes' thread is JavaScript; the locales and the word lists of src/discovery/word-tags.ts are JSON.
    .filter((f) => f.endsWith('.ts') || f.endsWith('.js') || f.endsWith('.json'))
    .map((f) => join('src', f))
    .sort();
  for (const file of [...files, '.eleventy.ts', 'package.json', 'package-lock.json']) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(join(ROOT, file)));
    } catch {
      hash.update('missing');
    }
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

export const CODE_FINGERPRINT = codeFingerprint();
