"""Benchmark: the whole CTC profile of 1,000,000 respondents beside pandas just reading the file.

The survey is the fictional example (``varna ctc example``) for the bundled spec – one area,
grade and gender column and 42 item columns – with one planted difference, written once as
CSV to a cache folder (``$VARNA_BENCH_CACHE``, default ``/tmp/varna-bench``; never
committed). Each measurement runs in a fresh Python process, which reports the wall time of
the measured call (imports excluded), its CPU time (all threads; less sensitive to a busy
machine than the wall time) and the process's peak resident memory (ru_maxrss).

    (a) pandas.read_csv(path)                          – the yardstick
    (b) varna.ctc.profile(path, default spec, programs) – read, check, score, test, suppress

Goal: (b) faster than (a) and under 2 GB. Usage: python bench/ctc.py [--rows N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(os.environ.get("VARNA_BENCH_CACHE", "/tmp/varna-bench"))  # noqa: S108 – a cache, not a secret

PANDAS = """
import json, resource, sys, time
import pandas
start = time.perf_counter()
cpu = time.process_time()
frame = pandas.read_csv(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cpu": time.process_time() - cpu, "rows": len(frame),
                  "columns": frame.shape[1],
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "threads": 1,
                  "version": pandas.__version__}))
"""

PROFILE = """
import json, resource, sys, time
import polars
from varna.ctc import load_programs, load_spec, profile
spec, programs = load_spec("default"), load_programs()
start = time.perf_counter()
cpu = time.process_time()
result = profile(sys.argv[1], spec, programs=programs)
document = result.as_dict()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cpu": time.process_time() - cpu, "rows": document["n_respondents"],
                  "flags": document["priorities"],
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "threads": polars.thread_pool_size(), "version": polars.__version__}))
"""


def survey(rows: int) -> Path:
    path = CACHE / f"ctc-{rows}-seed1.csv"
    if path.exists():
        return path
    from varna.ctc.example import generate, parse_plant
    from varna.ctc.spec import load_spec

    CACHE.mkdir(parents=True, exist_ok=True)
    spec = load_spec("default")
    start = time.perf_counter()
    frame = generate(spec, rows, 1, (parse_plant("Rosengård:family_conflict:+3", spec),))
    partial = path.with_suffix(".part")
    frame.write_csv(partial)
    partial.rename(path)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.0f} MB, {frame.height} rows × {frame.width} columns) "
          f"in {time.perf_counter() - start:.1f} s")
    return path


def measure(code: str, path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = survey(args.rows)
    runs: dict[str, list[dict[str, object]]] = {"pandas": [], "profile": []}
    for _ in range(args.repeat):  # interleaved, so a busy moment on the machine hits both
        runs["pandas"].append(measure(PANDAS, path))
        runs["profile"].append(measure(PROFILE, path))
    print(f"survey: {path} ({path.stat().st_size / 1e6:.0f} MB), {args.rows} respondents; "
          f"{os.cpu_count()} CPUs visible; median of {args.repeat} runs, each in a fresh process")
    print(f"{'':34} {'seconds':>9} {'CPU s':>9} {'peak MB':>9} {'threads':>8}")
    for name, label in (("pandas", "(a) pandas.read_csv"), ("profile", "(b) varna.ctc profile, whole")):
        seconds = statistics.median(float(str(r["seconds"])) for r in runs[name])
        cpu = statistics.median(float(str(r["cpu"])) for r in runs[name])
        peak = max(int(str(r["maxrss_kb"])) for r in runs[name]) / 1024
        first = runs[name][0]
        print(f"{label + ' ' + str(first['version']):34} {seconds:9.2f} {cpu:9.2f} {peak:9.0f} "
              f"{first['threads']!s:>8}")
    a = statistics.median(float(str(r["seconds"])) for r in runs["pandas"])
    b = statistics.median(float(str(r["seconds"])) for r in runs["profile"])
    flags = {area: f for area, f in dict(runs["profile"][0]["flags"]).items() if f}  # type: ignore[call-overload]
    load = os.getloadavg()[0]
    print(f"profile / read_csv = {b / a:.2f} (wall); load average {load:.1f} at the end; flagged: {flags}")


if __name__ == "__main__":
    main()
