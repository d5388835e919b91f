#!/usr/bin/env python3
"""Side-by-side (A/B) whole builds of one site with several SiteGen commands or runtime settings.

  python3 tests/SiteGen.Benchmarks/ab_build.py --site seeds --reps 5 \
      --config "base=dotnet /tmp/a/SiteGen.dll" \
      --config "server-gc=dotnet /tmp/a/SiteGen.dll::DOTNET_gcServer=1,DOTNET_GCDynamicAdaptationMode=0"

--site is `seeds` (this repository's seeds/, sitegen.yml and templates/) or a folder of feeds (e.g. made by
../shared/bench/gen_corpus.py; built with the default configuration and this repository's templates, as
compare.py does). Each repetition runs every configuration once, in rotating order, each a fresh process:
a cold build (empty work folder and HOME: no formula cache), then, with --warm, a no-change rebuild.
Prints, per configuration, the median wall time, CPU time (user + system), peak RSS and stage times (from
--report), and the median
of the per-repetition ratios to the first configuration (ratios of runs made side by side, so a noisy
machine affects both sides alike).
"""
import argparse, json, os, shlex, shutil, statistics, subprocess, sys, tempfile, time

repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ap = argparse.ArgumentParser()
ap.add_argument("--site", required=True, help="'seeds' or a folder of feeds")
ap.add_argument("--config", action="append", required=True, help="name=command[::VAR=value,VAR=value]")
ap.add_argument("--reps", type=int, default=5)
ap.add_argument("--warm", action="store_true", help="also time a no-change rebuild after each cold build")
ap.add_argument("--stages", default="import,render,write,search,check", help="stages to print")
ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "sitegen-ab"))
a = ap.parse_args()

configs = []
for spec in a.config:
    name, rest = spec.split("=", 1)
    command, _, env = rest.partition("::")
    configs.append((name, shlex.split(command), dict(kv.split("=", 1) for kv in env.split(",") if kv)))


def prepare(run):
    shutil.rmtree(run, ignore_errors=True)
    os.makedirs(os.path.join(run, "home"))
    if a.site == "seeds":
        shutil.copytree(os.path.join(repo, "seeds"), os.path.join(run, "seeds"))
        shutil.copy(os.path.join(repo, "sitegen.yml"), run)
        return ["build"]
    shutil.copytree(a.site, os.path.join(run, "seeds"))
    return ["build", "--templates", os.path.join(repo, "templates")]


def build(name, command, env, run, args, label):
    full_env = dict(os.environ, HOME=os.path.join(run, "home"), XDG_CACHE_HOME=os.path.join(run, "home", ".cache"), **env)
    if a.site == "seeds":
        args = args + ["--templates", os.path.join(repo, "templates")]
    report = os.path.join(run, f"report-{label}.json")
    started = time.time()
    p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *command, *args, "--report", report], cwd=run, env=full_env, capture_output=True, text=True)
    wall = time.time() - started
    if p.returncode != 0:
        sys.exit(f"{name} failed ({p.returncode}):\n{(p.stdout + p.stderr)[-3000:]}")
    data = json.load(open(report, encoding="utf-8"))
    rss, user, system = p.stderr.strip().splitlines()[-1].split()
    return {"wall": wall, "rss": int(rss) / 1024, "cpu": float(user) + float(system), "pages": data.get("pages"),
            "articles": data.get("articles"), "formulas": data.get("formulas"), **{f"stage:{k}": v / 1000 for k, v in data["stages"].items()}}


results = {(name, label): [] for name, _, _ in configs for label in ("cold", "warm")}
for rep in range(a.reps):
    order = configs[rep % len(configs):] + configs[:rep % len(configs)]
    for name, command, env in order:
        run = os.path.join(a.work, name)
        args = prepare(run)
        results[(name, "cold")].append(build(name, command, env, run, args, "cold"))
        if a.warm:
            results[(name, "warm")].append(build(name, command, env, run, args, "warm"))
    print(f"rep {rep + 1}/{a.reps} done", file=sys.stderr, flush=True)

stages = a.stages.split(",")
first = configs[0][0]
for label in ("cold", "warm") if a.warm else ("cold",):
    print(f"\n{label} builds, {a.reps} repetitions, medians (ratio = median of same-repetition ratios to {first}):")
    print(f"{'config':16} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'RSS MB':>7} " + " ".join(f"{s:>8}" for s in stages) + f" {'render ratio':>12}  pages/articles/formulas")
    for name, _, _ in configs:
        runs = results[(name, label)]
        base = results[(first, label)]
        med = lambda key: statistics.median(r.get(key, 0) for r in runs)
        ratio = statistics.median(r["wall"] / b["wall"] for r, b in zip(runs, base))
        render_ratio = statistics.median(r.get("stage:render", 0) / max(b.get("stage:render", 0), 1e-9) for r, b in zip(runs, base))
        print(f"{name:16} {med('wall'):7.2f} {ratio:6.2f} {med('cpu'):7.1f} {med('rss'):7.0f} " + " ".join(f"{med('stage:' + s):8.2f}" for s in stages)
              + f" {render_ratio:12.2f}  {runs[0]['pages']}/{runs[0]['articles']}/{runs[0]['formulas']}")
