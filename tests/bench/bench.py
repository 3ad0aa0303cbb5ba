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
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SUMMARY = re.compile(r"built (\d+) pages? into .*: (\d+) written, (\d+) unchanged, (\d+) removed")
MARKER = re.compile(r"kierros \d+")


GNU_TIME = "/usr/bin/time"
DEBOUNCE_MS = 50
INITIAL = re.compile(r"\(initial build\)")


def vm_kib(pid, field):
    """A /proc/PID/status field in KiB (VmHWM: the peak resident set so far; VmRSS: now)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    sys.exit(f"bench: no {field} in /proc/{pid}/status")


class Watch:
    """A real `notice watch` process on a project, its stdout read line by line."""

    def __init__(self, notice, root, out_dir, work):
        self.stderr = tempfile.TemporaryFile(dir=work)
        os.sync()  # as in run()
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [notice, "watch", "--root", root, "--out", out_dir, "--debounce", str(DEBOUNCE_MS)],
            stdout=subprocess.PIPE, stderr=self.stderr, stdin=subprocess.DEVNULL,
            text=True, bufsize=1,
        )
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, pattern, timeout=600):
        """Seconds since spawn when a stdout line matches `pattern`."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            try:
                line = self.lines.get(timeout=max(left, 0.001))
            except queue.Empty:
                line = None
            if line is None:
                self.stop()
                self.stderr.seek(0)
                tail = self.stderr.read().decode("utf-8", "replace")[-4000:]
                sys.exit(f"bench: `notice watch` printed no line matching {pattern.pattern!r}\n{tail}")
            if pattern.search(line):
                return time.perf_counter() - self.started, line

    def peak_rss_kib(self):
        return vm_kib(self.proc.pid, "VmHWM")

    def stop(self):
        """Ctrl-C, as a user ends it; killed only if it does not stop within 10 s."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.stderr.close()


def save_to_page(watch, source, page, number, timeout=30):
    """Seconds from saving `source` with the marker `kierros <number>` until `page` shows it."""
    wanted = f"kierros {number}".encode()
    started = time.perf_counter()
    bump(source, number)
    deadline = started + timeout
    while time.perf_counter() < deadline:
        try:
            with open(page, "rb") as f:
                if wanted in f.read():
                    seconds = time.perf_counter() - started
                    # The rebuild's line, so the next save starts a new rebuild.
                    watch.wait_for(re.compile(r"^(rebuilt|failed) "))
                    return seconds
        except FileNotFoundError:
            pass
        time.sleep(0.0005)
    watch.stop()
    sys.exit(f"bench: {page} did not show `kierros {number}` within {timeout} s of the save")


def run(cmd, cwd=None):
    """Runs cmd; returns (seconds, peak RSS in KiB, stdout). Fails loudly on a non-zero exit."""
    # Every command starts with no dirty pages of an earlier one still waiting to be written:
    # otherwise whatever runs after the biggest writers pays for their writeback.
    os.sync()
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
    parser.add_argument("--rebuild-runs", type=int, default=21,
                        help="one-site rebuilds through the library, and saves per watch session")
    parser.add_argument("--dir", help="work folder (default: a temporary one, removed after)")
    parser.add_argument("--json", help="also write the raw numbers here")
    parser.add_argument("--baseline", help="an older notice binary, timed cold in the same rounds")
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
        "full_cold": Measure("`notice build --no-cache`, cold (empty output, no page cache)", "notice", "full"),
        "full_fill": Measure("`notice build`, empty output and empty page cache (fills it)", "notice", "full"),
        "full_cached": Measure(
            "`notice build`, empty output, page cache of the last build (a deploy that keeps its cache)",
            "notice", "full"),
        "full_noop": Measure("`notice build`, nothing changed (no-op)", "notice", "full"),
        "full_cp": Measure("`cp -r` of notice's output (I/O floor)", "cp", "full"),
        "full_drafts": Measure("`notice build --drafts`, cold (empty output)", "notice", "full"),
        "full_watch": Measure(
            "`notice watch`: spawn → initial build written (drafts, empty output)", "notice", "full"),
    }
    if args.baseline:
        m["pages_base"] = Measure("baseline binary: `notice build`, cold (empty output)", "notice", "pages")
        m["full_base"] = Measure("baseline binary: `notice build`, cold (empty output)", "notice", "full")
    # Per watch session: peak RSS after the initial build, and after the series of saves.
    watch_rss = {"initial": [], "edits": []}
    save_latency = []
    out["drafts"] = os.path.join(work, "out-drafts")
    out["watch"] = os.path.join(work, "out-watch")
    watch_source = os.path.join(full, "content", middle, "notice.toml")
    watch_page = os.path.join(out["watch"], middle, "index.html")

    def notice(key, root, dest, *extra, binary=args.notice):
        seconds, rss, stdout = run([binary, "build", "--root", root, "--out", dest, *extra])
        found = SUMMARY.search(stdout)
        if not found:
            sys.exit(f"bench: no build summary in: {stdout}")
        m[key].add(seconds, rss, int(found.group(1)), int(found.group(2)))

    trash = Trash(work)
    page_cache = os.path.join(work, "page-cache")

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

        if args.baseline:
            trash.clear(out["pages"])
            notice("pages_base", pages, out["pages"], binary=args.baseline)
            trash.clear(out["full"])
            notice("full_base", full, out["full"], binary=args.baseline)
        trash.clear(out["full"])
        notice("full_cold", full, out["full"], "--no-cache")
        copy("full_cp", out["full"])
        trash.clear(out["full"])
        trash.clear(page_cache)
        notice("full_fill", full, out["full"], "--cache-dir", page_cache)
        trash.clear(out["full"])
        notice("full_cached", full, out["full"], "--cache-dir", page_cache)
        notice("full_noop", full, out["full"], "--cache-dir", page_cache)

        # The watch session against `build --drafts` (what it renders), both into an empty
        # output; then saves of one site's source through the real file watcher.
        trash.clear(out["drafts"])
        notice("full_drafts", full, out["drafts"], "--drafts")
        trash.clear(out["watch"])
        watch = Watch(args.notice, full, out["watch"], work)
        try:
            seconds, line = watch.wait_for(INITIAL)
            found = re.search(r": (\d+) written", line)
            watch_rss["initial"].append(watch.peak_rss_kib())
            m["full_watch"].add(seconds, watch_rss["initial"][-1], m["full_drafts"].pages[-1],
                                int(found.group(1)) if found else 0)
            watch.wait_for(re.compile(r"^watching "))
            for edit in range(args.rebuild_runs):
                number = 1000 * round_ + edit
                save_to_page(watch, watch_source, watch_page, number)  # settles the watcher
                save_latency.append(save_to_page(watch, watch_source, watch_page, number + 500))
            watch_rss["edits"].append(watch.peak_rss_kib())
        finally:
            watch.stop()

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
    lines.append(
        f"| full | `notice watch`: peak RSS of the session (VmHWM), after the initial build / after "
        f"{args.rebuild_runs * 2} saves | | | {mb(max(watch_rss['initial']))} / {mb(max(watch_rss['edits']))} | | | | |"
    )
    lines.append(
        f"| full | `notice watch`: save → page written, through the file watcher ({DEBOUNCE_MS} ms debounce; "
        f"{len(save_latency)} saves) | {ms(statistics.median(save_latency))} | "
        f"{ms(min(save_latency))} – {ms(max(save_latency))} | | | | | |"
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
        ("full build (fi + en, change log, archive) ≤ 1.5 × Hugo: empty output, page cache kept",
         m["full_cached"].median() / hugo_median, 1.5),
        ("full build (fi + en, change log, archive) ≤ 1.5 × Hugo: cold, no page cache",
         full_cold / hugo_median, 1.5),
        ("no-op rebuild ≤ 0.25 × cold (pages)", m["pages_noop"].median() / pages_cold, 0.25),
        ("no-op rebuild ≤ 0.25 × cold (full)", m["full_noop"].median() / full_cold, 0.25),
        ("no-op rebuild writes 0 files", max(m["pages_noop"].written + m["full_noop"].written), 0),
        ("one-site rebuild through the library ≤ 10 ms (full)", rebuilds["full"]["median_ms"], 10),
        (f"`notice watch` peak RSS ≤ 150 MB at 1,000 sites (this run: {args.sites:,})",
         max(watch_rss["edits"]) / 1024, 150),
        (f"save → page written ≤ debounce + 10 ms = {DEBOUNCE_MS + 10} ms (median, ms)",
         statistics.median(save_latency) * 1000, DEBOUNCE_MS + 10),
        ("`notice watch` initial build ≤ `notice build --drafts` (ratio of medians)",
         m["full_watch"].median() / m["full_drafts"].median(), 1.0),
        ("peak RSS of a cold build ≤ 300 MB (pages)", max(m["pages_cold"].rss) / 1024, 300),
        ("peak RSS of a cold build ≤ 300 MB (full)", max(m["full_cold"].rss) / 1024, 300),
    ]
    if args.baseline:
        lines.append("")
        for variant, key, against in (("pages", "pages_base", "pages_cold"), ("full", "full_base", "full_cold")):
            lines.append(
                f"- {variant}: this binary cold / the baseline cold, same rounds: "
                f"{m[against].median() / m[key].median():.2f}"
            )
        lines.append(
            f"- full: this binary with its page cache kept / the baseline cold: "
            f"{m['full_cached'].median() / m['full_base'].median():.2f}"
        )
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
            "watch_rss_kib": watch_rss,
            "save_to_page_seconds": save_latency,
            "hugo_version": hugo_version,
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(raw, f, indent=1)
    if not args.dir:
        rmtree(work)


if __name__ == "__main__":
    main()
