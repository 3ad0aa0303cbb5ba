#!/usr/bin/env bash
# The shell steps of the notice action (action.yml), one subcommand each, so the
# content-repository CI test (tests/integrations/content-repo) runs the very same code.
#   steps.sh install      installs notice into $NOTICE_DIR/bin: the release binary of
#                         $NOTICE_VERSION for this runner when the release has one (its
#                         SHA-256 checked), else `cargo install` of $NOTICE_SHA
#   steps.sh fetch-base   shallow-fetches the base branch as origin/<base>
#   steps.sh check        `notice check --format github`: annotations on stdout; status kept
#   steps.sh diff         `notice diff --base origin/<base> --format markdown` into $NOTICE_OUT/diff.md
#   steps.sh finish       fails when check found errors, after the comment is posted
# Environment: NOTICE (the binary), NOTICE_ROOT, NOTICE_BASE, NOTICE_OUT (a scratch folder),
# NOTICE_MAX_CHARS (optional: the longest comment, `notice diff --max-chars`).
# For install: NOTICE_SOURCE (the repository URL, or `local`), NOTICE_VERSION, NOTICE_SHA,
# NOTICE_DIR, and optionally NOTICE_RELEASES (where release assets are downloaded from) and
# NOTICE_TARGET (the Rust target of the asset; guessed from uname).
set -euo pipefail

# The Rust target whose release binary runs here (.github/workflows/release.yml builds these).
host_target() {
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64) echo x86_64-unknown-linux-gnu ;;
    Linux/aarch64 | Linux/arm64) echo aarch64-unknown-linux-gnu ;;
    Darwin/arm64 | Darwin/aarch64) echo aarch64-apple-darwin ;;
    Darwin/x86_64) echo x86_64-apple-darwin ;;
    MINGW*/x86_64 | MSYS*/x86_64 | CYGWIN*/x86_64) echo x86_64-pc-windows-msvc ;;
    *) echo unknown ;;
  esac
}

sha256_of() {
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d ' ' -f 1
}

# Downloads and unpacks the release asset of $version for $target into $dir/bin. Returns 1
# when there is no such asset (not a release tag, or no build for this runner); a checksum
# that does not match stops the job, since the download is then not what was released.
install_release() {
  local version="$1" target="$2" dir="$3" releases="$4" ext=tar.gz exe=notice
  case "$target" in *-windows-*) ext=zip exe=notice.exe ;; esac
  local name="notice-$version-$target"
  local tmp
  tmp="$(mktemp -d)"
  if ! curl -fsSL --retry 2 -o "$tmp/$name.$ext" "$releases/$version/$name.$ext" \
    || ! curl -fsSL --retry 2 -o "$tmp/$name.$ext.sha256" "$releases/$version/$name.$ext.sha256"; then
    rm -rf "$tmp"
    return 1
  fi
  local expected actual
  expected="$(cut -d ' ' -f 1 < "$tmp/$name.$ext.sha256")"
  actual="$(sha256_of "$tmp/$name.$ext")"
  if [ "$expected" != "$actual" ]; then
    echo "::error::$name.$ext: SHA-256 $actual, but the release says $expected" >&2
    exit 1
  fi
  case "$ext" in
    # Git Bash on Windows runners may lack unzip; PowerShell has Expand-Archive.
    zip)
      if command -v unzip >/dev/null; then (cd "$tmp" && unzip -q "$name.$ext")
      else
        # PowerShell wants Windows paths, not Git Bash's /tmp/….
        local win
        win="$(cygpath -w "$tmp")"
        powershell -NoProfile -Command "Expand-Archive -LiteralPath '$win\\$name.$ext' -DestinationPath '$win'"
      fi ;;
    *) tar -C "$tmp" -xzf "$tmp/$name.$ext" ;;
  esac
  mkdir -p "$dir/bin"
  mv "$tmp/$name/$exe" "$dir/bin/$exe"
  rm -rf "$tmp"
  echo "notice: installed the $version release binary for $target"
}

if [ "${1:-}" = install ]; then
  source="${NOTICE_SOURCE:?repository URL, or local}"
  dir="${NOTICE_DIR:?install folder}"
  if [ "$source" = local ]; then
    cargo install --locked --path compiler/cli --root "$dir"
    exit 0
  fi
  version="${NOTICE_VERSION:-}"
  target="${NOTICE_TARGET:-$(host_target)}"
  releases="${NOTICE_RELEASES:-$source/releases/download}"
  if [ -n "$version" ] && install_release "$version" "$target" "$dir" "$releases"; then
    exit 0
  fi
  echo "notice: no release binary of '${version}' for $target; building it with cargo install"
  cargo install --locked --git "$source" --rev "${NOTICE_SHA:?commit}" notice --root "$dir"
  exit 0
fi

notice="${NOTICE:?path of the notice binary}"
root="${NOTICE_ROOT:-.}"
out="${NOTICE_OUT:?folder for the report}"
mkdir -p "$out"

case "${1:-}" in
  fetch-base)
    base="${NOTICE_BASE:?base branch}"
    # One commit of the base branch is all `notice diff --base` reads: no full history.
    git fetch --no-tags --depth=1 origin "+refs/heads/$base:refs/remotes/origin/$base"
    ;;
  check)
    status=0
    "$notice" check --root "$root" --format github || status=$?
    echo "$status" > "$out/check-status"
    # 1 is findings, reported as annotations; anything else is a broken project or a usage
    # error, which stops the job here.
    [ "$status" -le 1 ]
    ;;
  diff)
    base="${NOTICE_BASE:?base branch}"
    # An empty array expands this way even under `set -u` in macOS's bash 3.2.
    limit=()
    [ -z "${NOTICE_MAX_CHARS:-}" ] || limit=(--max-chars "$NOTICE_MAX_CHARS")
    "$notice" diff --root "$root" --base "origin/$base" --format markdown ${limit[@]+"${limit[@]}"} > "$out/diff.md"
    ;;
  finish)
    status="$(cat "$out/check-status" 2>/dev/null || echo 0)"
    if [ "$status" -ne 0 ]; then
      echo "notice check found errors: see the annotations" >&2
      exit "$status"
    fi
    ;;
  *)
    echo "usage: steps.sh install|fetch-base|check|diff|finish" >&2
    exit 2
    ;;
esac
