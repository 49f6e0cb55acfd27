#!/usr/bin/env bash
# SPZ decode/encode and PLY read/write on the SN17 robocop fixture, next to the `zstd` CLI (the reference C
# implementation) compressing/decompressing the same raw SPZ payload at pyspz's level 1, in the same run.
# BenchmarkDotNet builds its child process under a long build timeout: a busy shared machine builds slowly.
# Throughput is MB/s of the uncompressed payload (SPZ) or of the PLY file (MB = 10^6 bytes, as zstd prints).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${NEURON3D_SHARED:-$root/../shared}"
fixture="$shared/fixtures/sn17/robocop_with_hammer_in_one_hand.spz"
[[ -f $fixture ]] || { echo "fixture missing: $fixture" >&2; exit 1; }
if ! command -v zstd >/dev/null; then
  apt-get install -y zstd >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y zstd >/dev/null; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
zstd -q -d -c "$fixture" >"$work/payload.bin"

# Peer: zstd's built-in benchmark, level 1, one thread, on the raw payload; its final line has compress and decompress
# MB/s (progress lines before it may carry only the first figure).
zstd -b1 -i3 -T1 "$work/payload.bin" 2>&1 | tr '\r' '\n' | grep -E 'MB/s.*MB/s' | tail -1 >"$work/zstd.txt"

dotnet run -c Release --project "$root/bench/Neuron3D.Bench" -- \
  --filter '*AssetFormatBenchmarks*' --buildTimeout 900 --artifacts "$work/bdn" --exporters json >"$work/bdn.log" 2>&1 ||
  { tail -40 "$work/bdn.log" >&2; exit 1; }

python3 - "$work" "$fixture" <<'PY' || { grep -iE 'exception|error' "$work/bdn.log" | head -20 >&2; exit 1; }
import glob, json, os, re, sys
work, fixture = sys.argv[1], sys.argv[2]
payload = os.path.getsize(os.path.join(work, "payload.bin"))
compressed = os.path.getsize(fixture)
report = json.load(open(glob.glob(os.path.join(work, "bdn", "results", "*AssetFormatBenchmarks*.json"))[0]))
failed = [b["Method"] for b in report["Benchmarks"] if not b.get("Statistics")]
if failed:
    sys.exit(f"benchmarks without measurements (see BenchmarkDotNet's log): {', '.join(failed)}")
mean = {b["Method"]: b["Statistics"]["Mean"] / 1e9 for b in report["Benchmarks"]}
points = payload // 19
ply_bytes = len(("ply\nformat binary_little_endian 1.0\nelement vertex %d\n" % points).encode()) \
    + sum(len(("property float %s\n" % n).encode()) for n in
          ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]) \
    + len(b"end_header\n") + points * 14 * 4
line = open(os.path.join(work, "zstd.txt")).read()
zc, zd = [float(x) for x in re.findall(r"([\d.]+) MB/s", line)[:2]]
zratio = re.search(r"\(x?([\d.]+)\)", line)
mbps = lambda size, seconds: size / seconds / 1e6
rows = [
    ("SpzDecode", "SPZ decode (ours, full)", zd, "zstd -d"),
    ("ZstdSharpDecompressOnly", "zstd part only (ZstdSharp)", zd, "zstd -d"),
    ("SpzEncode", "SPZ encode (ours, full, level 1)", zc, "zstd -1"),
    ("ZstdSharpCompressOnly", "zstd part only (ZstdSharp, level 1)", zc, "zstd -1"),
]
print(f"robocop fixture: {points} splats, payload {payload} B, file {compressed} B (compression ratio x{payload / compressed:.3f}; zstd CLI level 1: x{zratio.group(1) if zratio else '?'})")
print(f"{'benchmark':38} {'ms':>8} {'MB/s':>9} {'peer MB/s':>10}  ratio (ours/peer)")
for key, name, peer, peer_name in rows:
    ours = mbps(payload, mean[key])
    print(f"{name:38} {mean[key] * 1e3:8.1f} {ours:9.1f} {peer:10.1f}  {ours / peer:.2f}x vs {peer_name}")
for key, name in [("PlyRead", "PLY read (binary LE, no normals)"), ("PlyWrite", "PLY write")]:
    print(f"{name:38} {mean[key] * 1e3:8.1f} {mbps(ply_bytes, mean[key]):9.1f} {'-':>10}  ({ply_bytes} B file)")
PY
