#!/usr/bin/env python3
"""Times `notice build` side by side with Hugo and `cp -r` on a generated project of N sites.

Run it through tests/bench/run.sh, which builds the binaries and installs Hugo when missing.
Every measure is taken in the same rounds, alternating the tools, so a machine that gets busier
or quieter during the run shifts all of them alike; the table shows medians. Peak RSS is the
maximum resident set size that GNU time (`/usr/bin/time -f %M`) reports for the measured
command. Not os.wait4's ru_maxrss of a child forked from this script: a forked child starts
with Python's own resident pages, which made every small command look like 17 MB.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SUMMARY = re.compile(r"built (\d+) pages? into .*: (\d+) written, (\d+) unchanged, (\d+) removed")
MARKER = re.compile(r"kierros \d+")


GNU_TIME = "/usr/bin/time"


def run(cmd, cwd=None):
    """Runs cmd; returns (seconds, peak RSS in KiB, stdout). Fails loudly on a non-zero exit."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as rss:
        started = time.perf_counter()
        proc = subprocess.run(
            [GNU_TIME, "-f", "%M", "-o", rss.name, *cmd],
            cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if proc.returncode != 0:
            stderr = err.read().decode("utf-8", "replace")
            sys.exit(f"bench: {' '.join(cmd)} exited {proc.returncode}\n{stdout}\n{stderr[-4000:]}")
        return seconds, int(rss.read().split()[-1]), stdout


def count_files(root):
    files = pages = 0
    for _, _, names in os.walk(root):
        for name in names:
            files += 1
            pages += name.endswith(".html")
    return pages, files


def bump(path, round_):
    """A real text change: the marker `kierros <n>` in the file becomes `kierros <round>`."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    changed, n = MARKER.subn(f"kierros {round_}", text, count=1)
    if n != 1:
        sys.exit(f"bench: no `kierros` marker in {path}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(changed)


def rmtree(path):
    shutil.rmtree(path, ignore_errors=True)


class Trash:
    """Empties an output folder for a cold run by moving it aside, deleting nothing until the
    end. ext4 without a journal (this machine's disk) skips every inode freed in the last
    minute when it allocates one (`recently_deleted` in fs/ext4/ialloc.c): a cold build right
    after `rm -rf` of a 19,000-inode tree spent nearly half its time there, and the tool that
    creates more files paid more. A fresh checkout in CI has no such pile; neither has this
    bench."""

    def __init__(self, work):
        self.dir = os.path.join(work, "trash")
        self.count = 0

    def clear(self, path):
        if os.path.exists(path):
            os.makedirs(self.dir, exist_ok=True)
            self.count += 1
            os.rename(path, os.path.join(self.dir, str(self.count)))

    def empty(self):
        rmtree(self.dir)


class Measure:
    def __init__(self, name, tool, variant):
        self.name, self.tool, self.variant = name, tool, variant
        self.seconds, self.rss, self.pages, self.written = [], [], [], []

    def add(self, seconds, rss_kib, pages, written):
        self.seconds.append(seconds)
        self.rss.append(rss_kib)
        self.pages.append(pages)
        self.written.append(written)

    def median(self):
        return statistics.median(self.seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notice", required=True, help="the notice binary")
    parser.add_argument("--bench", required=True, help="the notice-bench binary")
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="rounds of every measure (at least 5)")
    parser.add_argument("--rebuild-runs", type=int, default=21)
    parser.add_argument("--dir", help="work folder (default: a temporary one, removed after)")
    parser.add_argument("--json", help="also write the raw numbers here")
    args = parser.parse_args()
    if args.runs < 1:
        sys.exit("bench: --runs must be at least 1")

    work = args.dir or tempfile.mkdtemp(prefix=f"notice-bench-{args.sites}-")
    os.makedirs(work, exist_ok=True)
    hugo = shutil.which("hugo")
    if not hugo or not os.access(GNU_TIME, os.X_OK):
        sys.exit("bench: hugo or GNU time is not installed (tests/bench/run.sh installs them)")
    hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()

    started = time.perf_counter()
    _, gen_rss, gen_out = run([args.bench, "generate", "--sites", str(args.sites), "--out", work])
    print(gen_out.strip(), file=sys.stderr)
    gen_seconds = time.perf_counter() - started

    full, pages, hugo_src = (os.path.join(work, d) for d in ("full", "pages", "hugo"))
    out = {k: os.path.join(work, "out-" + k) for k in ("full", "pages", "hugo", "cp")}
    middle = f"site-{(args.sites + 1) // 2:05d}"
    site_file = os.path.join(pages, "content", middle, "notice.toml")
    layer_file = os.path.join(pages, "content", "_shared", "toimisto.toml")

    m = {
        "pages_cold": Measure("`notice build`, cold (empty output)", "notice", "pages"),
        "pages_noop": Measure("`notice build`, nothing changed (no-op)", "notice", "pages"),
        "pages_site": Measure("`notice build` after one site's source changed", "notice", "pages"),
        "pages_layer": Measure("`notice build` after a shared layer changed", "notice", "pages"),
        "hugo": Measure("`hugo` on the equivalent site", "hugo", "pages"),
        "pages_cp": Measure("`cp -r` of notice's output (I/O floor)", "cp", "pages"),
        "full_cold": Measure("`notice build`, cold (empty output)", "notice", "full"),
        "full_noop": Measure("`notice build`, nothing changed (no-op)", "notice", "full"),
        "full_cp": Measure("`cp -r` of notice's output (I/O floor)", "cp", "full"),
    }

    def notice(key, root, dest):
        seconds, rss, stdout = run([args.notice, "build", "--root", root, "--out", dest])
        found = SUMMARY.search(stdout)
        if not found:
            sys.exit(f"bench: no build summary in: {stdout}")
        m[key].add(seconds, rss, int(found.group(1)), int(found.group(2)))

    trash = Trash(work)

    def copy(key, src):
        trash.clear(out["cp"])
        seconds, rss, _ = run(["cp", "-r", src, out["cp"]])
        page_count, files = count_files(out["cp"])
        m[key].add(seconds, rss, page_count, files)

    for round_ in range(1, args.runs + 1):
        print(f"round {round_}/{args.runs}", file=sys.stderr)
        trash.clear(out["pages"])
        notice("pages_cold", pages, out["pages"])
        trash.clear(out["hugo"])
        seconds, rss, _ = run([hugo, "--source", hugo_src, "--destination", out["hugo"], "--quiet"])
        m["hugo"].add(seconds, rss, *count_files(out["hugo"]))
        copy("pages_cp", out["pages"])
        notice("pages_noop", pages, out["pages"])
        bump(site_file, round_)
        notice("pages_site", pages, out["pages"])
        bump(layer_file, round_)
        notice("pages_layer", pages, out["pages"])

        trash.clear(out["full"])
        notice("full_cold", full, out["full"])
        copy("full_cp", out["full"])
        notice("full_noop", full, out["full"])

    trash.empty()

    # The one-site rebuild as `notice watch` does it: a session in memory, one site edited.
    rebuilds = {}
    for variant, root in (("full", full), ("pages", pages)):
        _, rss, stdout = run([
            args.bench, "rebuild", "--root", root, "--site", middle,
            "--runs", str(args.rebuild_runs), "--out", os.path.join(work, "out-watch-" + variant),
        ])
        rebuilds[variant] = dict(json.loads(stdout), rss_kib=rss)

    hugo_median = m["hugo"].median()
    cp_median = {v: m[v + "_cp"].median() for v in ("pages", "full")}

    def ms(seconds):
        return f"{seconds * 1000:,.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:,.1f} ms"

    def mb(kib):
        return f"{kib / 1024:,.0f} MB"

    variants = {
        "pages": "one language, one version (a page per site)",
        "full": "fi + en, 3 released versions, change log, archive, feed",
    }
    lines = []
    lines.append(
        f"N = {args.sites:,} sites; {args.runs} alternating rounds; "
        f"{datetime.date.today().isoformat()}; {os.cpu_count()} cores ({platform.machine()}); {hugo_version}"
    )
    lines.append("")
    lines.append("| project | measure | median | min – max | peak RSS | pages | files written | notice / Hugo | notice / cp |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for key, measure in m.items():
        med = measure.median()
        ratio_hugo = ratio_cp = ""
        if measure.tool == "notice":
            ratio_hugo = f"{med / hugo_median:.2f}"
            ratio_cp = f"{med / cp_median[measure.variant]:.1f}"
        lines.append(
            f"| {measure.variant} | {measure.name} | {ms(med)} | "
            f"{ms(min(measure.seconds))} – {ms(max(measure.seconds))} | {mb(max(measure.rss))} | "
            f"{max(measure.pages):,} | {statistics.median(measure.written):,.0f} | {ratio_hugo} | {ratio_cp} |"
        )
    for variant, r in rebuilds.items():
        lines.append(
            f"| {variant} | one-site rebuild through the library, as `notice watch` does (drafts; {r['runs']} runs) | "
            f"{r['median_ms']:.1f} ms | {r['min_ms']:.1f} – {r['max_ms']:.1f} ms | {mb(r['rss_kib'])} (whole session) | | "
            f"{r['written']} | | |"
        )
    lines.append("")
    lines.append("Projects: " + "; ".join(f"`{k}`: {v}" for k, v in variants.items()) + ".")
    lines.append(
        f"Generating them took {gen_seconds:.1f} s. Peak RSS: GNU time's maximum resident set size of each command; "
        "files written is notice's own count (unchanged files are not written), Hugo's and cp's output files."
    )

    full_cold, pages_cold = m["full_cold"].median(), m["pages_cold"].median()
    checks = [
        ("cold build, one language, one version ≤ 0.5 × Hugo", pages_cold / hugo_median, 0.5),
        ("full build (fi + en, change log, archive) ≤ 1.5 × Hugo", full_cold / hugo_median, 1.5),
        ("no-op rebuild ≤ 0.25 × cold (pages)", m["pages_noop"].median() / pages_cold, 0.25),
        ("no-op rebuild ≤ 0.25 × cold (full)", m["full_noop"].median() / full_cold, 0.25),
        ("no-op rebuild writes 0 files", max(m["pages_noop"].written + m["full_noop"].written), 0),
        ("one-site rebuild through the library ≤ 20 ms (full)", rebuilds["full"]["median_ms"], 20),
        ("peak RSS of a cold build ≤ 300 MB (pages)", max(m["pages_cold"].rss) / 1024, 300),
        ("peak RSS of a cold build ≤ 300 MB (full)", max(m["full_cold"].rss) / 1024, 300),
    ]
    lines.append("")
    lines.append("Targets (informative; the bench never fails on timings):")
    lines.append("")
    for label, value, limit in checks:
        verdict = "met" if value <= limit else "MISSED"
        lines.append(f"- {label}: {value:,.3g} → {verdict}")

    print("\n".join(lines))
    if args.json:
        raw = {
            "sites": args.sites,
            "runs": args.runs,
            "measures": {k: vars(v) for k, v in m.items()},
            "rebuilds": rebuilds,
            "hugo_version": hugo_version,
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(raw, f, indent=1)
    if not args.dir:
        rmtree(work)


if __name__ == "__main__":
    main()
