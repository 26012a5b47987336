import { describe, expect, it } from 'vitest';
import { splitEvenly } from '../../src/discovery/search-index.ts';

const sizes = (groups: unknown[][]) => groups.map((g) => g.length);

describe('splitEvenly', () => {
  it.each([
    [10_001, 5000, [3334, 3334, 3333]],
    [10_000, 5000, [5000, 5000]],
    [5000, 5000, [5000]],
    [5, 1, [1, 1, 1, 1, 1]],
    [7, 3, [3, 2, 2]],
    [0, 5000, [0]],
  ])('%i items by at most %i → %j', (count, size, expected) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const groups = splitEvenly(items, size);
    expect(sizes(groups)).toEqual(expected);
    // Consecutive and complete: the groups put back together are the items.
    expect(groups.flat()).toEqual(items);
  });

  it.each([0, -1, 2.5, Number.NaN])('rejects %s pages per bundle', (size) => {
    expect(() => splitEvenly([1, 2], size)).toThrow(RangeError);
  });
});
