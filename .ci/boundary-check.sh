#!/usr/bin/env bash
# The project boundary, shown end to end on samples/SharedHelpers (a platform library, a library of helpers
# that writes no attribute, and an app whose principal calls the helpers):
#   1. build a copy: PA0012 points at each public helper that uses an undeclared scope, and the app, which
#      sees only what the helpers declare, looks as if it used nothing (PA0003 on scopes it needs);
#   2. dotnet format analyzers --diagnostics PA0012 on the helpers: they declare what they use; the edited
#      sources must equal samples/SharedHelpers/expected-after/;
#   3. rebuild: no PA0012 remains, the app's principal sees its uses, and only the grant it really does not
#      use is still reported.
# Diagnostics are compared with samples/SharedHelpers/expected-before.txt and expected-after.txt.
#   bash .ci/boundary-check.sh            check
#   bash .ci/boundary-check.sh --update   rewrite the expected files from the current output
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

sample=samples/SharedHelpers
mode=${1:-}
# The copy stays under the repository: its projects find the analyzer's sources through $(RepoRoot).
work=artifacts/boundary-check
copy=$work/SharedHelpers
rm -rf "$work"
mkdir -p "$work"
cp -R "$sample" "$copy"
rm -rf "$copy"/expected-* "$copy"/*/bin "$copy"/*/obj

fail() { printf '\nBOUNDARY CHECK FAILED: %s\n' "$1" >&2; exit 1; }
step() { printf '==> [%ss] %s\n' "$SECONDS" "$*"; }

# PA diagnostics of a build log, one per line: FILE:LINE:COL: LEVEL ID: MESSAGE, FILE relative to the copy.
diagnostics() {
  python3 - "$1" "$root/$copy" <<'PY'
import re, sys
log, base = sys.argv[1], sys.argv[2].rstrip("/") + "/"
pattern = re.compile(r"^(.*)\((\d+),(\d+)\): (warning|error|info) (PA\d{4}): (.*?)(?: \(https://[^)]*\))? \[[^\]]*\]$")
found = set()
for line in open(log, encoding="utf-8"):
    m = pattern.match(line.strip())
    if m:
        path = m.group(1).replace(base, "")
        found.add(f"{path}:{m.group(2)}:{m.group(3)}: {m.group(4)} {m.group(5)}: {m.group(6)}")
print("\n".join(sorted(found)))
PY
}

compare() { # actual-file expected-file
  if [ "$mode" = "--update" ]; then
    cp "$1" "$2"
    echo "updated $2"
  elif ! diff -u "$2" "$1"; then
    fail "diagnostics differ from $2 (run: bash .ci/boundary-check.sh --update, and review the diff)"
  fi
}

# The default configuration (Debug): dotnet format loads the projects in it, and finds the analyzer and the
# attributes only where that configuration's build put them.
build() { # log-file
  dotnet build "$copy/App/ChatBot.csproj" -nologo -v:q -p:UseSharedCompilation=false >"$1" 2>&1 \
    || { cat "$1"; fail "the sample does not build"; }
}

# Compiles the two projects the fix touches again (an incremental build would skip an unchanged project and
# print none of its warnings); everything they reference is built already.
rebuild() { # log-file
  : >"$1"
  for project in Helpers/Messenger.Helpers.csproj App/ChatBot.csproj; do
    dotnet build "$copy/$project" -nologo -v:q --no-dependencies --no-incremental -p:UseSharedCompilation=false >>"$1" 2>&1 \
      || { cat "$1"; fail "$project does not rebuild"; }
  done
}

step "before: build the app and its libraries"
build "$work/before.log"
diagnostics "$work/before.log" >"$work/before.txt"
grep -q ' PA0012: ' "$work/before.txt" || fail "no PA0012 before the helpers declare their requirements"
compare "$work/before.txt" "$sample/expected-before.txt"

step "dotnet format analyzers --diagnostics PA0012 on the helpers"
dotnet format analyzers "$copy/Helpers/Messenger.Helpers.csproj" --diagnostics PA0012 --severity info --no-restore \
  >"$work/format.log" 2>&1 || { cat "$work/format.log"; fail "dotnet format failed"; }
for file in "$copy"/Helpers/*.cs; do
  name=$(basename "$file")
  if [ "$mode" = "--update" ]; then
    mkdir -p "$sample/expected-after/Helpers"
    cp "$file" "$sample/expected-after/Helpers/$name"
  elif ! diff -u "$sample/expected-after/Helpers/$name" "$file"; then
    fail "Helpers/$name differs from $sample/expected-after/Helpers/$name after the fix"
  fi
done

step "after: rebuild"
rebuild "$work/after.log"
diagnostics "$work/after.log" >"$work/after.txt"
if grep -q ' PA0012: ' "$work/after.txt"; then fail "PA0012 remains after the fix"; fi
compare "$work/after.txt" "$sample/expected-after.txt"
step "ok: $(wc -l <"$work/before.txt") diagnostics before, $(wc -l <"$work/after.txt") after"
