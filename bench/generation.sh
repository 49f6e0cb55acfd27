#!/usr/bin/env bash
# Procedural generation: per-asset time and peak memory over the 160 public prompts on ONE core, with matched vs
# fallback counts, against the issue's goals (median <= 0.5 s, p95 <= 1 s, peak RSS <= 500 MB). There is no external
# peer for a procedural generator: ratios are against those goals. Also writes the public contact sheet to
# docs/generation/contact-sheet.png. BenchmarkDotNet (short job) then times three representative prompts.
#   bash bench/generation.sh            # survey + BenchmarkDotNet
#   SKIP_BDN=1 bash bench/generation.sh # survey only
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
prompts="${PROMPTS:-$root/../shared/prompts/public.txt}"
out="$(mktemp -d)"
echo "building the CLI (Release) ..." >&2
dotnet build -c Release src/Neuron3D.Cli -v quiet >/dev/null
cli="$root/src/Neuron3D.Cli/bin/Release/net10.0/neuron3d"
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
echo "survey: ${pin[*]:-unpinned} neuron3d generate batch $prompts ..." >&2
DOTNET_GCHeapCount=1 DOTNET_gcServer=0 /usr/bin/time -f '%M' -o "$out/rss" "${pin[@]}" "$cli" generate batch "$prompts" -o "$out/assets" >/dev/null
cp "$out/assets/contact-sheet.png" docs/generation/contact-sheet.png
node - "$out/assets/report.json" "$(cat "$out/rss")" <<'JS'
const fs = require('fs');
const [report, rssKb] = [JSON.parse(fs.readFileSync(process.argv[2], 'utf8')), Number(process.argv[3])];
const ms = report.assets.map((a) => a.partsMilliseconds + a.meshMilliseconds + a.splatsMilliseconds).sort((a, b) => a - b);
const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
const row = (name, value, goal, unit) => console.log(`${name.padEnd(22)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(3)} goal ${String(goal).padStart(6)} ${unit.padEnd(3)} ratio ${(value / goal).toFixed(2)}${value <= goal ? '  ok' : '  OVER'}`);
console.log(`prompts ${report.prompts}: matched ${report.matched}, fallback ${report.fallback}`);
row('median time/asset', q(0.5), 500, 'ms');
row('p95 time/asset', q(0.95), 1000, 'ms');
row('max time/asset', ms[ms.length - 1], 1000, 'ms');
row('peak RSS (whole batch)', rssKb / 1024, 500, 'MB');
const tri = report.assets.map((a) => a.triangles), spl = report.assets.map((a) => a.splats);
console.log(`triangles ${Math.min(...tri)}..${Math.max(...tri)}, splats ${Math.min(...spl)}..${Math.max(...spl)}`);
JS
if [[ -z "${SKIP_BDN:-}" ]]; then
  echo "running BenchmarkDotNet (short job) ..." >&2
  dotnet run -c Release --project bench/Neuron3D.Bench -- --filter '*GenerationBenchmarks*' --job short --inProcess \
    --artifacts "$out/bdn" 2>&1 | grep -E '^\|' || true
fi
rm -rf "$out"
