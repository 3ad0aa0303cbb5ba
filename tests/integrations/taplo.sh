#!/usr/bin/env bash
# Taplo (the TOML language server behind Even Better TOML) against the committed schemas, with
# the real CLI from npm: the examples lint clean, and a misspelt key, at the top level or in a
# table, is one error at that key's line instead of one per key of the file (issue 17: 372).
# Installed here on every run; a missing taplo is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
npm install --prefix "$scratch" --no-audit --no-fund --loglevel=error @taplo/cli@0.7.0 >/dev/null
taplo="$scratch/node_modules/.bin/taplo"
test -x "$taplo" || { echo "error: the Taplo CLI did not install" >&2; exit 1; }
schema="file://$PWD/compiler/schema/notice.schema.json"
project_schema="file://$PWD/compiler/schema/project.schema.json"

"$taplo" lint --schema "$schema" content/_shared/*.toml content/*/notice.toml
"$taplo" lint --schema "$project_schema" content/project.toml

# lint_one FILE LINE: taplo must refuse FILE with exactly one error, at line LINE.
lint_one() {
  local out errors
  if out="$("$taplo" lint --schema "$schema" "$1" 2>&1)"; then
    echo "error: taplo accepted $1" >&2; exit 1
  fi
  errors="$(grep -c '^error' <<<"$out" || true)"
  if [ "$errors" != 1 ] || ! grep -q "$1:$2:" <<<"$out"; then
    echo "error: expected one error at $1:$2, got $errors:" >&2
    echo "$out" >&2
    exit 1
  fi
}

site=content/kahvila-aurinko/notice.toml
{ echo 'titel = "x"'; cat "$site"; } >"$scratch/top.toml"
lint_one "$scratch/top.toml" 1
line="$(grep -n '^\[controller\]' "$site" | cut -d: -f1)"
sed "${line}a nmae = \"x\"" "$site" >"$scratch/table.toml"
lint_one "$scratch/table.toml" "$((line + 1))"
line="$(grep -n '^\[\[recipients\]\]' content/_shared/toimisto-verkkoapu.toml | head -n 1 | cut -d: -f1)"
sed "${line}a rol = \"processor\"" content/_shared/toimisto-verkkoapu.toml >"$scratch/item.toml"
lint_one "$scratch/item.toml" "$((line + 1))"
echo "taplo: the examples lint clean; a misspelt key is one error at its line"
