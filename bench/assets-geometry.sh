#!/usr/bin/env bash
# Asset geometry benchmarks: marching cubes voxels/s next to scikit-image measured in the same run (same fields, same
# sizes), and the splat renderer on the robocop SN17 fixture (one 512² view, goal ≤ 0.5 s; the 2×2 grid preview).
#   bash bench/assets-geometry.sh
# scikit-image is the Debian package python3-skimage (apt-get install python3-skimage); without it the published anchors
# (scikit-image ≈ 25 M voxels/s, zmesh 43–149 M voxels/s) are printed instead of a measurement.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NEURON3D_SHARED="${NEURON3D_SHARED:-$root/../shared}"
artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT

dotnet build bench/Neuron3D.Bench -c Release -v q -nologo >/dev/null
dotnet bench/Neuron3D.Bench/bin/Release/net10.0/Neuron3D.Bench.dll \
  --filter '*AssetGeometryBenchmarks*' '*AssetSplatRenderBenchmarks*' --job short --exporters json --artifacts "$artifacts" >"$artifacts/bdn.log" 2>&1 \
  || { tail -40 "$artifacts/bdn.log"; exit 1; }

# The peer: scikit-image's marching_cubes on the same fields (float32, same formulas and extents), best of 3 runs.
python=/usr/bin/python3
peer="$artifacts/skimage.tsv"
if "$python" -c 'import numpy, skimage' 2>/dev/null; then
  "$python" - >"$peer" <<'PY'
import time, numpy as np
from skimage import measure
for n in (128, 256):
    g = np.linspace(-1, 1, n, dtype=np.float32)
    z, y, x = np.meshgrid(g, g, g, indexing="ij")  # x fastest, as the C# grid
    fields = {
        "Gyroid": np.sin(6*x)*np.cos(6*y) + np.sin(6*y)*np.cos(6*z) + np.sin(6*z)*np.cos(6*x),
        "Sphere": 0.8 - np.sqrt(x*x + y*y + z*z),
    }
    for name, f in fields.items():
        f = np.ascontiguousarray(f, dtype=np.float32)
        times = []
        for _ in range(3):
            t = time.perf_counter(); measure.marching_cubes(f, 0.0); times.append(time.perf_counter() - t)
        print(f"{name}\t{n}\t{min(times)}")
PY
fi

"$python" - "$artifacts" "$peer" <<'PY'
import glob, json, os, sys
artifacts, peer = sys.argv[1], sys.argv[2]
rows = []  # (method, parameters, mean seconds)
for path in glob.glob(os.path.join(artifacts, "results", "*.json")):
    with open(path, encoding="utf-8") as f:
        for b in json.load(f)["Benchmarks"]:
            params = dict(p.split("=", 1) for p in b.get("Parameters", "").split("&") if "=" in p)
            rows.append((b["Method"], params, b["Statistics"]["Mean"] * 1e-9))
sk = {}
if os.path.exists(peer) and os.path.getsize(peer) > 0:
    for line in open(peer):
        name, n, t = line.split("\t")
        sk[(name, int(n))] = float(t)
print(f"{'marching cubes':<16}{'N':>5}{'ours ms':>10}{'M voxels/s':>12}{'skimage ms':>12}{'M voxels/s':>12}{'speed-up':>10}")
for method, params, t in sorted(rows, key=lambda r: (r[0], int(r[1].get("N", 0)))):
    if not method.startswith("MarchingCubes"):
        continue
    name, n = method[len("MarchingCubes"):], int(params["N"])
    ours = n**3 / t / 1e6
    if (name, n) in sk:
        ts = sk[(name, n)]
        print(f"{name:<16}{n:>5}{t*1e3:>10.1f}{ours:>12.1f}{ts*1e3:>12.1f}{n**3/ts/1e6:>12.1f}{ts/t:>9.2f}x")
    else:
        print(f"{name:<16}{n:>5}{t*1e3:>10.1f}{ours:>12.1f}   anchors: scikit-image ~25, zmesh 43-149 M voxels/s")
print()
print(f"{'splat render, robocop (267,776 splats)':<42}{'mean':>10}{'goal':>10}")
for method, params, t in rows:
    if method.startswith("Robocop"):
        goal = "0.5 s" if method == "RobocopView512" else ""
        print(f"{method:<42}{t*1e3:>7.0f} ms{goal:>10}")
print(f"(load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
PY
