/**
 * Remembers a pure function's results, keyed by its string arguments. The
 * site and discovery stages format the same few dates (and read the same
 * few zones) on thousands of pages; luxon's zone arithmetic and Intl
 * formatters are the costly part, so each distinct call is made once. Make
 * one per build (or per plugin) so nothing outlives the data it serves.
 *
 * @example
 * const iso = memoise((day: string, zone: string) => DateTime.fromISO(day, { zone }).toISO());
 * iso('2026-02-08', 'UTC') === iso('2026-02-08', 'UTC') // => true, computed once
 */
export function memoise<A extends string[], R>(compute: (...args: A) => R): (...args: A) => R {
  return memoiseBy((...args: A) => (args.length === 1 ? args[0]! : args.join('\u0000')), compute);
}

/**
 * The same for a function of one object, keyed by the object itself: a
 * value shared by many pages (a topic's link, a neighbour's link) is
 * worked on once. Make one per build, like {@link memoise}.
 *
 * @example
 * const json = memoiseByObject((link: object) => JSON.stringify(link));
 * json(link) === json(link) // => true, serialised once
 */
export function memoiseByObject<K extends object, R>(compute: (key: K) => R): (key: K) => R {
  return memoiseBy((key: K) => key, compute);
}

/** Both of the above: `compute`'s results by `keyOf` its arguments (results that are `undefined` too). */
function memoiseBy<A extends unknown[], K, R>(keyOf: (...args: A) => K, compute: (...args: A) => R): (...args: A) => R {
  const results = new Map<K, R>();
  return (...args) => {
    const key = keyOf(...args);
    let result = results.get(key);
    if (result === undefined && !results.has(key)) results.set(key, (result = compute(...args)));
    return result as R;
  };
}

/**
 * Results kept across the builds of one process (the dev server), keyed by
 * a string: the place mentions of a paragraph, say, which a save of another
 * feed does not change. Entries not used since the last {@link nextBuild}
 * are dropped at the next one, so the memo holds about one build's worth.
 *
 * @example
 * const memo = new BuildMemo<number>();
 * memo.get('text', () => 42); // computed
 * memo.nextBuild();
 * memo.get('text', () => 0); // => 42, kept
 */
export class BuildMemo<V> {
  // One map, each entry stamped with the last build that used it. A hit
  // only restamps its entry: a save of one feed hits nearly every key, and
  // copying them all into a new map each build cost more than the lookups.
  // The plain version (a map per build) is the reference in tests/build/memoise.test.ts.
  readonly #entries = new Map<string, { value: V; build: number }>();
  #build = 0;

  /** `kept`: entries of an earlier process (read from the cache folder), as if the last build had used them. */
  constructor(kept: Iterable<[string, V]> = []) {
    for (const [key, value] of kept) this.#entries.set(key, { value, build: 0 });
  }

  get(key: string, compute: () => V): V {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      entry.build = this.#build;
      return entry.value;
    }
    const value = compute();
    this.#entries.set(key, { value, build: this.#build });
    return value;
  }

  /** Starts a build: what the last one did not use is forgotten. */
  nextBuild(): void {
    const last = this.#build;
    // forEach, not for…of: no [key, entry] array per entry.
    this.#entries.forEach((entry, key, entries) => {
      if (entry.build !== last) entries.delete(key);
    });
    this.#build++;
  }

  /** What this build used, to keep for the next process. */
  *used(): IterableIterator<[string, V]> {
    for (const [key, entry] of this.#entries) if (entry.build === this.#build) yield [key, entry.value];
  }
}
