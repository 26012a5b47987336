/**
 * Country names in Arabic script (the dataset's Arabic, Persian and Urdu
 * translations), so an Arabic article about إيران files under Iran with the
 * English ones. Arabic has no capitals to find names by, writes "and", "in",
 * "to" as letters joined to the next word (والصين, بالصين, للصين) and spells
 * alef, yeh and kaf several ways; both sides are folded the same way first.
 */
import type { Country } from 'world-countries';

export interface ArabicScriptNames {
  /** Folded words joined by one space → ISO alpha-2 code. */
  names: Map<string, string>;
  /** Every proper prefix of a multi-word name. */
  prefixes: Set<string>;
  longest: number;
}

const TRANSLATIONS = ['ara', 'per', 'urd'] as const;
/** Names that are also everyday words: مالي "financial", عمان Amman (Oman is سلطنة عمان). */
const AMBIGUOUS = new Set(['مالي', 'عمان']);
const ARABIC_WORD = /[\u0621-\u063A\u0641-\u064A\u0660-\u0669\u066E-\u06D3\u06D5\u06FA-\u06FF]+/g;
/** One-letter proclitics: wa-, fa-, bi-, li-, ka-. */
const PROCLITIC = /^[وفبلك](?=..)/;

/**
 * Folds the spelling variants that do not change a name.
 *
 * @example
 * foldArabic('إيران') === foldArabic('ایران') // => true
 */
export function foldArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // vowel marks, tatweel
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه');
}

/**
 * The Arabic-script name table, built once with the gazetteer.
 *
 * @example
 * buildArabicScriptNames(countries).names.get(foldArabic('الصين')) // => 'CN'
 */
export function buildArabicScriptNames(countries: readonly Country[]): ArabicScriptNames {
  const owners = new Map<string, Set<string>>();
  for (const country of countries) {
    for (const language of TRANSLATIONS) {
      const translation = country.translations?.[language];
      for (const name of [translation?.common, translation?.official]) {
        const words = name ? foldArabic(name).match(ARABIC_WORD) : null;
        if (!words) continue;
        const key = words.join(' ');
        owners.set(key, (owners.get(key) ?? new Set()).add(country.cca2));
      }
    }
  }
  const names = new Map<string, string>();
  const prefixes = new Set<string>();
  let longest = 0;
  for (const [key, codes] of owners) {
    if (codes.size !== 1 || AMBIGUOUS.has(key)) continue;
    names.set(key, [...codes][0] as string);
    const words = key.split(' ');
    longest = Math.max(longest, words.length);
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  }
  return { names, prefixes, longest };
}

/**
 * The countries an Arabic-script text names, longest name first, with one
 * proclitic allowed on the first word and li + al written لل (وللصين is
 * wa + li + الصين).
 *
 * @example
 * findArabicScriptMentions('قال وزير خارجية إيران', names) // => ['IR']
 */
export function findArabicScriptMentions(text: string, table: ArabicScriptNames): string[] {
  const words = foldArabic(text).match(ARABIC_WORD);
  if (!words) return [];
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    const first = words[i] as string;
    const bare = first.replace(PROCLITIC, '');
    const starts = [first, bare, first.replace(/^لل/, 'ال'), bare.replace(/^لل/, 'ال')];
    let consumed = 1;
    search: for (const start of new Set(starts)) {
      const keys = [start];
      while (keys.length < table.longest && i + keys.length < words.length && table.prefixes.has(keys[keys.length - 1] as string)) {
        keys.push(`${keys[keys.length - 1]} ${words[i + keys.length]}`);
      }
      for (let n = keys.length; n >= 1; n--) {
        const code = table.names.get(keys[n - 1] as string);
        if (code) {
          found.push(code);
          consumed = n;
          break search;
        }
      }
    }
    i += consumed;
  }
  return found;
}
