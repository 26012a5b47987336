// @ts-check
/**
 * Which of the files Pagefind writes for an index are its search UI (its
 * scripts, styles and WebAssembly) rather than the index itself. A bundle
 * merged into the first one (src/discovery/search-index.ts) and the
 * vocabulary index are searched by the first bundle's code, so they keep
 * the index alone: the entry file, the metadata and the `fragment/`,
 * `index/` and `filter/` folders.
 *
 * The search lane's thread (search-lane-worker.js) applies it to the
 * files it writes and to those Pagefind wrote itself. JavaScript, because
 * that thread runs without a TypeScript loader; a module of its own, because
 * the thread's module cannot be imported elsewhere (a test holds the lane's
 * output to this rule).
 */

/**
 * @example
 * isUiFile('pagefind-ui.js') // => true
 * isUiFile('pagefind.en_1a2b3c.pf_meta') // => false
 * isUiFile('fragment/en_4d5e6f.pf_fragment') // => false
 *
 * @param {string} path a file's path relative to the index's folder, with `/` separators
 * @returns {boolean}
 */
export function isUiFile(path) {
  return !path.includes('/') && path !== 'pagefind-entry.json' && !path.endsWith('.pf_meta');
}
