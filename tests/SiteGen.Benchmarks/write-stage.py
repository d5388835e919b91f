#!/usr/bin/env python3
"""Interleaved `sitegen build` runs of several SiteGen binaries, each on its own copy of a site (seeds/,
content/, sitegen.yml if any); prints the median `templates` and `write` stages of the build reports.
The first build of each copy (import, cold formulas) is not counted; REUSE=1 keeps copies from a previous run.
Usage: write-stage.py SITE_SRC RUNS name=DLL:TEMPLATES_DIR ...   (TEMPLATES_DIR '-' for none)"""
import json, os, shutil, statistics, subprocess, sys
src, runs = sys.argv[1], int(sys.argv[2])
work = os.path.join(os.environ.get("TMPDIR", "/tmp"), "sitegen-write-stage", os.path.basename(os.path.abspath(src)))
res = {}
for c in sys.argv[3:]:
    name, rest = c.split("=", 1)
    dll, templates = rest.split(":", 1)
    d = os.path.join(work, name)
    if os.environ.get("REUSE") and os.path.isdir(os.path.join(d, "site")):
        res[name] = (dll, templates, d, {"templates": [], "write": [], "sum": []})
        continue
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for x in ("seeds", "content"):
        if os.path.isdir(os.path.join(src, x)):
            shutil.copytree(os.path.join(src, x), os.path.join(d, x))
    if os.path.exists(os.path.join(src, "sitegen.yml")):
        shutil.copy(os.path.join(src, "sitegen.yml"), d)
    res[name] = (dll, templates, d, {"templates": [], "write": [], "sum": []})
for i in range(runs + 1):
    for name, (dll, templates, d, m) in res.items():
        cmd = ["dotnet", dll, "build", "--out", os.path.join(d, "site"), "--report", os.path.join(d, "r.json")]
        if templates != "-":
            cmd += ["--templates", templates]
        p = subprocess.run(cmd, cwd=d, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(p.stdout[-3000:] + p.stderr[-3000:])
        r = json.load(open(os.path.join(d, "r.json")))
        st = r["stages"]
        if i > 0:  # the first run imports and fills the formula cache
            m["templates"].append(st["templates"]); m["write"].append(st["write"]); m["sum"].append(sum(st.values()))
        else:
            print(f"{name}: first run stages {st}, pages {r['pages']}", flush=True)
for name, (_, _, _, m) in res.items():
    print(f"{name}: " + "; ".join(f"{k} median {statistics.median(v)} (min {min(v)}, max {max(v)})" for k, v in m.items()))
    print(f"  write runs: {m['write']}")
