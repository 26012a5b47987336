/**
 * A small seeded pseudo-random number generator, so every benchmark run and
 * every generated fixture is built from the same bytes. `Math.random` cannot
 * be seeded, and a library would be a dependency for twenty lines.
 */

/** A deterministic source of random choices; each instance has its own state. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `count` hexadecimal digits, e.g. for a file name. */
  hex(count: number): string;
}

/**
 * Creates a generator from a seed. Numbers and strings are both accepted;
 * a string is hashed (FNV-1a) to its 32-bit seed.
 *
 * The core is mulberry32: one 32-bit state word, a full 2^32 period, and
 * statistical quality far beyond what text generation needs.
 *
 * @example
 * const random = createRandom(42);
 * random.int(1, 6); // the same value on every run and every machine
 */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  return {
    next,
    int,
    pick<T>(list: readonly T[]): T {
      if (list.length === 0) throw new RangeError('pick() needs a non-empty list');
      return list[int(0, list.length - 1)] as T;
    },
    chance: (p: number) => next() < p,
    hex(count: number): string {
      let out = '';
      for (let i = 0; i < count; i++) out += int(0, 15).toString(16);
      return out;
    },
  };
}

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
