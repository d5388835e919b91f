// Regenerates the KaTeX conformance goldens from Node (the reference renderer).
//   cd tests/SiteGen.Tests/Math/Goldens && npm ci && node make-goldens.mjs
// Uses the very katex that the SiteGen build embeds (src/SiteGen/Math/katex/node_modules, via `dotnet build`).
// Each case keeps its inputs next to the output, so the C# test can check it read the same strings.
import { createRequire } from "node:module";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../../..");
const require = createRequire(join(repo, "src/SiteGen/Math/katex/package.json"));
const katex = require("katex");
const out = join(repo, "tests/SiteGen.Tests/TestFiles/Math");

function render(tex, display, macros) {
  // Same options SiteGen uses: KaTeX defaults, throwOnError false; a fresh macros object per formula.
  const html = katex.renderToString(tex, { displayMode: display, throwOnError: false, macros: { ...macros } });
  return { tex, display, macros, html };
}

function write(name, cases) {
  const body = { katex: katex.version, cases };
  writeFileSync(join(out, name), JSON.stringify(body, null, 1) + "\n");
  console.log(`${name}: ${cases.length} cases`);
}

const data = yaml.load(readFileSync(join(repo, "../shared/conformance/katex-ss_data.yaml"), "utf8"));
write("katex-ss_data.golden.json", Object.entries(data).map(([name, value]) => {
  const spec = typeof value === "string" ? { tex: value } : value;
  return { name, ...render(String(spec.tex), !!spec.display, spec.macros ?? {}) };
}));

const seeds = [];
for (const file of readdirSync(join(repo, "seeds")).filter(f => f.endsWith(".txt")).sort()) {
  const text = readFileSync(join(repo, "seeds", file), "utf8");
  for (const m of text.matchAll(/\\\((.+?)\\\)|\\\[(.+?)\\\]/gs)) {
    const display = m[2] !== undefined;
    seeds.push({ name: `${file}@${m.index}`, ...render((display ? m[2] : m[1]).trim(), display, {}) });
  }
}
write("seeds.golden.json", seeds);
