/* SiteGen search. Loads the index written by BuildSearchIndex (src/SiteGen/Search) through
   <script> tags, never fetch, so it works from file:// and under any base path. The tokenizer
   below is a line-by-line port of SearchTokenizer.cs; tests/SiteGen.Tests/TestFiles/Search/tokens.json
   keeps the two identical. The words it shows come from the page (data-word-* attributes written by
   the theme's templates from its word tables), so this file holds no language. */
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
  /* Traditional → simplified, one code point onto one (ChineseFold.cs); filled from search/q.js. */
  var foldMap = new Map();

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
    else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith('ias')) w = w.slice(0, -1);
    if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (w.endsWith('ing') && w.length - 3 >= 3) w = undouble(w.slice(0, -3));
    else if (w.endsWith('ed') && w.length - 2 >= 3 && !notInflected(w)) w = undouble(w.slice(0, -2));
    if (w.endsWith('e') && w.length - 1 >= 3) w = w.slice(0, -1);
    return w;
  }

  function notInflected(w) { return w.endsWith('eed') || w === 'embed' || w === 'imbed'; }

  function undouble(s) {
    var n = s.length;
    return n >= 4 && s[n - 1] === s[n - 2] && 'bdfgmnprt'.indexOf(s[n - 1]) >= 0 ? s.slice(0, -1) : s;
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
      if (isCjk(cp)) { flushWord(); cjk.push([foldMap.get(cp) || cp, start, end]); return; }
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
  var PREFIX = 3, FORMAT = 2;
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
      // meta.js (100 bytes, never cached) names the build, so files of two builds never mix.
      script.src = root + 'search/' + (kind === 'm' ? 'meta.js?t=' + Date.now()
        : (kind === 'q' ? 'q' : kind + '/' + id) + '.js?v=' + build);
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

  var synonyms = [];
  var readyPromise = null;

  /* meta.js, then q.js: the fold table (so the tokenizer folds as the index did) and the synonyms. */
  function ready() {
    if (readyPromise) return readyPromise;
    readyPromise = load('m', 0).then(function (meta) {
      if (meta.v !== FORMAT) throw new Error('index format ' + meta.v + ', expected ' + FORMAT);
      return load('q', 0).then(function (q) {
        if (foldMap.size === 0) {
          var cps = Array.from(q.f, function (c) { return c.codePointAt(0); });
          for (var i = 0; i + 1 < cps.length; i += 2) foldMap.set(cps[i], cps[i + 1]);
        }
        synonyms = Object.keys(q.s || {}).map(function (key) {
          return { key: units(tokenize(key, 0).tokens), values: q.s[key].map(function (v) { return units(tokenize(v, 0).tokens); }) };
        }).filter(function (x) { return x.key.length > 0; });
        return meta;
      });
    });
    readyPromise.catch(function () { readyPromise = null; });
    return readyPromise;
  }

  function shardKey(term) {
    return isCjk(term.codePointAt(0)) || term.length <= PREFIX ? term : term.slice(0, PREFIX);
  }

  function fnv(key) {
    var h = 2166136261;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
    return h;
  }

  function shardOf(term, count) { return fnv(shardKey(term)) % count; }

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

  /* ---------- typo tolerance (mirror of TypoKeys.cs) ---------- */

  var TYPO_PREFIX = 5, ONE_EDIT = 5, TWO_EDITS = 9, MAX_TYPO = 4;

  /* By the stem's length and the length the word was typed with ("modle" has five letters, its stem "modl" four). */
  function queryEdits(stem, typed) { return stem >= TWO_EDITS ? 2 : typed >= ONE_EDIT && stem >= ONE_EDIT - 1 ? 1 : 0; }

  function isLatinWord(term) {
    if (term.length === 0 || term.length > MAX_WORD) return false;
    for (var i = 0; i < term.length; i++) {
      var c = term.charCodeAt(i);
      if (!((c >= 97 && c <= 122) || (c >= 0xDF && c <= 0x24F && c !== 0xF7))) return false;
    }
    return true;
  }

  /* Every string made by deleting up to n characters of the word's first five. */
  function typoKeys(word, n) {
    var prefix = word.slice(0, TYPO_PREFIX), keys = {}, frontier = [prefix];
    keys[prefix] = true;
    for (var d = 0; d < n; d++) {
      var next = [];
      frontier.forEach(function (s) {
        for (var i = 0; i < s.length; i++) {
          var shorter = s.slice(0, i) + s.slice(i + 1);
          if (shorter.length > 0 && !keys[shorter]) { keys[shorter] = true; next.push(shorter); }
        }
      });
      frontier = next;
    }
    return Object.keys(keys).sort();
  }

  /* Optimal string alignment distance, or max + 1 once it must exceed max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = [], prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return Math.min(prev[b.length], max + 1);
  }

  /* A word still being typed may also be a misspelt beginning of a longer term. */
  function prefixDistance(q, term, max) {
    var best = distance(q, term, max);
    for (var n = Math.max(1, q.length - max); n <= Math.min(term.length - 1, q.length + max); n++) {
      best = Math.min(best, distance(q, term.slice(0, n), max));
    }
    return best;
  }

  /* ---------- query and ranking ---------- */

  var MAX_IMPACT = 15, TITLE_BONUS = 1.5, PREFIX_WEIGHT = 0.8, MAX_EXPANSIONS = 30, SYNONYM_WEIGHT = 0.9;
  var TYPO_WEIGHT = [1, 0.6, 0.4];

  /* The words of a token list: a Latin word, a TeX command (without its bare twin) or a run of CJK
     characters (folded, as chars). */
  function units(tokens) {
    var out = [], texAt = {}, bigramAt = {};
    tokens.forEach(function (t) {
      if (t.k === TEX) texAt[t.p] = true;
      if (t.k === BIGRAM) bigramAt[t.p] = true;
    });
    tokens.forEach(function (t) {
      var last = out[out.length - 1];
      if (t.k === TEX) out.push({ kind: TEX, id: t.t, pos: t.p, end: t.e });
      else if (t.k === WORD) { if (!texAt[t.p]) out.push({ kind: WORD, id: t.t, pos: t.p, end: t.e, typed: t.e - t.s }); }
      else if (t.k === UNIGRAM) {
        if (last && last.kind === UNIGRAM && bigramAt[t.p - 1]) { last.chars.push(t.t); last.id += t.t; last.end = t.e; }
        else out.push({ kind: UNIGRAM, chars: [t.t], id: t.t, pos: t.p, end: t.e });
      }
    });
    return out;
  }

  /* The terms a word is searched by: CJK runs of two or more characters by their bigrams (so any
     substring of two or more characters finds the word), one character by itself. */
  function unitTerms(u) {
    if (u.kind !== UNIGRAM) return [{ term: u.id, pos: u.pos, kind: u.kind, typed: u.typed }];
    if (u.chars.length === 1) return [{ term: u.chars[0], pos: u.pos, kind: UNIGRAM }];
    var out = [];
    for (var i = 0; i + 1 < u.chars.length; i++) out.push({ term: u.chars[i] + u.chars[i + 1], pos: u.pos + i, kind: BIGRAM });
    return out;
  }

  /* A CJK run containing a synonym key is split around it, so the key can be a word of its own. */
  function splitForSynonyms(list) {
    var cjkKeys = synonyms.filter(function (s) { return s.key.length === 1 && s.key[0].kind === UNIGRAM; })
      .map(function (s) { return s.key[0].id; }).sort(function (x, y) { return y.length - x.length; });
    var out = [];
    list.forEach(function (u) {
      if (u.kind !== UNIGRAM) { out.push(u); return; }
      var key = cjkKeys.find(function (k) { return u.id !== k && u.id.indexOf(k) >= 0; });
      if (!key) { out.push(u); return; }
      var at = Array.from(u.id.slice(0, u.id.indexOf(key))).length, n = Array.from(key).length;
      [[0, at], [at, at + n], [at + n, u.chars.length]].forEach(function (r) {
        if (r[1] > r[0]) {
          var chars = u.chars.slice(r[0], r[1]);
          out.push({ kind: UNIGRAM, chars: chars, id: chars.join(''), pos: u.pos + r[0], end: u.end, split: true });
        }
      });
    });
    return out.length === list.length ? out : splitForSynonyms(out);
  }

  /* A query is a list of groups, one per word (or per synonym key spanning several words); a group has
     alternatives (the words themselves, then their synonyms), each a list of slots that must all match.
     A slot is one query term; it matches its own index term, and also, when that finds nothing,
     completions of a word being typed or (later, in rank) terms a typo or two away. */
  function parseQuery(query) {
    var list = splitForSynonyms(units(tokenize(query, 0).tokens));
    var groups = [], seen = {};
    for (var i = 0; i < list.length; i++) {
      var span = 1, alts = [];
      synonyms.forEach(function (s) {
        var k = s.key;
        if (k.length === 0 || i + k.length > list.length) return;
        for (var j = 0; j < k.length; j++) if (k[j].id !== list[i + j].id) return;
        if (k.length < span) return;
        if (k.length > span) { span = k.length; alts = []; }
        s.values.forEach(function (v) {
          var slots = [];
          v.forEach(function (u) { slots = slots.concat(unitTerms(u)); });
          if (slots.length > 0) alts.push({ slots: slots, weight: SYNONYM_WEIGHT, synonym: true });
        });
      });
      var own = [];
      list.slice(i, i + span).forEach(function (u) { own = own.concat(unitTerms(u)); });
      var id = own.map(function (t) { return t.term; }).join(' ');
      i += span - 1;
      if (seen[id]) continue;
      seen[id] = true;
      groups.push({ alts: [{ slots: own, weight: 1, synonym: false }].concat(alts), end: list[i].end });
    }
    var lastGroup = groups[groups.length - 1];
    if (lastGroup) {
      var slots = lastGroup.alts[0].slots, last = slots[slots.length - 1];
      if (last.kind === WORD && last.term.length >= PREFIX && lastGroup.end === query.length &&
          /^[\p{L}\p{Nd}]+$/u.test(last.term)) {
        last.prefix = true;
      }
    }
    var all = [];
    groups.forEach(function (g, gi) {
      g.alts.forEach(function (alt) { alt.slots.forEach(function (slot) { slot.group = gi; all.push(slot); }); });
    });
    return { groups: groups, slots: all };
  }

  function idf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  function loadShards(meta, terms) {
    var ids = [];
    terms.forEach(function (t) { var s = shardOf(t, meta.s); if (ids.indexOf(s) < 0) ids.push(s); });
    return Promise.all(ids.map(function (id) { return load('t', id); })).then(function (shards) {
      var byId = {};
      ids.forEach(function (id, k) { byId[id] = shards[k]; });
      return function (term) {
        var shard = byId[shardOf(term, meta.s)];
        return shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : undefined;
      };
    });
  }

  /* Exact term, then completions of a word being typed (most documents first). */
  function candidates(slot, meta, lookup) {
    var out = [];
    if (lookup(slot.term) !== undefined) out.push({ term: slot.term, weight: 1 });
    if (slot.prefix) {
      var shard = files['t' + shardOf(slot.term, meta.s)].data;
      var more = Object.keys(shard).filter(function (k) { return k !== slot.term && k.startsWith(slot.term); });
      more.sort(function (x, y) { return shard[y].length - shard[x].length || (x < y ? -1 : 1); });
      more.slice(0, MAX_EXPANSIONS).forEach(function (k) { out.push({ term: k, weight: PREFIX_WEIGHT }); });
    }
    return out;
  }

  /* Terms within one or two edits of a slot that matched nothing: its deletion keys name a few typo
     files; the closest candidates (then those in the most documents) are kept, at most MAX_TYPO. */
  function typoCandidates(slot, meta) {
    var edits = queryEdits(slot.term.length, slot.typed || 0);
    if (edits === 0 || slot.kind !== WORD || !isLatinWord(slot.term) || !meta.y) return Promise.resolve([]);
    var keys = typoKeys(slot.term, edits), ids = [];
    keys.forEach(function (k) { var id = fnv(k) % meta.y; if (ids.indexOf(id) < 0) ids.push(id); });
    return Promise.all(ids.map(function (id) { return load('y', id); })).then(function () {
      var found = {};
      keys.forEach(function (k) {
        var data = files['y' + (fnv(k) % meta.y)].data;
        if (!Object.prototype.hasOwnProperty.call(data, k)) return;
        data[k].split(' ').forEach(function (term, rank) {
          if (term === slot.term || (found[term] && found[term].rank <= rank)) return;
          var d = slot.prefix ? prefixDistance(slot.term, term, edits) : distance(slot.term, term, edits);
          if (d <= edits) found[term] = { term: term, d: d, rank: rank };
        });
      });
      var list = Object.keys(found).map(function (t) { return found[t]; });
      list.sort(function (x, y) { return x.d - y.d || x.rank - y.rank || (x.term < y.term ? -1 : 1); });
      return list.slice(0, MAX_TYPO).map(function (c) {
        return { term: c.term, weight: TYPO_WEIGHT[c.d] * (slot.prefix && c.term.length > slot.term.length + c.d ? PREFIX_WEIGHT : 1), typo: true };
      });
    });
  }

  /* Ranks documents; resolves to {query, hits: [{doc, score, positions}]} best first. A document with
     every group (word) of the query comes before one without; among those, the score counts each group
     once (the mean of its terms, so a long Chinese word weighs as much as an English word), title
     matches, and query words found next to each other. */
  function rank(text) {
    return ready().then(function (meta) {
      var q = parseQuery(text);
      if (q.slots.length === 0) return { query: q, hits: [] };
      var terms = q.slots.map(function (s) { return s.term; });
      return loadShards(meta, terms).then(function (lookup) {
        q.slots.forEach(function (slot) { slot.cands = candidates(slot, meta, lookup); });
        var lost = q.slots.filter(function (slot) { return slot.cands.length === 0; });
        return Promise.all(lost.map(function (slot) { return typoCandidates(slot, meta); })).then(function (found) {
          var more = [];
          lost.forEach(function (slot, k) { slot.cands = found[k]; found[k].forEach(function (c) { more.push(c.term); }); });
          return more.length === 0 ? lookup : loadShards(meta, terms.concat(more));
        }).then(function (lookup2) { return { query: q, hits: score(q, meta, lookup2) }; });
      });
    });
  }

  function score(q, meta, lookup) {
    var byDoc = new Map(), n = q.slots.length;
    for (var si = 0; si < n; si++) {
      var slot = q.slots[si];
      slot.idf = 0;
      slot.matches = {};
      for (var c = 0; c < slot.cands.length; c++) {
        var cand = slot.cands[c], text = lookup(cand.term);
        if (text === undefined) continue;
        slot.matches[cand.term] = true;
        var list = postings(cand.term, text);
        var weight = idf(list.docs.length, meta.n) * cand.weight;
        slot.idf = Math.max(slot.idf, weight);
        for (var d = 0; d < list.docs.length; d++) {
          var f = list.flags[d];
          var sc = weight * ((f >> 1) / MAX_IMPACT + (f & 1 ? TITLE_BONUS : 0));
          var entry = byDoc.get(list.docs[d]);
          if (!entry) {
            entry = { doc: list.docs[d], scores: new Float64Array(n).fill(-1), positions: new Array(n).fill(null) };
            byDoc.set(list.docs[d], entry);
          }
          if (entry.scores[si] < sc) { entry.scores[si] = sc; entry.positions[si] = list.positions[d]; }
        }
      }
    }
    // Each group's alternatives as slot ranges: [first slot, slot count, weight].
    var layout = [], at = 0;
    q.groups.forEach(function (g) {
      layout.push(g.alts.map(function (alt) { var r = [at, alt.slots.length, alt.weight]; at += alt.slots.length; return r; }));
    });
    function fullGroups(e) {
      var full = 0;
      for (var g = 0; g < layout.length; g++) {
        for (var k = 0; k < layout[g].length; k++) {
          var r = layout[g][k], all = true;
          for (var x = r[0]; x < r[0] + r[1] && all; x++) all = e.scores[x] >= 0;
          if (all) { full++; break; }
        }
      }
      return full;
    }
    var entries = [], complete = [];
    byDoc.forEach(function (e) { entries.push(e); if (fullGroups(e) === layout.length) complete.push(e); });
    // Only pages with every word are ranked; when there is none, the best partial matches instead.
    var pool = complete.length > 0 ? complete : entries;
    var hits = pool.map(function (e) {
      var full = 0, coverage = 0, total = 0;
      for (var g = 0; g < layout.length; g++) {
        var bestCover = -1, bestScore = 0;
        for (var k = 0; k < layout[g].length; k++) {
          var r = layout[g][k], matched = 0, sum = 0;
          for (var x = r[0]; x < r[0] + r[1]; x++) if (e.scores[x] >= 0) { matched++; sum += e.scores[x]; }
          var cover = matched / r[1];
          if (cover < bestCover || (matched === 0 && bestCover >= 0)) continue;
          var value = r[2] * (sum / r[1] + phrase(q.slots, r[0], r[1], e));
          if (cover > bestCover || value > bestScore) { bestCover = cover; bestScore = value; }
        }
        if (bestCover === 1) full++;
        coverage += bestCover;
        total += bestScore;
      }
      return { doc: e.doc, score: total + between(q, layout, e), full: full, coverage: coverage, positions: e.positions };
    });
    /* Ties go to the higher id: documents are numbered oldest first (date, feed, line in the feed), so the newest wins. */
    hits.sort(function (x, y) { return y.full - x.full || y.coverage - x.coverage || y.score - x.score || y.doc - x.doc; });
    return hits;
  }

  /* 0.75 × idf when two slots sit where the query has them, 0.25 × within 4 positions. */
  function pair(a, b, pa, pb) {
    if (!pa || !pb || pa.length === 0 || pb.length === 0) return 0;
    var want = b.pos - a.pos, best = Infinity;
    for (var x = 0; x < pa.length; x++) {
      for (var y = 0; y < pb.length; y++) best = Math.min(best, Math.abs(pb[y] - pa[x] - want));
    }
    var weight = Math.min(a.idf, b.idf);
    return best === 0 ? 0.75 * weight : best <= 4 ? 0.25 * weight : 0;
  }

  /* Within one alternative (the bigrams of a Chinese word): the mean pair bonus, so a long word is not favoured. */
  function phrase(slots, first, count, e) {
    if (count < 2) return 0;
    var sum = 0;
    for (var k = first; k + 1 < first + count; k++) sum += pair(slots[k], slots[k + 1], e.positions[k], e.positions[k + 1]);
    return sum / (count - 1);
  }

  /* Between consecutive words of the query, by their own (non-synonym) slots. */
  function between(q, layout, e) {
    var bonus = 0;
    for (var g = 0; g + 1 < layout.length; g++) {
      var a = layout[g][0][0] + layout[g][0][1] - 1, b = layout[g + 1][0][0];
      bonus += pair(q.slots[a], q.slots[b], e.positions[a], e.positions[b]);
    }
    return bonus;
  }

  /* ---------- results: snippet, section anchor, link ---------- */

  /* The query word (group) a token of the page matches, or -1: its own term, a completion, a typo
     candidate or a synonym's term, as ranking found them. */
  function termMatches(q, token) {
    for (var i = 0; i < q.slots.length; i++) {
      var slot = q.slots[i];
      if ((slot.matches && slot.matches[token.t] === true) ||
          (slot.prefix && token.k === WORD && token.t.startsWith(slot.term))) return slot.group;
    }
    return -1;
  }

  var SNIPPET = 110;

  function makeSnippet(fragment, q, positions) {
    var text = fragment.x, hits = [];
    tokenize(text, 0).tokens.forEach(function (t) {
      var qi = termMatches(q, t);
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
            var f = fragments[i], snip = makeSnippet(f, ranked.query, h.positions);
            return {
              doc: h.doc, score: h.score, url: f.u, title: f.t, snippet: snip,
              href: link(f.u, snip.anchor), titleRanges: titleRanges(f.t, ranked.query)
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

  function titleRanges(title, q) {
    var ranges = [];
    tokenize(title, 0).tokens.forEach(function (t) {
      if (termMatches(q, t) < 0) return;
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

  /* A word of the theme's table, written by the template as data-word-NAME with {0} holes; without
     it (an old template), just the filled-in value. */
  function word(source, name, arg) {
    var text = source && source.getAttribute('data-word-' + name);
    if (text === null || text === undefined) return arg === undefined ? '' : String(arg);
    return arg === undefined ? text : text.split('{0}').join(String(arg));
  }

  function failure(container, source, error) {
    container.replaceChildren(el('p', 'sg-search-status', word(source, 'failed', error.message)));
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
        var all = el('a', 'sg-search-all', res.total === 0 ? word(form, 'no-match', q) : word(form, 'see-all', res.total));
        all.href = searchPageUrl(q);
        dropdown.replaceChildren(list, all);
        dropdown.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }, function (err) { if (mine === seq) { failure(dropdown, form, err); dropdown.hidden = false; } });
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
    var more = el('button', 'sg-search-more', word(container, 'more'));
    more.type = 'button';
    more.hidden = true;
    container.replaceChildren(status, list, more);
    var current = '', shown = 0, seq = 0;
    function show(q, append) {
      var mine = ++seq;
      if (!append) { current = q; shown = 0; list.replaceChildren(); }
      if (q.trim() === '') {
        status.textContent = word(container, 'prompt');
        more.hidden = true;
        container.setAttribute('data-search-done', q);
        return;
      }
      status.textContent = word(container, 'searching');
      query(q, 10, shown).then(function (res) {
        if (mine !== seq) return;
        res.results.forEach(function (r) { list.appendChild(renderResult(r, 'li')); });
        shown += res.results.length;
        status.textContent = res.total === 0 ? word(container, 'none', q) : word(container, 'found', res.total);
        more.hidden = shown >= res.total;
        container.setAttribute('data-search-done', q);
      }, function (err) { if (mine === seq) failure(container, container, err); });
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
    tokenize: tokenize, stem: stem, parseQuery: parseQuery, rank: rank, query: query, shardOf: shardOf, ready: ready,
    typoKeys: typoKeys, distance: distance, clearDecoded: function () { decoded.clear(); }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
