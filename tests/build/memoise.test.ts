import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BuildMemo, memoise, memoiseByObject } from '../../src/memoise.ts';

describe('memoise', () => {
  it('computes each distinct call once, results that are undefined too', () => {
    const calls: string[][] = [];
    const joined = memoise((a: string, b: string) => (calls.push([a, b]), `${a}|${b}`));
    expect([joined('x', 'y'), joined('x', 'y'), joined('y', 'x')]).toEqual(['x|y', 'x|y', 'y|x']);
    expect(calls).toEqual([['x', 'y'], ['y', 'x']]);
    let made = 0;
    const nothing = memoise((_: string) => (made++, undefined));
    nothing('a'), nothing('a'), nothing('b');
    expect(made).toBe(2);
  });

  it('keys a one-argument function by its argument', () => {
    const calls: string[] = [];
    const upper = memoise((text: string) => (calls.push(text), text.toUpperCase()));
    expect([upper('é'), upper(''), upper('é'), upper('')]).toEqual(['É', '', 'É', '']);
    expect(calls).toEqual(['é', '']);
  });
});

describe('memoiseByObject', () => {
  it('computes once per object, not per equal object', () => {
    const calls: object[] = [];
    const json = memoiseByObject((value: { n: number }) => (calls.push(value), JSON.stringify(value)));
    const a = { n: 1 };
    expect([json(a), json(a), json({ n: 1 })]).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
    expect(calls).toHaveLength(2);
  });
});

/**
 * The plain BuildMemo: a map per build, entries used by the last build
 * carried into the next. The one in src/memoise.ts keeps one map with a
 * stamp per entry instead; it must answer and forget exactly as this does.
 */
class ReferenceBuildMemo<V> {
  current: Map<string, V>;
  previous = new Map<string, V>();
  constructor(kept: Iterable<[string, V]> = []) {
    this.current = new Map(kept);
  }
  get(key: string, compute: () => V): V {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const value = this.previous.has(key) ? this.previous.get(key)! : compute();
    this.current.set(key, value);
    return value;
  }
  nextBuild(): void {
    this.previous = this.current;
    this.current = new Map();
  }
  used(): [string, V][] {
    return [...this.current];
  }
}

describe('BuildMemo', () => {
  it('keeps what the last build used and forgets the rest', () => {
    const memo = new BuildMemo<number>();
    let made = 0;
    const make = () => ++made;
    expect([memo.get('a', make), memo.get('b', make)]).toEqual([1, 2]);
    memo.nextBuild();
    expect(memo.get('a', make)).toBe(1); // kept
    memo.nextBuild();
    expect(memo.get('b', make)).toBe(3); // not used by the build before: computed again
    expect(memo.get('a', make)).toBe(1);
    expect(new Map(memo.used())).toEqual(new Map([['a', 1], ['b', 3]]));
  });

  it('answers, computes and keeps as the plain version does, over random builds', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const step = fc.oneof(fc.record({ get: key }), fc.constant({ next: true as const }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat())), fc.array(step, { maxLength: 60 }), (kept, steps) => {
        const fast = new BuildMemo<number>(kept);
        const plain = new ReferenceBuildMemo<number>(kept);
        steps.forEach((s, i) => {
          if ('next' in s) {
            fast.nextBuild();
            plain.nextBuild();
            return;
          }
          // Negative, unlike every kept value: a wrongly computed entry shows in the answers that follow.
          const computed = { fast: false, plain: false };
          const answer = fast.get(s.get, () => ((computed.fast = true), -1 - i));
          expect(answer).toBe(plain.get(s.get, () => ((computed.plain = true), -1 - i)));
          expect(computed.fast).toBe(computed.plain);
          expect(new Map(fast.used())).toEqual(new Map(plain.used()));
        });
      }),
    );
  });
});
