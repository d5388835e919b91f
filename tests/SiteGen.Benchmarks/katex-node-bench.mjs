// Node reference for the KaTeX benchmark: the same distinct formulas, the same pinned katex.
//   node tests/SiteGen.Benchmarks/katex-node-bench.mjs
// Node renders on one thread; formulas/s is per core.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const katex = createRequire(join(repo, "src/SiteGen/Math/katex/package.json"))("katex");
const seen = new Set();
const formulas = [];
for (const name of ["katex-ss_data.golden.json", "seeds.golden.json"]) {
  const golden = JSON.parse(readFileSync(join(repo, "tests/SiteGen.Tests/TestFiles/Math", name), "utf8"));
  for (const c of golden.cases) {
    const key = `${c.display}\u0000${c.tex}`;
    if (Object.keys(c.macros).length === 0 && !seen.has(key)) {
      seen.add(key);
      formulas.push(c);
    }
  }
}

console.warn = () => {};
for (let pass = 1; pass <= 5; pass++) {
  const start = process.hrtime.bigint();
  for (const f of formulas) {
    katex.renderToString(f.tex, { displayMode: f.display, throwOnError: false });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`node pass ${pass}: ${formulas.length} distinct formulas in ${(seconds * 1000).toFixed(0)} ms = ${(formulas.length / seconds).toFixed(0)} formulas/s`);
}
