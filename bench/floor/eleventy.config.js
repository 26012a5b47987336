// The benchmark's floor: bare Eleventy paginating the same article records
// Broadsheet builds, one page each, through a one-line template. Whatever
// Broadsheet spends beyond this is its own cost.
export default function floorConfig() {
  return {
    dir: { input: 'bench/floor/site', data: '_data' },
    htmlTemplateEngine: 'njk',
    markdownTemplateEngine: false,
  };
}
