#!/usr/bin/env python3
"""Give a tenth of a generated corpus's feed lines to SiteGen as RSS 2.0 (for ../shared/bench/compare.py).

  python3 tests/SiteGen.Benchmarks/rss_tenth.py --feeds DIR        # convert a gen_corpus.py feeds folder once
  python3 ../shared/bench/compare.py --articles 2000 \\
      --sitegen "python3 $PWD/tests/SiteGen.Benchmarks/rss_tenth.py --then dotnet $cli/SiteGen.dll"

(an absolute path: compare.py runs SiteGen from its own work folder).

As a wrapper (--then CMD ...) it converts the --seeds folder of the build command it is given the first time
(when 00000-rss.xml is not there yet) and then exec()s the real command, so the times and the peak memory
compare.py measures are SiteGen's own (the conversion, ~0.1 s, falls into the cold run).

Every tenth line of the feeds (the 10th, 20th, ... in file order) moves out of its text feed into
00000-rss.xml, one <item> each, the way a blog's feed would carry it: the article's heading word
(Transformer123) as <title>, the text as escaped HTML in <description> (a <p> per group of sentences, the
section word in <strong>, display formulas in their own <p>, TeX left as \\( \\) / \\[ \\] text), a <link>,
<guid> and <pubDate>. The file name sorts before 00000.txt, so compare.py's "one new article" still goes to a
text feed. The items' text is the lines' text, so deduplication has to merge them with the text lines that
repeat the same articles.
"""
import argparse, datetime, html, os, re, sys

RSS_NAME = "00000-rss.xml"


def item_html(line):
    parts = re.split(r"(\\\[.+?\\\])", line)
    paragraphs = []
    for part in parts:
        if part.startswith("\\["):
            paragraphs.append(html.escape(part, quote=False))
            continue
        # Break only where the line has "。 ": the reduced text then equals the line modulo whitespace.
        sentences = [s for s in re.split(r"(?<=。) ", part) if s.strip()]
        for k in range(0, len(sentences), 3):
            paragraphs.append(html.escape(" ".join(sentences[k:k + 3]).strip(), quote=False))
    if paragraphs:
        first = paragraphs[0].split(" ", 1)
        paragraphs[0] = f"<strong>{first[0]}</strong>" + (" " + first[1] if len(first) > 1 else "")
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def convert(feeds):
    if os.path.exists(os.path.join(feeds, RSS_NAME)):
        return 0
    names = sorted(n for n in os.listdir(feeds) if n.endswith(".txt"))
    seen, items = 0, []
    for name in names:
        path = os.path.join(feeds, name)
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        kept = []
        for i, line in enumerate(lines):
            if i >= 3 and line.strip():
                seen += 1
                if seen % 10 == 0:
                    items.append(line)
                    continue
            kept.append(line)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(kept))
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>',
           "<title>bench</title><link>https://bench.example.org/</link><description>a tenth of the corpus</description>"]
    for n, line in enumerate(items):
        words = line.split(" ")
        title = words[1] if len(words) > 1 else words[0]
        date = (start + datetime.timedelta(hours=n)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        out.append(f"<item><title>{html.escape(title)}</title><link>https://bench.example.org/posts/{n}</link>"
                   f"<guid>https://bench.example.org/posts/{n}</guid><pubDate>{date}</pubDate>"
                   f"<description>{html.escape(item_html(line))}</description></item>")
    out.append("</channel></rss>\n")
    with open(os.path.join(feeds, RSS_NAME), "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    return len(items)


if "--then" in sys.argv:
    cut = sys.argv.index("--then")
    command = sys.argv[cut + 1:]
    if "--seeds" in command:
        convert(command[command.index("--seeds") + 1])
    os.execvp(command[0], command)

ap = argparse.ArgumentParser()
ap.add_argument("--feeds", required=True, help="a gen_corpus.py --feeds folder")
a = ap.parse_args()
print(f"{convert(a.feeds)} lines moved into {os.path.join(a.feeds, RSS_NAME)}")
