#!/usr/bin/env bash
# Packages notice release binaries as the release workflow (.github/workflows/release.yml)
# attaches them, and as the action (action/steps.sh install) looks them up:
#   notice-<version>-<target>.tar.gz   (a .zip for Windows targets), holding the folder
#                                      notice-<version>-<target>/ with notice[.exe] and README.md
#   notice-<version>-<target>.tar.gz.sha256   its SHA-256, in `sha256sum` format
#   SHA256SUMS                         every archive's SHA-256, in `sha256sum -c` format
# Usage: release-package.sh VERSION OUT_DIR TARGET=BINARY...
# One script on one Linux host for every target, so the archives and checksums of a release
# are made the same way whatever runner built the binary.
set -euo pipefail

version="${1:?version, e.g. v0.1.0}"
out="${2:?output folder}"
shift 2
[ "$#" -gt 0 ] || { echo "usage: release-package.sh VERSION OUT_DIR TARGET=BINARY..." >&2; exit 2; }
readme="$(cd "$(dirname "$0")/.." && pwd)/README.md"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for pair in "$@"; do
  target="${pair%%=*}"
  binary="${pair#*=}"
  [ -f "$binary" ] || { echo "release-package: no binary at $binary (for $target)" >&2; exit 1; }
  name="notice-$version-$target"
  mkdir "$work/$name"
  case "$target" in
    *-windows-*) exe=notice.exe ;;
    *) exe=notice ;;
  esac
  cp "$binary" "$work/$name/$exe"
  # Artifact uploads drop the executable bit; the archive must carry it.
  chmod 755 "$work/$name/$exe"
  cp "$readme" "$work/$name/README.md"
  case "$target" in
    *-windows-*)
      archive="$name.zip"
      (cd "$work" && zip -qrX "$out/$archive" "$name")
      ;;
    *)
      archive="$name.tar.gz"
      # Sorted names and no owner: the same binary gives the same listing on any host.
      tar -C "$work" --sort=name --owner=0 --group=0 --numeric-owner -czf "$out/$archive" "$name"
      ;;
  esac
  (cd "$out" && sha256sum "$archive" > "$archive.sha256")
done

(cd "$out" && cat ./*.sha256 | sort -k 2 > SHA256SUMS)
echo "release-package: $(cd "$out" && printf '%s ' *)"
