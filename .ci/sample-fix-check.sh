#!/usr/bin/env bash
# A sample's code fixes applied as a user applies them from the command line: copies the sample (SAMPLE, e.g.
# samples/GraphMail) next to itself, runs `dotnet format analyzers --diagnostics <DIAGNOSTICS>` on the copy (the
# fixes' Fix All, in bulk), rebuilds it with a SARIF log and compares its diagnostics with the sample's
# expected-after-fix.txt (empty: every finding fixed, and no use lost its grant, so no PA0004). The edit is printed.
#   SAMPLE=samples/GraphMail DIAGNOSTICS=PA0002 bash .ci/sample-fix-check.sh [--update]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

sample=${SAMPLE:?SAMPLE names the sample, e.g. samples/GraphMail}
diagnostics=${DIAGNOSTICS:?DIAGNOSTICS lists the rule IDs to fix, e.g. PA0002}
name=$(basename "$sample")
copy=samples/.fix-$name
out=artifacts/sample-fix-check/$name
sarif=$PWD/$out/$name.sarif
rm -rf "$out" "$copy"
mkdir -p "$out"
trap 'rm -rf "$copy"' EXIT
cp -r "$sample" "$copy"
rm -rf "$copy/bin" "$copy/obj" "$copy/expected-diagnostics.txt" "$copy/expected-after-fix.txt"
project=$(ls "$copy"/*.csproj)

# dotnet format loads the analyzers of the referenced projects' Debug output: build it first.
dotnet build "$project" -c Debug -nologo -v:q > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
# shellcheck disable=SC2086
dotnet format analyzers "$project" --diagnostics $diagnostics --severity info -v:q > "$out/format.log" 2>&1 || {
  cat "$out/format.log"; echo "sample-fix-check: dotnet format failed"; exit 1; }
diff -ru --exclude=bin --exclude=obj --exclude='expected-*.txt' "$sample" "$copy" > "$out/fix.diff" || true
cat "$out/fix.diff"
if [ ! -s "$out/fix.diff" ]; then
  echo "sample-fix-check: dotnet format changed nothing"; exit 1
fi

dotnet build "$project" -c Debug -nologo -v:q --no-dependencies --no-incremental \
  -p:UseSharedCompilation=false "-p:ErrorLog=$sarif%2Cversion=2.1" > "$out/rebuild.log" 2>&1 || {
  cat "$out/rebuild.log"; echo "sample-fix-check: the fixed sample does not build"; exit 1; }

SARIF_CHECK_NAME=sample-fix-check python3 .ci/sarif-check.py "$sarif" "$PWD/$copy" "$sample/expected-after-fix.txt" ${1:+"$1"}
