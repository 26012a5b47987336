// The search page: a form (query, sort, topic) over Pagefind's JavaScript
// API, with results that show each story's headline, date, topics and an
// excerpt of its text. The form's state lives in the address
// (/search/?q=tehran&sort=date&topic=Iran): a search can be shared, and
// each settled query is a history entry, so Back returns to the previous
// one. A large site's index comes in several bundles (`broadsheet build`
// lists the extra ones in /pagefind/bundles.json), merged here. A bundle
// with no page that has a word answers with near-matches (the longest
// prefix of the word it has), which one index over the whole site would
// not: so the vocabulary index, one record per bundle, is asked first which
// bundles have the words, and only those are searched
// (src/discovery/search-vocabulary.ts).
//
// Everything shown comes from the index as text, but for Pagefind's
// excerpts, whose <mark> elements are kept and everything else is taken as
// text; links only go to this site's own pages.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form) return;
  var root = document.getElementById('search');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var input = form.elements.namedItem('q');
  var sort = form.elements.namedItem('sort');
  var topic = form.elements.namedItem('topic');
  var strings = JSON.parse(document.getElementById('search-strings').textContent || '{}');
  var language = document.documentElement.lang || 'en';
  var plurals = new Intl.PluralRules(language);
  var numbers = new Intl.NumberFormat(language);
  var PAGE = 10;
  var bundlePath = root.getAttribute('data-bundle-path') || '/pagefind/';
  var baseUrl = root.getAttribute('data-base-url') || '/';
  var pagefind = null;
  var bundleCount = 1;
  // The bundles' names in the filters: '/' for the first, else its path in bundles.json.
  var bundleKeys = ['/'];
  // Which bundles each record of the vocabulary index holds the words of, by result id.
  var vocabulary = null;
  var shown = PAGE;
  var generation = 0;

  function message(key, values) {
    var text = strings[key];
    if (text && typeof text === 'object') {
      var count = values && typeof values.count === 'number' ? values.count : 0;
      var form_ = count === 0 && text.zero ? 'zero' : plurals.select(count);
      text = text[form_] || text.other;
    }
    return String(text || '').replace(/\{(\w+)\}/g, function (whole, name) {
      if (!values || !(name in values)) return whole;
      return typeof values[name] === 'number' ? numbers.format(values[name]) : String(values[name]);
    });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get('q') || '';
    sort.value = params.get('sort') === 'date' ? 'date' : 'relevance';
    setTopic(params.get('topic') || '');
  }

  function setTopic(value) {
    if (value && !Array.prototype.some.call(topic.options, function (o) { return o.value === value; })) {
      var option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      topic.appendChild(option);
    }
    topic.value = value;
  }

  function toAddress(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (sort.value === 'date') params.set('sort', 'date');
    if (topic.value) params.set('topic', topic.value);
    var query = params.toString();
    var url = window.location.pathname + (query ? '?' + query : '');
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    return import(bundlePath + 'pagefind.js').then(function (module) {
      pagefind = module;
      return Promise.resolve(module.options({ baseUrl: baseUrl }))
        .then(function () { return fetch(bundlePath + 'bundles.json'); })
        .then(function (response) { return response.ok ? response.json() : { merge: [] }; })
        .catch(function () { return { merge: [] }; })
        .then(function (bundles) {
          var merge = bundles.merge || [];
          bundleCount = 1 + merge.length;
          bundleKeys = ['/'].concat(merge);
          vocabulary = bundles.vocabulary && typeof bundles.vocabulary.path === 'string' ? bundles.vocabulary : null;
          var merged = merge.map(function (path) { return module.mergeIndex(bundlePath + path, { baseUrl: baseUrl, mergeFilter: { bundle: path } }); });
          if (vocabulary) merged.push(module.mergeIndex(bundlePath + vocabulary.path, { baseUrl: baseUrl }));
          return Promise.all(merged);
        })
        // Loading the filters once makes every search count its results per topic.
        .then(function () { return module.filters(); })
        .then(function () { return module; });
    });
  }

  // The filters that keep a search to the bundles that have its words, and
  // out of the vocabulary's own records. When no bundle has them, Pagefind's
  // fallback is that of one index: every bundle is searched.
  function bundleFilters(api, term) {
    if (!vocabulary) return Promise.resolve({});
    var outside = { kind: { none: ['vocabulary'] } };
    return api.search(term, { filters: { kind: 'vocabulary' } }).then(function (search) {
      var found = {};
      search.results.forEach(function (result) {
        (vocabulary.bundles[result.id] || []).forEach(function (key) { found[key] = true; });
      });
      var having = bundleKeys.filter(function (key) { return found[key]; });
      var lacking = bundleKeys.filter(function (key) { return !found[key]; });
      if (having.length === 0 || lacking.length === 0) return outside;
      // The first bundle's pages carry no bundle filter: it is kept by naming the others to leave out.
      outside.bundle = having.indexOf('/') >= 0 ? { none: lacking } : { any: having };
      return outside;
    });
  }

  function run() {
    var term = input.value.trim();
    var mine = ++generation;
    if (!term) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = message('search.searching');
    load().then(function (api) {
      return bundleFilters(api, term).then(function (filters) {
        if (topic.value) filters.topic = topic.value;
        return api.search(term, { filters: filters });
      }).then(function (search) {
        if (mine !== generation) return;
        var results = search.results;
        fillTopics(search.filters && search.filters.topic);
        // Dated order across bundles: each bundle is a span of time, but
        // Pagefind only orders within one, so enough of every bundle's
        // results are read to order the first ones of all of them.
        var wanted = sort.value === 'date' ? Math.min(results.length, shown * bundleCount) : Math.min(results.length, shown);
        return Promise.all(results.slice(0, wanted).map(function (r) { return r.data(); })).then(function (data) {
          if (mine !== generation) return;
          if (sort.value === 'date') data.sort(newestFirst);
          show(data.slice(0, shown), results.length, term);
        });
      });
    }).catch(function () {
      if (mine === generation) status.textContent = root.getAttribute('data-unavailable') || '';
    });
  }

  function newestFirst(a, b) {
    var x = (a.meta && a.meta.published) || '';
    var y = (b.meta && b.meta.published) || '';
    return x === y ? 0 : x < y ? 1 : -1;
  }

  function fillTopics(counts) {
    var current = topic.value;
    var names = Object.keys(counts || {}).filter(function (name) { return counts[name] > 0 || name === current; });
    names.sort(function (a, b) { return (counts[b] || 0) - (counts[a] || 0) || a.localeCompare(b, language); });
    var first = topic.options[0];
    topic.replaceChildren(first);
    names.forEach(function (name) {
      var option = document.createElement('option');
      option.value = name;
      option.textContent = name + ' (' + numbers.format(counts[name] || 0) + ')';
      topic.appendChild(option);
    });
    setTopic(current);
  }

  function show(items, total, term) {
    status.textContent = total ? message('search.count', { count: total, query: term }) : message('search.none', { query: term });
    list.replaceChildren.apply(list, items.map(resultItem));
    more.hidden = total <= items.length;
  }

  function resultItem(data) {
    var item = document.createElement('li');
    item.className = 'search-result';
    item.setAttribute('dir', 'auto');
    if (data.meta && data.meta.lang) item.setAttribute('lang', data.meta.lang);
    var heading = document.createElement('h2');
    heading.className = 'search-result__title';
    var link = document.createElement('a');
    var url = String(data.url || '');
    link.href = url.charAt(0) === '/' && url.charAt(1) !== '/' ? url : baseUrl;
    link.textContent = (data.meta && data.meta.title) || url;
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = document.createElement('p');
    meta.className = 'meta search-result__meta';
    meta.setAttribute('lang', language);
    meta.setAttribute('dir', document.documentElement.dir || 'ltr');
    var parts = [];
    if (data.meta && data.meta.date) {
      var time = document.createElement('time');
      if (data.meta.published) time.setAttribute('datetime', data.meta.published);
      time.textContent = data.meta.date;
      parts.push(time);
    }
    var topics = (data.filters && data.filters.topic) || [];
    if (topics.length) {
      var names = document.createElement('bdi');
      names.textContent = topics.join(', ');
      parts.push(names);
    }
    parts.forEach(function (part, i) {
      if (i > 0) meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(part);
    });
    if (parts.length) item.appendChild(meta);
    var excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    excerpt.setAttribute('dir', 'auto');
    appendExcerpt(excerpt, data);
    item.appendChild(excerpt);
    return item;
  }

  // The excerpt is made here from the indexed text, as words, rather than
  // taken from Pagefind: the index holds the headline first (it weighs in
  // the ranking), and an excerpt is story text only. So the headline's
  // words are skipped, the excerpt is the densest run of matches after it
  // (or the story's opening when only the headline matched), and matches
  // are wrapped in <mark>. Every word is set as text.
  var EXCERPT_WORDS = 30;
  function appendExcerpt(into, data) {
    var raw = String(data.raw_content || data.content || '');
    var split = raw.indexOf('\u200B') >= 0 ? '\u200B' : /[\r\n\s]+/g;
    var words = raw.split(split).map(function (w) { return w.replace(/&lt;/g, '<').replace(/&gt;/g, '>'); });
    var title = String((data.meta && data.meta.title) || '').trim();
    var skip = title ? title.split(/[\r\n\s]+/g).length : 0;
    var body = words.slice(skip);
    var hits = (data.locations || []).map(function (l) { return l - skip; }).filter(function (l) { return l >= 0 && l < body.length; }).sort(function (a, b) { return a - b; });
    var start = 0;
    var best = -1;
    hits.forEach(function (at) {
      var count = hits.filter(function (other) { return other >= at && other < at + EXCERPT_WORDS; }).length;
      if (count > best) { best = count; start = at; }
    });
    start = Math.max(0, Math.min(start - 8, body.length - EXCERPT_WORDS));
    var marked = {};
    hits.forEach(function (at) { marked[at] = true; });
    var end = Math.min(body.length, start + EXCERPT_WORDS);
    if (start > 0) into.appendChild(document.createTextNode('… '));
    for (var i = start; i < end; i++) {
      if (i > start && split !== '\u200B') into.appendChild(document.createTextNode(' '));
      if (marked[i]) {
        var mark = document.createElement('mark');
        mark.textContent = body[i];
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(body[i]));
      }
    }
    if (end < body.length) into.appendChild(document.createTextNode(' …'));
  }

  // Each settled query (typing paused, or the form submitted) is one
  // history entry, so Back goes to the previous search.
  var typing = null;
  input.addEventListener('input', function () {
    shown = PAGE;
    clearTimeout(typing);
    typing = setTimeout(function () { toAddress(true); run(); }, 300);
  });
  [sort, topic].forEach(function (control) {
    control.addEventListener('change', function () {
      shown = PAGE;
      toAddress(true);
      run();
    });
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(typing);
    toAddress(true);
    run();
  });
  more.addEventListener('click', function () {
    shown += PAGE;
    run();
  });
  window.addEventListener('popstate', function () {
    clearTimeout(typing);
    fromAddress();
    shown = PAGE;
    run();
  });

  form.hidden = false;
  fromAddress();
  run();
})();
