/* SiteGen search. Loads the index written by BuildSearchIndex (src/SiteGen/Search) through
   <script> tags, never fetch, so it works from file:// and under any base path. The tokenizer
   below is a line-by-line port of SearchTokenizer.cs; tests/SiteGen.Tests/TestFiles/Search/tokens.json
   keeps the two identical. */
(function () {
  'use strict';

  var rootMeta = document.querySelector('meta[name="sitegen-root"]');
  var root = rootMeta ? rootMeta.getAttribute('content') || '' : '';
  var fromDisk = location.protocol === 'file:';

  /* ---------- tokenizer (mirror of SearchNormalizer.cs, LightStemmer.cs, SearchTokenizer.cs) ---------- */

  var WORD = 0, UNIGRAM = 1, BIGRAM = 2, TEX = 3;
  var MAX_WORD = 40;
  var normCache = new Map();
  var wordRe = /[\p{L}\p{Nd}\p{M}]/u;

  function isStableCjk(cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

  function isCjk(cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x20000 && cp <= 0x2FFFF);
  }

  function isWordChar(cp) {
    if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    return wordRe.test(String.fromCodePoint(cp));
  }

  function norm(cp) {
    if (cp < 0x80) return String.fromCharCode(cp >= 65 && cp <= 90 ? cp + 32 : cp);
    var hit = normCache.get(cp);
    if (hit === undefined) {
      hit = (cp >= 0xD800 && cp <= 0xDFFF) ? ' ' : String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
      normCache.set(cp, hit);
    }
    return hit;
  }

  function stem(word) {
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
    if (w.endsWith('ing') && w.length - 3 >= 3) w = w.slice(0, -3);
    else if (w.endsWith('ed') && w.length - 2 >= 3) w = w.slice(0, -2);
    if (w.endsWith('e') && w.length - 1 >= 3) w = w.slice(0, -1);
    return w;
  }

  /* Returns {tokens: [{t: term, p: position, k: kind, s: start, e: end}], next: next free position}. */
  function tokenize(text, firstPosition) {
    var tokens = [];
    var pos = firstPosition || 0;
    var word = '', command = false, wordStart = 0, wordEnd = 0;
    var cjk = [];

    function flushWord() {
      if (command) {
        command = false;
        if (word.length > 0) {
          tokens.push({ t: '\\' + word, p: pos, k: TEX, s: wordStart, e: wordEnd });
          tokens.push({ t: word, p: pos, k: WORD, s: wordStart, e: wordEnd });
          pos++;
          word = '';
        }
        return;
      }
      if (word.length === 0) return;
      if (word.length <= MAX_WORD) tokens.push({ t: stem(word), p: pos, k: WORD, s: wordStart, e: wordEnd });
      word = '';
      pos++;
    }

    function flushCjk() {
      if (cjk.length === 0) return;
      for (var k = 0; k < cjk.length; k++) {
        var c = cjk[k];
        var uni = String.fromCodePoint(c[0]);
        tokens.push({ t: uni, p: pos + k, k: UNIGRAM, s: c[1], e: c[2] });
        if (k + 1 < cjk.length) {
          var n = cjk[k + 1];
          tokens.push({ t: uni + String.fromCodePoint(n[0]), p: pos + k, k: BIGRAM, s: c[1], e: n[2] });
        }
      }
      pos += cjk.length;
      cjk = [];
    }

    function feed(cp, start, end) {
      if (isCjk(cp)) { flushWord(); cjk.push([cp, start, end]); return; }
      flushCjk();
      if (cp === 92) { flushWord(); command = true; wordStart = start; wordEnd = end; return; }
      if (command && !(cp >= 97 && cp <= 122)) flushWord();
      if (isWordChar(cp)) {
        if (word.length === 0 && !command) wordStart = start;
        word += String.fromCodePoint(cp);
        wordEnd = end;
      } else {
        flushWord();
      }
    }

    var i = 0;
    while (i < text.length) {
      var cp = text.codePointAt(i);
      var width = cp > 0xFFFF ? 2 : 1;
      if (isStableCjk(cp)) {
        feed(cp, i, i + width);
      } else {
        var n = norm(cp);
        for (var j = 0; j < n.length; j++) {
          var m = n.codePointAt(j);
          if (m > 0xFFFF) j++;
          feed(m, i, i + width);
        }
      }
      i += width;
    }
    flushWord();
    flushCjk();
    return { tokens: tokens, next: pos };
  }

  /* ---------- index files ---------- */

  var ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var DIGIT = {};
  for (var a = 0; a < 64; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;
  var PREFIX = 3, FORMAT = 1;
  var files = {};

  var build = '';

  window.__sitegenSearch = function (kind, id, data) {
    var key = kind + id;
    if (kind === 'm') build = data.b || '';
    var entry = files[key] || (files[key] = {});
    entry.data = data;
    if (entry.resolve) entry.resolve(data);
  };

  function load(kind, id) {
    var key = kind + id;
    var entry = files[key];
    if (entry && entry.promise) return entry.promise;
    if (entry && 'data' in entry) return (entry.promise = Promise.resolve(entry.data));
    entry = files[key] = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      var script = document.createElement('script');
      // meta.js (100 bytes, never cached) names the build, so shards of two builds never mix.
      script.src = root + 'search/' + (kind === 'm' ? 'meta.js?t=' + Date.now() : kind + '/' + id + '.js?v=' + build);
      script.async = true;
      script.charset = 'utf-8';
      script.onload = function () {
        script.remove();
        if (!('data' in entry)) { delete files[key]; reject(new Error('no data in ' + script.src)); }
      };
      script.onerror = function () {
        script.remove();
        delete files[key];
        reject(new Error('cannot load ' + script.src));
      };
      document.head.appendChild(script);
    });
    return entry.promise;
  }

  function shardKey(term) {
    return isCjk(term.codePointAt(0)) || term.length <= PREFIX ? term : term.slice(0, PREFIX);
  }

  function shardOf(term, count) {
    var key = shardKey(term), h = 2166136261;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
    return h % count;
  }

  function decodeNumbers(text) {
    var out = [], v = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charCodeAt(i)];
      if (d >= 32) v = v * 32 + (d - 32);
      else { out.push(v * 32 + d); v = 0; }
    }
    return out;
  }

  var decoded = new Map();

  /* Posting list: per document gap, flags (impact * 2 + in-title), count, delta-coded positions. */
  function postings(term, text) {
    var hit = decoded.get(term);
    if (hit) return hit;
    var nums = decodeNumbers(text), docs = [], flags = [], positions = [];
    var doc = -1, i = 0;
    while (i < nums.length) {
      doc += nums[i] + 1;
      docs.push(doc);
      flags.push(nums[i + 1]);
      var count = nums[i + 2], list = [], p = 0;
      i += 3;
      for (var c = 0; c < count; c++) { p += nums[i++]; list.push(p); }
      positions.push(list);
    }
    hit = { docs: docs, flags: flags, positions: positions };
    decoded.set(term, hit);
    return hit;
  }

  /* ---------- query and ranking ---------- */

  var MAX_IMPACT = 15, TITLE_BONUS = 1.5, PREFIX_WEIGHT = 0.8, MAX_EXPANSIONS = 30;

  /* Query terms with positions: CJK runs of two or more characters search by bigrams only
     (every substring of two or more characters is then found), TeX commands without their bare
     twin, and a last Latin word still being typed also as a prefix. */
  function parseQuery(query) {
    var tokens = tokenize(query, 0).tokens;
    var bigramAt = {}, texAt = {};
    tokens.forEach(function (t) {
      if (t.k === BIGRAM) { bigramAt[t.p] = true; bigramAt[t.p + 1] = true; }
      if (t.k === TEX) texAt[t.p] = true;
    });
    var seen = {}, terms = [];
    tokens.forEach(function (t) {
      if (t.k === UNIGRAM && bigramAt[t.p]) return;
      if (t.k === WORD && texAt[t.p]) return;
      if (seen[t.t]) return;
      seen[t.t] = true;
      terms.push({ term: t.t, pos: t.p, kind: t.k, prefix: false, end: t.e });
    });
    var last = terms[terms.length - 1];
    if (last && last.kind === WORD && last.term.length >= PREFIX && last.end === query.length &&
        /^[\p{L}\p{Nd}]+$/u.test(last.term)) {
      last.prefix = true;
    }
    return terms;
  }

  function idf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  /* Ranks documents; resolves to [{doc, score, matched}] best first. */
  function rank(query) {
    return load('m', 0).then(function (meta) {
      if (meta.v !== FORMAT) throw new Error('index format ' + meta.v + ', expected ' + FORMAT);
      var terms = parseQuery(query);
      if (terms.length === 0) return { terms: terms, hits: [] };
      var ids = [];
      terms.forEach(function (t) { var s = shardOf(t.term, meta.s); if (ids.indexOf(s) < 0) ids.push(s); });
      return Promise.all(ids.map(function (id) { return load('t', id); })).then(function (shards) {
        var byDoc = new Map();
        terms.forEach(function (qt, qi) {
          var shard = shards[ids.indexOf(shardOf(qt.term, meta.s))];
          var candidates = [];
          if (Object.prototype.hasOwnProperty.call(shard, qt.term)) candidates.push(qt.term);
          if (qt.prefix) {
            var more = Object.keys(shard).filter(function (k) { return k !== qt.term && k.startsWith(qt.term); });
            more.sort(function (x, y) { return shard[y].length - shard[x].length; });
            candidates = candidates.concat(more.slice(0, MAX_EXPANSIONS));
          }
          qt.idf = 0;
          qt.matches = candidates;
          candidates.forEach(function (term) {
            var list = postings(term, shard[term]);
            var weight = idf(list.docs.length, meta.n) * (term === qt.term ? 1 : PREFIX_WEIGHT);
            qt.idf = Math.max(qt.idf, weight);
            for (var d = 0; d < list.docs.length; d++) {
              var f = list.flags[d];
              var s = weight * ((f >> 1) / MAX_IMPACT + (f & 1 ? TITLE_BONUS : 0));
              var entry = byDoc.get(list.docs[d]);
              if (!entry) byDoc.set(list.docs[d], entry = { doc: list.docs[d], scores: [], positions: [] });
              if (!(entry.scores[qi] >= s)) { entry.scores[qi] = s; entry.positions[qi] = list.positions[d]; }
            }
          });
        });
        var hits = [];
        byDoc.forEach(function (e) {
          var matched = 0, score = 0;
          for (var i = 0; i < terms.length; i++) if (e.scores[i] !== undefined) { matched++; score += e.scores[i]; }
          hits.push({ doc: e.doc, score: score + proximity(terms, e), matched: matched, positions: e.positions });
        });
        var all = hits.filter(function (h) { return h.matched === terms.length; });
        // No document has every term: fall back to the best partial matches rather than nothing.
        if (all.length === 0) all = hits;
        all.sort(function (x, y) { return y.matched - x.matched || y.score - x.score || x.doc - y.doc; });
        return { terms: terms, hits: all };
      });
    });
  }

  /* Bonus for query terms found next to each other (a phrase) or within a few positions. */
  function proximity(terms, entry) {
    var bonus = 0;
    for (var i = 0; i + 1 < terms.length; i++) {
      var a = entry.positions[i], b = entry.positions[i + 1];
      if (!a || !b || a.length === 0 || b.length === 0) continue;
      var want = terms[i + 1].pos - terms[i].pos, best = Infinity;
      for (var x = 0; x < a.length; x++) {
        for (var y = 0; y < b.length; y++) best = Math.min(best, Math.abs(b[y] - a[x] - want));
      }
      var weight = Math.min(terms[i].idf, terms[i + 1].idf);
      if (best === 0) bonus += 0.75 * weight;
      else if (best <= 4) bonus += 0.25 * weight;
    }
    return bonus;
  }

  /* ---------- results: snippet, section anchor, link ---------- */

  function termMatches(terms, token) {
    for (var i = 0; i < terms.length; i++) {
      var q = terms[i];
      if (token.t === q.term || (q.prefix && token.k === WORD && token.t.startsWith(q.term))) return i;
    }
    return -1;
  }

  var SNIPPET = 110;

  function makeSnippet(fragment, terms, positions) {
    var text = fragment.x, hits = [];
    tokenize(text, 0).tokens.forEach(function (t) {
      var qi = termMatches(terms, t);
      if (qi >= 0) hits.push({ s: t.s, e: t.e, q: qi });
    });
    var start = 0, best = -1;
    for (var h = 0; h < hits.length; h++) {
      var from = hits[h].s, seen = {}, distinct = 0;
      for (var g = h; g < hits.length && hits[g].e <= from + SNIPPET; g++) {
        if (!seen[hits[g].q]) { seen[hits[g].q] = true; distinct++; }
      }
      if (distinct > best) { best = distinct; start = from; }
    }
    var anchor = null, heading = null;
    (fragment.s || []).forEach(function (sec) {
      if (hits.length > 0 && sec[0] <= start) { anchor = sec[1]; heading = sec[2]; }
    });
    // The match lies past the stored text: find its section by token position instead.
    if (hits.length === 0 && fragment.c !== undefined) {
      var at = Infinity;
      (positions || []).forEach(function (list) {
        (list || []).forEach(function (p) { if (p >= fragment.c && p < at) at = p; });
      });
      (fragment.s || []).forEach(function (sec) { if (sec[3] <= at) { anchor = sec[1]; heading = sec[2]; } });
    }
    var lead = Math.max(0, start - 24);
    var cut = text.lastIndexOf('\n', start);
    if (cut >= lead) lead = cut + 1;
    var end = Math.min(text.length, lead + SNIPPET + 24);
    if (lead > 0 && isLow(text.charCodeAt(lead))) lead--;
    if (end < text.length && isLow(text.charCodeAt(end))) end++;
    var ranges = [];
    hits.forEach(function (x) {
      if (x.s >= lead && x.e <= end) {
        var r = ranges[ranges.length - 1];
        if (r && x.s <= r[1]) r[1] = Math.max(r[1], x.e);
        else ranges.push([x.s, x.e]);
      }
    });
    return {
      text: text.slice(lead, end).replace(/\n/g, ' '), offset: lead, ranges: ranges,
      before: lead > 0, after: end < text.length, anchor: anchor, heading: heading
    };
  }

  function isLow(c) { return c >= 0xDC00 && c <= 0xDFFF; }

  function link(url, anchor) {
    var href = root + url;
    // A directory URL opened from disk shows a file listing, not the page.
    if (fromDisk && (url === '' || url.endsWith('/'))) href += 'index.html';
    return anchor ? href + '#' + encodeURIComponent(anchor) : href;
  }

  /* Top results with their fragments loaded: [{doc, score, url, href, title, snippet}]. */
  function query(text, limit, offset) {
    return rank(text).then(function (ranked) {
      var page = ranked.hits.slice(offset || 0, (offset || 0) + limit);
      return Promise.all(page.map(function (h) { return fragmentOf(h.doc); })).then(function (fragments) {
        return {
          total: ranked.hits.length,
          results: page.map(function (h, i) {
            var f = fragments[i], snip = makeSnippet(f, ranked.terms, h.positions);
            return {
              doc: h.doc, score: h.score, url: f.u, title: f.t, snippet: snip,
              href: link(f.u, snip.anchor), titleRanges: titleRanges(f.t, ranked.terms)
            };
          })
        };
      });
    });
  }

  /* Fragments come in files of meta.f consecutive documents. */
  function fragmentOf(doc) {
    return load('m', 0).then(function (meta) {
      return load('d', Math.floor(doc / meta.f)).then(function (chunk) { return chunk[doc % meta.f]; });
    });
  }

  function titleRanges(title, terms) {
    var ranges = [];
    tokenize(title, 0).tokens.forEach(function (t) {
      if (termMatches(terms, t) < 0) return;
      var r = ranges[ranges.length - 1];
      if (r && t.s <= r[1]) r[1] = Math.max(r[1], t.e);
      else ranges.push([t.s, t.e]);
    });
    return ranges;
  }

  /* ---------- DOM (text only through textContent: index text is untrusted) ---------- */

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function highlighted(parent, text, ranges, offset) {
    var at = 0;
    ranges.forEach(function (r) {
      var s = r[0] - offset, e = r[1] - offset;
      if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
      parent.appendChild(el('mark', null, text.slice(s, e)));
      at = e;
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }

  function renderResult(r, tag) {
    var item = el(tag, 'sg-result');
    item.setAttribute('data-search-result', r.href);
    item.setAttribute('role', 'option');
    var a = el('a', 'sg-result-link');
    a.href = r.href;
    a.appendChild(highlighted(el('span', 'sg-result-title'), r.title, r.titleRanges, 0));
    if (r.snippet.heading) a.appendChild(el('span', 'sg-result-section', ' › ' + r.snippet.heading));
    item.appendChild(a);
    var p = el('p', 'sg-result-snippet');
    if (r.snippet.before) p.appendChild(document.createTextNode('…'));
    highlighted(p, r.snippet.text, r.snippet.ranges, r.snippet.offset);
    if (r.snippet.after) p.appendChild(document.createTextNode('…'));
    item.appendChild(p);
    return item;
  }

  /* Arrow keys move a highlighted item in a list; Enter opens it. */
  function keyboard(input, list, onEscape) {
    input.addEventListener('keydown', function (ev) {
      var items = Array.prototype.slice.call(list.querySelectorAll('[data-search-result]'));
      var current = items.findIndex(function (x) { return x.classList.contains('sg-active'); });
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        if (items.length === 0) return;
        ev.preventDefault();
        var next = ev.key === 'ArrowDown' ? Math.min(items.length - 1, current + 1) : Math.max(-1, current - 1);
        items.forEach(function (x, i) { x.classList.toggle('sg-active', i === next); x.setAttribute('aria-selected', String(i === next)); });
        if (next >= 0) {
          items[next].scrollIntoView({ block: 'nearest' });
          input.setAttribute('aria-activedescendant', items[next].id = items[next].id || 'sg-r' + next);
        }
      } else if (ev.key === 'Enter' && current >= 0) {
        ev.preventDefault();
        location.href = items[current].getAttribute('data-search-result');
      } else if (ev.key === 'Escape' && onEscape) {
        onEscape();
      }
    });
  }

  function searchPageUrl(q) {
    return root + 'search/' + (fromDisk ? 'index.html' : '') + '?q=' + encodeURIComponent(q);
  }

  function failure(container, error) {
    container.replaceChildren(el('p', 'sg-search-status', '搜索索引加载失败（' + error.message + '）。'));
  }

  function setupDropdown(form) {
    var input = form.querySelector('input[name="q"]');
    var dropdown = form.querySelector('[data-search-dropdown]');
    if (!input || !dropdown) return;
    var seq = 0, timer = 0;
    function close() { dropdown.hidden = true; input.setAttribute('aria-expanded', 'false'); }
    function run() {
      var q = input.value, mine = ++seq;
      if (q.trim() === '') { close(); return; }
      query(q, 8, 0).then(function (res) {
        if (mine !== seq) return;
        var list = el('ul', 'sg-results');
        res.results.forEach(function (r) { list.appendChild(renderResult(r, 'li')); });
        var all = el('a', 'sg-search-all', res.total === 0 ? '没有找到“' + q + '”' : '查看全部 ' + res.total + ' 个结果');
        all.href = searchPageUrl(q);
        dropdown.replaceChildren(list, all);
        dropdown.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }, function (err) { if (mine === seq) { failure(dropdown, err); dropdown.hidden = false; } });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    input.addEventListener('focus', function () { if (input.value.trim() && dropdown.childNodes.length) dropdown.hidden = false; });
    document.addEventListener('click', function (ev) { if (!form.contains(ev.target)) close(); });
    keyboard(input, dropdown, function () { close(); input.blur(); });
    form.addEventListener('submit', function (ev) {
      // Directory URLs do not resolve to index.html on disk, so the plain GET form needs help there.
      if (fromDisk) { ev.preventDefault(); location.href = searchPageUrl(input.value); }
    });
  }

  function setupPage(container) {
    var form = document.querySelector('[data-search-page-form]');
    var input = form && form.querySelector('input[name="q"]');
    var status = el('p', 'sg-search-status');
    var list = el('ol', 'sg-results sg-results-page');
    var more = el('button', 'sg-search-more', '显示更多');
    more.type = 'button';
    more.hidden = true;
    container.replaceChildren(status, list, more);
    var current = '', shown = 0, seq = 0;
    function show(q, append) {
      var mine = ++seq;
      if (!append) { current = q; shown = 0; list.replaceChildren(); }
      if (q.trim() === '') {
        status.textContent = '输入关键词开始搜索。';
        more.hidden = true;
        container.setAttribute('data-search-done', q);
        return;
      }
      status.textContent = '搜索中…';
      query(q, 10, shown).then(function (res) {
        if (mine !== seq) return;
        res.results.forEach(function (r) { list.appendChild(renderResult(r, 'li')); });
        shown += res.results.length;
        status.textContent = res.total === 0 ? '没有找到与“' + q + '”相关的文章。' : '找到 ' + res.total + ' 篇相关文章。';
        more.hidden = shown >= res.total;
        container.setAttribute('data-search-done', q);
      }, function (err) { if (mine === seq) failure(container, err); });
    }
    more.addEventListener('click', function () { show(current, true); });
    var q = new URLSearchParams(location.search).get('q') || '';
    if (input) {
      input.value = q;
      keyboard(input, list, null);
      var timer = 0;
      function update() {
        var url = new URL(location.href);
        url.searchParams.set('q', input.value);
        history.replaceState(null, '', url.href);
        show(input.value, false);
      }
      form.addEventListener('submit', function (ev) { ev.preventDefault(); clearTimeout(timer); update(); });
      input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(update, 120); });
    }
    show(q, false);
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-sitegen-search]'), setupDropdown);
    var page = document.querySelector('[data-search-page]');
    if (page) setupPage(page);
    document.addEventListener('keydown', function (ev) {
      if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target)) return;
      var box = document.querySelector('[data-search-page-form] input[name="q"]') ||
        document.querySelector('form[data-sitegen-search] input[name="q"]');
      if (box) { ev.preventDefault(); box.focus(); box.select(); }
    });
  }

  window.SiteGenSearch = {
    tokenize: tokenize, stem: stem, parseQuery: parseQuery, rank: rank, query: query, shardOf: shardOf,
    clearDecoded: function () { decoded.clear(); }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
