"""Measure the secrecy engine: decisions per second in-process, and /api/assess under load.

Run with `make bench` (or `.venv/bin/python bench/assess.py`). Prints its figures;
nothing here asserts a time, so a slow machine never fails a build.

1. In-process: a seeded, mixed batch of 100,000 questions – every actor, setting,
   information kind, consent, a spread of ages and facts, dates from 2009 to 2026 –
   assessed one after another on one core. Reported twice: from ready Question
   objects, and from the contract's JSON dicts (parsing included).
2. API: gunicorn serving the real WSGI app on 127.0.0.1, an open-loop client sending
   200 requests/s for a fixed time on keep-alive connections; latency is measured
   from each request's scheduled start, so a stalled server cannot hide its queue.
   Then a closed-loop run with a few concurrent clients for the maximum rate.
   Every loop is bounded in count and time, and only loopback is addressed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from varna.law import Actor, Consent, Fact, Information, Setting, default_engine, parse_question

ROOT = Path(__file__).resolve().parents[1]
AUTHORITIES = {
    "social_services": ["sdn-norr", "sdn-soder", "sdn-oster", "sdn-vaster", "sdn-innerstaden"],
    "leisure": ["sdn-norr", "sdn-oster", "fritidsnamnden"],
    "school_staff": ["grundskolenamnden", "gymnasie-och-vuxenutbildningsnamnden"],
    "school_health_other": ["grundskolenamnden"],
    "school_health_medical": ["grundskolenamnden"],
}


def make_questions(n: int, seed: int = 2015) -> list[dict[str, Any]]:
    """A reproducible mix that resembles real use: few facts, ages mostly young."""
    rnd = random.Random(seed)
    disclosers = [a.value for a in Actor if a is not Actor.PRIVATE]
    recipients = [a.value for a in Actor]
    facts = [f.value for f in Fact]
    start = dt.date(2009, 6, 30)
    span = (dt.date(2026, 12, 31) - start).days
    questions = []
    for _ in range(n):
        d_actor, r_actor = rnd.choice(disclosers), rnd.choice(recipients)
        q: dict[str, Any] = {
            "on_date": (start + dt.timedelta(days=rnd.randrange(span))).isoformat(),
            "discloser": {"actor": d_actor},
            "recipient": {"actor": r_actor},
            "setting": rnd.choice([s.value for s in Setting]),
            "information": rnd.choice([i.value for i in Information]),
            "subject_age": rnd.choice([None, *range(10, 26)]),
            "consent": rnd.choice([c.value for c in Consent] + ["none", "none"]),
            "facts": rnd.sample(facts, rnd.choice([0, 0, 1, 1, 2, 3])),
        }
        if d_actor in AUTHORITIES and rnd.random() < 0.5:
            q["discloser"]["authority"] = rnd.choice(AUTHORITIES[d_actor])
        if r_actor in AUTHORITIES and rnd.random() < 0.5:
            q["recipient"]["authority"] = rnd.choice(AUTHORITIES[r_actor])
        if rnd.random() < 0.05:
            q["identifiable"] = False
        if rnd.random() < 0.05:
            q["known_to_all_present"] = True
        questions.append(q)
    return questions


def bench_in_process(n: int) -> dict[str, float]:
    engine = default_engine()
    raw = make_questions(n)
    parsed = [parse_question(q) for q in raw]
    for q in parsed[:2000]:  # load the rule base and warm the caches once
        engine.assess(q)
    ready, with_parsing = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        for q in parsed:
            engine.assess(q)
        ready.append(n / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for item in raw:
            engine.assess(parse_question(item))
        with_parsing.append(n / (time.perf_counter() - t0))
    return {"ready": statistics.median(ready), "with_parsing": statistics.median(with_parsing)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, data_dir: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "VARNA_SECRET_KEY": "bench-only-not-secret", "VARNA_HTTPS": "false",
           "VARNA_DATA_DIR": data_dir, "VARNA_ALLOWED_HOSTS": "127.0.0.1",
           "DJANGO_SETTINGS_MODULE": "varna.web.config.settings"}
    env.pop("DATABASE_URL", None)
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = subprocess.Popen(
        [gunicorn, "varna.web.config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--worker-class", "gthread", "--threads", "4",
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/openapi.json")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start: " + (proc.stderr.read().decode() if proc.stderr else ""))


def post(conn: http.client.HTTPConnection, body: bytes) -> int:
    conn.request("POST", "/api/assess", body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    return response.status


def open_loop(port: int, rate: float, seconds: float, bodies: list[bytes], clients: int) -> dict[str, Any]:
    """Send `rate` requests/s for `seconds`; each client thread owns its own schedule slots."""
    total = int(rate * seconds)
    start = time.perf_counter() + 0.2
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(index: int) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine: list[float] = []
        failed = 0
        for i in range(index, total, clients):
            scheduled = start + i / rate
            delay = scheduled - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            try:
                status = post(conn, bodies[i % len(bodies)])
                failed += status != 200
            except OSError:
                failed += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            mine.append(time.perf_counter() - scheduled)
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    return {"sent": len(latencies), "errors": errors, "rate": len(latencies) / elapsed,
            "p50": pct(50), "p90": pct(90), "p99": pct(99), "max": latencies[-1] * 1000}


def closed_loop(port: int, seconds: float, bodies: list[bytes], clients: int) -> float:
    stop = time.perf_counter() + seconds
    counts = [0] * clients

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        i = index
        while time.perf_counter() < stop and counts[index] < 1_000_000:
            post(conn, bodies[i % len(bodies)])
            counts[index] += 1
            i += clients

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 30)
    return sum(counts) / (time.perf_counter() - t0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-api", action="store_true")
    args = parser.parse_args()

    print(f"Värna secrecy engine benchmark – Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    figures = bench_in_process(args.questions)
    print(f"in-process, {args.questions:,} mixed questions, one core (median of 3):")
    print(f"  {figures['ready']:>10,.0f} decisions/s  from Question objects")
    print(f"  {figures['with_parsing']:>10,.0f} decisions/s  from contract JSON dicts (parsing included)")
    if args.skip_api:
        return 0

    bodies = [json.dumps(q).encode() for q in make_questions(5000, seed=7)]
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        server = start_server(port, args.workers, data_dir)
        try:
            open_loop(port, 100, 2, bodies, 8)  # warm every worker
            load = open_loop(port, args.rate, args.seconds, bodies, clients=16)
            top = closed_loop(port, 5, bodies, clients=8)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"POST /api/assess, gunicorn {args.workers} workers × 4 threads, open loop at "
          f"{args.rate:.0f} req/s for {args.seconds:.0f} s:")
    print(f"  sent {load['sent']}, errors {load['errors']}, achieved {load['rate']:.0f} req/s")
    print(f"  latency ms: p50 {load['p50']:.1f}  p90 {load['p90']:.1f}  p99 {load['p99']:.1f}  "
          f"max {load['max']:.1f}")
    print(f"  closed loop, 8 clients, 5 s: {top:,.0f} req/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
