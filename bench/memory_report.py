"""Prints a process's memory over a run from the TSV written by bench/Shared/MemorySampler.cs.

usage: python3 bench/memory_report.py MEMORY.tsv LOAD_STARTED_UNIX_SECONDS
The last sample before the load started is shown as the idle baseline; start/end/max and the slope (least-squares
fit, MiB per minute) are over the samples taken from the load's start on, for the whole run and for its second half
(the part after warm-up, where a leak shows as a slope that stays positive).
"""
import csv
import statistics
import sys

path, load_started = sys.argv[1], float(sys.argv[2])
rows = list(csv.DictReader(open(path), delimiter="\t"))
idle = [r for r in rows if float(r["unix_seconds"]) < load_started]
loaded = [r for r in rows if float(r["unix_seconds"]) >= load_started]
mib = lambda b: float(b) / 2**20
minutes = lambda r: (float(r["unix_seconds"]) - load_started) / 60


def slope(key, sample):
    if len(sample) < 3:
        return float("nan")
    xs, ys = [minutes(r) for r in sample], [mib(r[key]) for r in sample]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


span = minutes(loaded[-1]) * 60
half = [r for r in loaded if minutes(r) * 60 >= span / 2]
print(f"memory under load: {len(loaded)} samples over {span:.0f} s (MiB)     idle  start    end    max  slope MiB/min (all / 2nd half)")
for name, key in [("RSS", "rss_bytes"), ("GC heap (as of the last GC)", "gc_heap_bytes"), ("managed bytes in use", "managed_in_use_bytes")]:
    values = [mib(r[key]) for r in loaded]
    before = f"{mib(idle[-1][key]):7.1f}" if idle else "      -"
    print(f"  {name:44}{before}{values[0]:7.1f}{values[-1]:7.1f}{max(values):7.1f}  {slope(key, loaded):+7.2f} / {slope(key, half):+7.2f}")
print(f"  gen0 collections during the load: {int(loaded[-1]['gc_count']) - int(loaded[0]['gc_count'])}")
