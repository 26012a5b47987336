/** Captions: text, credit and date, table-driven. */
import { describe, expect, it } from 'vitest';
import { findCaptionDate } from '../../src/parser/caption-date.ts';
import { parseCaption } from '../../src/parser/parse-caption.ts';

describe('parseCaption', () => {
  const cases: Array<[string, string, string | null]> = [
    ['Leaders meet in Paris, France, 04 September 2025. (EPA)', 'Leaders meet in Paris, France, 04 September 2025.', 'EPA'],
    ['An investigator in Moscow, Russia February 6, 2026. REUTERS/Anastasia Barashkova', 'An investigator in Moscow, Russia February 6, 2026.', 'REUTERS/Anastasia Barashkova'],
    ['Traffic in Tehran on February 7, 2026. (Photo by ATTA KENARE / AFP)', 'Traffic in Tehran on February 7, 2026.', 'ATTA KENARE / AFP'],
    ['Rescuers search the rubble in Gaza AP Photo/Abdel Kareem Hana', 'Rescuers search the rubble in Gaza', 'AP Photo/Abdel Kareem Hana'],
    ['Troops on parade. EPA-EFE/YURI KOCHETKOV', 'Troops on parade.', 'EPA-EFE/YURI KOCHETKOV'],
    ['A crowd in Lagos. Photo by Jane Doe/Getty Images', 'A crowd in Lagos.', 'Jane Doe/Getty Images'],
    ['Workers at a plant (Photo: Anadolu Agency)', 'Workers at a plant', 'Anadolu Agency'],
    ['Smoke over the city. Getty Images', 'Smoke over the city.', 'Getty Images'],
    ['Smoke over the city. Chris McGrath/Getty Images', 'Smoke over the city.', 'Chris McGrath/Getty Images'],
    ['Smoke over the city. Aris Messinis/AFP via Getty Images', 'Smoke over the city.', 'Aris Messinis/AFP via Getty Images'],
    // A last sentence is not a credit just because it is short.
    ['Smoke over the city. Residents fled', 'Smoke over the city. Residents fled', null],
    ['Smoke over the city. Seen from Route 66/Getty Images', 'Smoke over the city. Seen from Route 66/Getty Images', null],
    // Parentheses that describe the picture are not credits.
    ['President Zelenskiy (L) and President Macron (R)', 'President Zelenskiy (L) and President Macron (R)', null],
    ['The old bridge (file photo)', 'The old bridge (file photo)', null],
    // A slash inside the caption is not a credit when what follows is not a name.
    ['US/Israeli strikes hit the port on February 7, 2026', 'US/Israeli strikes hit the port on February 7, 2026', null],
    ['A caption with no credit at all.', 'A caption with no credit at all.', null],
    ['Unclosed (EPA', 'Unclosed (EPA', null],
  ];
  it.each(cases)('%s', (text, caption, credit) => {
    expect(parseCaption(text, 7)).toEqual({ caption, credit, date: findCaptionDate(text), line: 7 });
  });
});

describe('findCaptionDate', () => {
  const cases: Array<[string, string | null]> = [
    ['Paris, France, 04 September 2025. (EPA)', '2025-09-04'],
    ['Moscow, Russia February 6, 2026. REUTERS/X', '2026-02-06'],
    ['Kyiv, Aug. 3, 2024.', '2024-08-03'],
    ['Rome, Sept. 12, 2023.', '2023-09-12'],
    ['Lima, 1 Sept 2023.', '2023-09-01'],
    ['Oslo, 3rd of March, 2024.', '2024-03-03'],
    ['Seoul, March 3rd 2024', '2024-03-03'],
    ['Taken 2025-12-31 in Quito', '2025-12-31'],
    ['february 6, 2026 in lower case', '2026-02-06'],
    // Not a full date: no day, no year, or no such day.
    ['Taken in February 2026.', null],
    ['Taken on February 6.', null],
    ['Taken on February 30, 2026.', null],
    ['Taken on 31 April 2026, then 2 May 2026.', '2026-05-02'],
    ['Mayday 12 2026 is not a month.', null],
    // A long s (U+017F) matches as the s it folds to, and reads as one.
    ['Rome, 4 \u017fept. 2025.', '2025-09-04'],
    ['Rome, Augu\u017ft 4, 2025.', '2025-08-04'],
    ['No date here.', null],
  ];
  it.each(cases)('%s', (text, date) => {
    expect(findCaptionDate(text)).toBe(date);
  });
});
