// Starts Pagefind's search UI on /search/ and runs the query in ?q=, so a
// link such as /search/?q=Tehran lands on its results.
window.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('search');
  if (!root) return;
  if (typeof window.PagefindUI !== 'function') {
    root.textContent = 'Search is not available here: its index is written by “broadsheet build”.';
    return;
  }
  var ui = new window.PagefindUI({ element: '#search', showImages: false, showSubResults: false, resetStyles: false });
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
