import { describe, expect, it } from 'vitest';
import { memoise, memoiseByObject } from '../../src/memoise.ts';

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
