#!/usr/bin/env python3
"""Summary of one bench/run.sh run: reads the pieces run.sh left in a work directory, prints
the table of figures with the issue's goals (PASS/MISS) and writes it all as JSON.

Usage: report.py WORKDIR OUT_JSON

WORKDIR holds: meta.json, seed.json, core.jsonl and boto3.jsonl (one JSON line per run, in run
order), app.json (absent or with "error" when the app bench broke).
"""

import json
import statistics
import sys
from pathlib import Path


def load_json(path: Path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def load_lines(path: Path):
    try:
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    except (OSError, ValueError):
        return []


def med(runs, key):
    values = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
    return statistics.median(values) if values else None


def diagnosis(app, app_nc):
    """Rows (figure, as shipped, GL compositing) of the app's diagnostic figures."""
    if not app or app.get("cold_start_ms") is None:
        return []
    nc = app_nc or {}

    def get(a, *path):
        for p in path:
            a = a.get(p) if isinstance(a, dict) else None
        return a

    def f(a, fmt, *path, scale=1.0):
        v = get(a, *path)
        return fmt.format(v * scale) if isinstance(v, (int, float)) else "n/a"

    def both(name, fmt, *path, scale=1.0):
        return (name, f(app, fmt, *path, scale=scale), f(nc, fmt, *path, scale=scale))

    def gaps(a):
        i = a.get("ipc_during_load") or {}
        if i.get("median_gap_first10_ms") is None:
            return "n/a"
        return f"{i['median_gap_first10_ms']:.0f} / {i['median_gap_last10_ms']:.0f} ms"

    return [
        both("cold start to bucket list", "{:.0f} ms", "cold_start_ms"),
        both("idle PSS", "{:.1f} MiB", "idle_pss", "total_kib", scale=1 / 1024),
        both("first page in the UI", "{:.0f} ms", "ui_first_page_ms"),
        both("scroll until all rows loaded", "{:.1f} s", "load_all_s"),
        both("  list_objects calls: Rust + S3, sum", "{:.1f} s", "ipc_during_load", "sum_rust_ms", scale=1 / 1000),
        both("  list_objects calls: Rust + S3, median", "{:.0f} ms", "ipc_during_load", "median_rust_ms"),
        both("  response.json() in the page, sum", "{:.1f} s", "ipc_during_load", "sum_json_ms", scale=1 / 1000),
        both("  page work between calls, sum", "{:.1f} s", "ipc_during_load", "sum_gap_ms", scale=1 / 1000),
        ("  page work a page: first 10 / last 10 pages", gaps(app), gaps(nc)),
        both("  frames > 50 ms while loading", "{:.0f}", "frames_during_load", "long_frames"),
        both("  longest frame while loading", "{:.0f} ms", "frames_during_load", "max_frame_gap_ms"),
        both("PSS before loading all rows", "{:.1f} MiB", "pss_before", "total_kib", scale=1 / 1024),
        both("PSS with all rows loaded", "{:.1f} MiB", "pss_after", "total_kib", scale=1 / 1024),
        both("PSS growth", "{:.1f} MiB", "pss_growth_mib"),
        both("  of it WebKitWebProcess", "{:.1f} MiB", "web_process_growth_mib"),
        both("execute round trip, all loaded", "{:.1f} ms", "execute_rtt_ms", "median"),
        both("scroll to the middle, all loaded", "{:.0f} ms", "scroll_middle", "round_trip_ms"),
        both("quick filter per keystroke, median", "{:.1f} ms", "filter", "median_ms"),
        both("quick filter per keystroke, p95", "{:.1f} ms", "filter", "p95_ms"),
        both("quick filter per keystroke, max", "{:.1f} ms", "filter", "max_ms"),
    ]


def main() -> int:
    work, out = Path(sys.argv[1]), Path(sys.argv[2])
    meta = load_json(work / "meta.json") or {}
    seed = load_json(work / "seed.json") or {}
    core = load_lines(work / "core.jsonl")
    boto = load_lines(work / "boto3.jsonl")
    app = load_json(work / "app.json") or {}
    app_nc = load_json(work / "app-gl-compositing.json")

    count = meta.get("count", 100000)
    rows = []  # (figure, value text, goal text, verdict, key, raw value)

    def row(figure, value, fmt, goal="", ok=None, key=None, text=None):
        if value is None:
            text, verdict = "n/a", ("MISS" if goal else "")
        else:
            text = fmt.format(value) if text is None else text
            verdict = "" if ok is None else ("PASS" if ok(value) else "MISS")
        rows.append({"figure": figure, "value": value, "text": text, "goal": goal, "result": verdict, "key": key})

    n = len(core)
    row(f"seed {count:,} objects (zos-dev seed-many, 64 PUTs in flight)", seed.get("seed_s"), "{:.1f} s", key="seed_s")
    row(f"core: time to first page (median of {n})", med(core, "first_page_ms"), "{:.1f} ms", "< 1 s",
        lambda v: v < 1000, "core_first_page_ms")
    row(f"boto3: time to first page (median of {len(boto)})", med(boto, "first_page_ms"), "{:.1f} ms",
        key="boto3_first_page_ms")
    row(f"core: full listing of {count:,} (median of {n})", med(core, "full_listing_s"), "{:.2f} s",
        key="core_full_listing_s")
    row(f"boto3: full listing of {count:,} (median of {len(boto)})", med(boto, "full_listing_s"), "{:.2f} s",
        key="boto3_full_listing_s")
    c, b = med(core, "full_listing_s"), med(boto, "full_listing_s")
    ratio = c / b if c and b else None
    row("full listing ratio core / boto3 (< 1 = faster)", ratio, "{:.3f}", "<= 1.0", lambda v: v <= 1.0,
        "full_listing_ratio")
    cf, bf = med(core, "first_page_ms"), med(boto, "first_page_ms")
    row("first page ratio core / boto3", cf / bf if cf and bf else None, "{:.3f}", key="first_page_ratio")

    idle = app.get("idle_pss", {}).get("total_kib")
    before = app.get("pss_before", {}).get("total_kib")
    after = app.get("pss_after", {}).get("total_kib")
    row("app (release): cold start to bucket list", app.get("cold_start_ms"), "{:.0f} ms", key="app_cold_start_ms")
    row("app: idle PSS, app + WebKit processes", idle / 1024 if idle else None, "{:.1f} MiB", key="app_idle_pss_mib")
    row("app: first page in the UI (Enter -> first row)", app.get("ui_first_page_ms"), "{:.0f} ms", "< 1 s",
        lambda v: v < 1000, "app_first_page_ms")
    row(f"app: scroll to the end until {count:,} rows loaded", app.get("load_all_s"), "{:.1f} s",
        key="app_load_all_s")
    row("app: PSS before loading all rows", before / 1024 if before else None, "{:.1f} MiB", key="app_pss_before_mib")
    row(f"app: PSS with all {count:,} rows loaded", after / 1024 if after else None, "{:.1f} MiB",
        key="app_pss_after_mib")
    row("app: PSS growth for all rows", app.get("pss_growth_mib"), "{:.1f} MiB", "< 100 MiB", lambda v: v < 100,
        "app_pss_growth_mib")
    settle = app.get("pss_settle_mib") or []
    if settle and before:
        lo, hi = min(settle) - before / 1024, max(settle) - before / 1024
        row(f"  growth over the {len(settle)} s after loading (min .. max)", f"{lo:.0f} .. {hi:.0f}", "{} MiB",
            key="app_pss_growth_range_mib")
    rtt = app.get("execute_rtt_ms") or {}
    row("app: browser.execute round trip, all loaded (median)", rtt.get("median"), "{:.1f} ms",
        key="app_execute_rtt_ms")
    mid = app.get("scroll_middle") or {}
    row("app: scroll to the middle, all loaded (round trip)", mid.get("round_trip_ms"), "{:.0f} ms",
        key="app_scroll_middle_ms")
    # The quick filter: every keystroke must be under the goal (the verdict is on the slowest).
    flt = app.get("filter") or {}
    keys = len(flt.get("keystrokes") or [])
    text = None
    if flt.get("max_ms") is not None:
        text = f"{flt['median_ms']:.1f} / {flt['p95_ms']:.1f} / {flt['max_ms']:.1f} ms"
    row(f"app: quick filter over {count:,} rows, per keystroke median / p95 / max ({keys} keys)",
        flt.get("max_ms"), "{:.1f} ms", "< 50 ms per keystroke", lambda v: v < 50, "app_filter_keystroke_max_ms",
        text=text)

    w1 = max(len(r["figure"]) for r in rows)
    w2 = max(len(r["text"]) for r in rows)
    w3 = max(len("goal"), max(len(r["goal"]) for r in rows))
    title = f"ZOS Browser benchmark: {count:,} objects under {meta.get('bucket')}/{meta.get('prefix')}"
    print()
    print(title)
    print("=" * len(title))
    print(f"{'figure':<{w1}}  {'value':>{w2}}  {'goal':<{w3}}  result")
    print(f"{'-' * w1}  {'-' * w2}  {'-' * w3}  ------")
    for r in rows:
        print(f"{r['figure']:<{w1}}  {r['text']:>{w2}}  {r['goal']:<{w3}}  {r['result']}".rstrip())
    if core or boto:
        print()
        print("listing runs in order (full listing s / first page ms):")
        for i in range(max(len(core), len(boto))):
            cr = core[i] if i < len(core) else {}
            br = boto[i] if i < len(boto) else {}
            print(f"  run {i + 1}: core {cr.get('full_listing_s', float('nan')):.2f} s / "
                  f"{cr.get('first_page_ms', float('nan')):.1f} ms   "
                  f"boto3 {br.get('full_listing_s', float('nan')):.2f} s / {br.get('first_page_ms', float('nan')):.1f} ms")
    for a in (app, app_nc or {}):
        if a.get("error"):
            print()
            print(f"app bench ({a.get('variant', 'default')}) broke: {a['error']}")
    diag = diagnosis(app, app_nc)
    if diag:
        print()
        print("Where the app's time goes (diagnosis, no goals): the same binary as shipped (no GPU here, so")
        print("WebKit's GL compositing off) and with WEBKIT_DISABLE_COMPOSITING_MODE=0 (GL through llvmpipe)")
        d1 = max(len(r[0]) for r in diag)
        d2 = max(len("as shipped"), max(len(r[1]) for r in diag))
        print(f"{'':<{d1}}  {'as shipped':>{d2}}  GL compositing")
        for name, v1, v2 in diag:
            print(f"{name:<{d1}}  {v1:>{d2}}  {v2}")
    ctx = meta.get("context") or {}
    if ctx:
        print()
        print("context: " + "; ".join(f"{k} {v}" for k, v in ctx.items()))

    goals = [r for r in rows if r["goal"]]
    summary = {
        "meta": meta,
        "figures": {r["key"]: r["value"] for r in rows if r["key"]},
        "goals": {r["key"]: {"goal": r["goal"], "value": r["value"], "result": r["result"]} for r in goals},
        "table": [{k: r[k] for k in ("figure", "text", "goal", "result")} for r in rows],
        "seed": seed,
        "core_runs": core,
        "boto3_runs": boto,
        "app": app,
        "app_gl_compositing": app_nc,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print()
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
