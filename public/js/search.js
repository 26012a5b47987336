// Starts Pagefind's search UI on /search/ and runs the query in ?q=, so a
// link such as /search/?q=Tehran lands on its results. A large site's index
// comes in several bundles (`broadsheet build` lists the extra ones in
// /pagefind/bundles.json); the UI merges them and ranks all results together.
window.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('search');
  if (!root) return;
  if (typeof window.PagefindUI !== 'function') {
    // The message is the site's own, in its language (src/locales/).
    root.textContent = root.getAttribute('data-unavailable') || '';
    return;
  }
  // A site under a path (https://owner.github.io/paper/) says where its
  // index and its pages are; a site at a domain's root has '/pagefind/' and '/'.
  var bundlePath = root.getAttribute('data-bundle-path') || '/pagefind/';
  var baseUrl = root.getAttribute('data-base-url') || '/';
  fetch(bundlePath + 'bundles.json')
    .then(function (response) { return response.ok ? response.json() : { merge: [] }; })
    .catch(function () { return { merge: [] }; })
    .then(function (bundles) {
      var ui = new window.PagefindUI({
        element: '#search',
        bundlePath: bundlePath,
        baseUrl: baseUrl,
        mergeIndex: (bundles.merge || []).map(function (path) { return { bundlePath: bundlePath + path, baseUrl: baseUrl }; }),
        showImages: false,
        showSubResults: false,
        resetStyles: false,
      });
      var query = new URLSearchParams(window.location.search).get('q');
      if (query) ui.triggerSearch(query);
    });
});
