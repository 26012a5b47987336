/**
 * The front page's layout: which story leads, which are the top stories
 * beside it, and which topic sections follow, in what order. The home
 * page's stories arrive ordered by the model (the editor's lead and pinned
 * stories first, then newest first: src/site/model.ts); this module only
 * places them, so every story appears once.
 *
 * Sections: stories are grouped under their first topic. The topics an
 * editor lists in `site.json` (`frontPage.sections`) come first, in that
 * order; then the others, by their newest story, newest first, ties by
 * name. A section holds at most `sectionSize` stories. A topic with a
 * single story here (unless the editor listed it), the stories past a
 * section's size, and stories without a topic go to "More stories" at the
 * end, newest first, so no section is a lone card in an empty row.
 */
import type { TopicIndex, Topic } from './types.ts';

/** Stories beside the lead. */
export const TOP_STORIES = 4;

export interface FrontPageLayout<T> {
  lead: T | null;
  top: T[];
  sections: { topic: Topic; stories: T[] }[];
  more: T[];
}

export interface FrontPageOptions {
  /** Topic names to put first, in order (matched without regard to case). */
  sections: readonly string[];
  sectionSize: number;
}

/**
 * @example
 * frontPageLayout(stories, index, { sections: ['Iran'], sectionSize: 4 }).sections[0]?.topic.name // => 'Iran'
 */
export function frontPageLayout<T extends { slug: string; publishedIso: string | null }>(
  stories: readonly T[],
  index: TopicIndex,
  options: FrontPageOptions,
): FrontPageLayout<T> {
  const [lead = null, ...others] = stories;
  const top = others.slice(0, TOP_STORIES);
  const rest = others.slice(TOP_STORIES);
  const groups = new Map<string, { topic: Topic; stories: T[] }>();
  const untopical: T[] = [];
  for (const story of rest) {
    const topic = index.topicsByArticle.get(story.slug)?.[0];
    if (!topic) {
      untopical.push(story);
      continue;
    }
    const group = groups.get(topic.slug);
    if (group) group.stories.push(story);
    else groups.set(topic.slug, { topic, stories: [story] });
  }
  const wanted = options.sections.map((name) => name.toLocaleLowerCase('en'));
  const rank = (topic: Topic) => {
    const at = wanted.indexOf(topic.name.toLocaleLowerCase('en'));
    return at < 0 ? wanted.length : at;
  };
  const newest = (group: { stories: T[] }) => group.stories.reduce((max, s) => (s.publishedIso && s.publishedIso > max ? s.publishedIso : max), '');
  const ordered = [...groups.values()].sort(
    (a, b) => rank(a.topic) - rank(b.topic) || (newest(a) === newest(b) ? (a.topic.name < b.topic.name ? -1 : a.topic.name > b.topic.name ? 1 : 0) : newest(a) < newest(b) ? 1 : -1),
  );
  const sections: FrontPageLayout<T>['sections'] = [];
  const overflow = new Set<T>(untopical);
  for (const group of ordered) {
    const chosen = rank(group.topic) < wanted.length;
    if (group.stories.length < 2 && !chosen) {
      for (const story of group.stories) overflow.add(story);
      continue;
    }
    sections.push({ topic: group.topic, stories: group.stories.slice(0, options.sectionSize) });
    for (const story of group.stories.slice(options.sectionSize)) overflow.add(story);
  }
  // "More stories" keeps the page's order (newest first).
  const more = rest.filter((story) => overflow.has(story));
  return { lead, top, sections, more };
}
