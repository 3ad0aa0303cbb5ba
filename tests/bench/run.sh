#!/usr/bin/env bash
# The benchmark: notice build (cold, no-op, after a site edit, after a layer edit, the full
# project with history) side by side with Hugo and cp -r, on a generated project of N sites,
# plus the one-site rebuild through the library as `notice watch` does it.
#
#   tests/bench/run.sh [--sites N] [--runs R] [--dir DIR] [--json FILE] [--baseline OLD_NOTICE]
#
# Defaults: 1,000 sites, 5 rounds, a temporary folder. Builds the release binaries into
# $CARGO_TARGET_DIR (or target/) and installs Hugo and GNU time with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Hugo to compare with, and GNU time for peak RSS, both from Debian when missing.
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "--- installing ${missing[*]} (Debian packages)" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "--- building notice and notice-bench (release)" >&2
cargo build --release --quiet -p notice -p notice-bench
bin="${CARGO_TARGET_DIR:-target}/release"

exec python3 tests/bench/bench.py --notice "$bin/notice" --bench "$bin/notice-bench" "$@"
