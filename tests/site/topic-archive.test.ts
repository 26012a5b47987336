/**
 * A topic's archived pages through the whole build: dated stories paged
 * from the oldest, undated ones apart from them, in feed order
 * (src/discovery/topic-pages.ts). The topic needs more than two pages'
 * worth of each, so the feeds are written here, a short story a time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFixture, makeContent, type FixtureSite } from './helpers.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A story naming Iran often enough to be filed under it. Dated (`day`: a
 * UTC midnight) the way wire copy is: a caption dated that day and a lede
 * that names its weekday (docs/feed-format.md); else undated.
 */
function story(n: number, day: Date | null): string {
  const headline = `Iran Story Number ${n}`;
  const caption = day ? [`Officials meet in Tehran, Iran, ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}. (AP)`] : [];
  const when = day ? `on ${WEEKDAYS[day.getUTCDay()]}` : 'again';
  return [headline, '', ...caption, 'TT', '', headline, '', ...caption, '',
    `Iran said ${when} that talks with Iran's neighbours would go on, story ${n}.`,
    `Officials in Iran gave no further details.`].join('\n');
}

const feed = (stories: string[]) => `${stories.join('\n\n\n')}\n`;
const DATED = 120;
const UNDATED = 110;

let site: FixtureSite;
beforeAll(async () => {
  // One story a day, story 1 the oldest.
  const dated = Array.from({ length: DATED }, (_, i) => story(i + 1, new Date(Date.UTC(2025, 0, 1 + i))));
  const undated = Array.from({ length: UNDATED }, (_, i) => story(DATED + i + 1, null));
  site = await buildFixture(await makeContent({ 'feeds/dated.txt': feed(dated), 'feeds/undated.txt': feed(undated) }, false));
}, 120_000);
afterAll(() => site?.cleanup());

const headlines = (doc: Document) => [...doc.querySelectorAll('.card__headline a')].map((a) => a.textContent!.trim());
const pager = (doc: Document) => ({
  newer: doc.querySelector('.pager a[rel=prev]')?.getAttribute('href') ?? null,
  older: doc.querySelector('.pager a[rel=next]')?.getAttribute('href') ?? null,
});

it('builds the topic without errors', () => {
  expect(site.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

it('links the dated archive, oldest last, then the undated pages, first filed last', async () => {
  const main = await site.page('/topics/iran/');
  expect(pager(main)).toEqual({ newer: null, older: '/topics/iran/page/1/' });
  const dated = await site.page('/topics/iran/page/1/');
  expect(pager(dated)).toEqual({ newer: '/topics/iran/', older: '/topics/iran/undated/1/' });
  const undated = await site.page('/topics/iran/undated/1/');
  expect(pager(undated)).toEqual({ newer: '/topics/iran/page/1/', older: null });
  expect(undated.querySelector('title')!.textContent).toMatch(/^Iran, undated stories 1–50 — /);
  expect(undated.querySelector('.page-intro')!.textContent).toContain('Undated stories, 1–50 in the order they were filed');
});

it('lists every story once: the oldest 50 dated and the first 50 undated on their pages, the rest on the topic page', async () => {
  const [main, dated, undated] = (await Promise.all(['/topics/iran/', '/topics/iran/page/1/', '/topics/iran/undated/1/'].map((p) => site.page(p)))) as [Document, Document, Document];
  expect(headlines(undated)).toEqual(Array.from({ length: 50 }, (_, i) => `Iran Story Number ${DATED + i + 1}`));
  expect([...headlines(dated)].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `Iran Story Number ${i + 1}`).sort());
  const all = [...headlines(main), ...headlines(dated), ...headlines(undated)];
  expect(all).toHaveLength(DATED + UNDATED);
  expect(new Set(all).size).toBe(DATED + UNDATED);
  // On the topic's own page the dated stories come first, then the last-filed undated ones.
  expect(headlines(main).slice(-(UNDATED - 50))).toEqual(Array.from({ length: UNDATED - 50 }, (_, i) => `Iran Story Number ${DATED + 50 + i + 1}`));
});
