/**
 * `content/topics.json`: what editors say about topics. Every entry is
 * optional; a bad one is a diagnostic on its line and is left out.
 *
 * ```json
 * {
 *   "minArticles": 2,
 *   "topics": {
 *     "Volodymyr Zelenskiy": { "aliases": ["Zelensky", "Volodymyr Zelensky"], "description": "President of Ukraine since 2019." },
 *     "Coalition of the Willing": { "kind": "organisation" },
 *     "Sunday": { "suppress": true }
 *   }
 * }
 * ```
 */
import { readContentFile } from '../content-files.ts';
import type { Diagnostic, TopicSetting, TopicSettings } from '../types.ts';
import { lineOf, readJsonObject } from '../json-lines.ts';

const KINDS = ['person', 'organisation', 'place', 'subject'] as const;
const ENTRY_KEYS = new Set(['aliases', 'kind', 'description', 'suppress']);

/**
 * @example
 * parseTopicSettings('{"topics": {"Sunday": {"suppress": true}}}', 'content/topics.json').settings.topics?.Sunday?.suppress // => true
 */
export function parseTopicSettings(text: string, file: string): { settings: TopicSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const settings: TopicSettings = {};
  const read = readJsonObject(text, file, 'topics', 'topics.json must be a JSON object with "topics" and, optionally, "minArticles"');
  if ('problem' in read) {
    diagnostics.push(read.problem);
    return { settings, diagnostics };
  }
  const raw = read.object;
  const problem = (needle: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, line: lineOf(text, needle), severity, rule: 'topics-value', message });
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'minArticles') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1) settings.minArticles = value;
      else problem(JSON.stringify(key), `"minArticles" must be a whole number of at least 1, got ${JSON.stringify(value)}`);
    } else if (key === 'topics') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problem(JSON.stringify(key), '"topics" must be an object of topic names');
        continue;
      }
      const topics: Record<string, TopicSetting> = {};
      for (const [name, entry] of Object.entries(value)) {
        const here = JSON.stringify(name);
        if (!name.trim()) {
          problem(here, 'a topic needs a name');
          continue;
        }
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
          problem(here, `"${name}" must be an object such as {"aliases": […], "kind": "person", "description": "…"}`);
          continue;
        }
        const setting: TopicSetting = {};
        let ok = true;
        for (const [field, v] of Object.entries(entry)) {
          if (!ENTRY_KEYS.has(field)) {
            problem(here, `"${name}": unknown key "${field}" (known: ${[...ENTRY_KEYS].join(', ')})`, 'warning');
          } else if (field === 'aliases') {
            if (Array.isArray(v) && v.every((a) => typeof a === 'string' && a.trim())) setting.aliases = v.map((a: string) => a.trim());
            else (problem(here, `"${name}": "aliases" must be a list of names`), (ok = false));
          } else if (field === 'kind') {
            if ((KINDS as readonly unknown[]).includes(v)) setting.kind = v as TopicSetting['kind'];
            else (problem(here, `"${name}": "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(v)}`), (ok = false));
          } else if (field === 'description') {
            if (typeof v === 'string' && v.trim()) setting.description = v.trim();
            else (problem(here, `"${name}": "description" must be text`), (ok = false));
          } else if (field === 'suppress') {
            if (typeof v === 'boolean') setting.suppress = v;
            else (problem(here, `"${name}": "suppress" must be true or false`), (ok = false));
          }
        }
        if (ok) topics[name.trim()] = setting;
      }
      settings.topics = topics;
    } else {
      problem(JSON.stringify(key), `unknown key "${key}" (known: minArticles, topics)`, 'warning');
    }
  }
  return { settings, diagnostics };
}

/**
 * Reads `topics.json` from the content folder; a missing file means no settings.
 *
 * @example
 * const { settings } = await loadTopicSettings('content');
 */
export async function loadTopicSettings(contentDir: string, file = `${contentDir}/topics.json`): Promise<{ settings: TopicSettings; diagnostics: Diagnostic[] }> {
  const read = await readContentFile(file, 'topics-unreadable', 'cannot read the topic settings');
  if ('problem' in read) return { settings: {}, diagnostics: read.missing ? [] : [read.problem] };
  return parseTopicSettings(read.bytes.toString('utf8'), file);
}
