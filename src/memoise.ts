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
  const results = new Map<string, R>();
  return (...args) => {
    const key = args.join('\u0000');
    if (results.has(key)) return results.get(key) as R;
    const result = compute(...args);
    results.set(key, result);
    return result;
  };
}
