#!/usr/bin/env bash
# Checks that the PACKED package's code fixes work from the command line, as a user runs them:
#   1. pack the package (dotnet pack -c Release at the root, into artifacts/packages);
#   2. copy tests/FormatFixture (a class library with over-broad grants) to a scratch folder, with its own
#      NuGet cache and a nuget.config naming the local feed (for PermissionAnalyzer only) and nuget.org;
#   3. dotnet add package PermissionAnalyzer --version <exact>;
#   4. dotnet format analyzers --diagnostics PA0001 PA0002 PA0003 PA0007 --severity info;
#   5. compare every source file, character for character, with tests/FormatFixture/expected;
#   6. rebuild: no PA0001-PA0003/PA0007 may remain, no PA0004 may appear, and the analyzer must still run.
# Exits non-zero with a message naming the failed step.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

fixture="$root/tests/FormatFixture"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
log="$scratch/log.txt"

fail() {
  printf '\nFORMAT CHECK FAILED: %s\n' "$1" >&2
  if [ -s "$log" ]; then
    printf -- '--- last output ---\n' >&2
    tail -n 60 "$log" >&2
  fi
  exit 1
}

step() { printf "==> [%ss] %s\n" "$SECONDS" "$*"; }

step "pack"
dotnet pack -c Release >"$log" 2>&1 || fail "dotnet pack -c Release failed"
version=$(dotnet msbuild src/PermissionAnalyzer.Package/PermissionAnalyzer.Package.csproj -getProperty:PackageVersion 2>>"$log" | tr -d '[:space:]')
[ -n "$version" ] || fail "could not read the package version"
package="$root/artifacts/packages/PermissionAnalyzer.$version.nupkg"
[ -f "$package" ] || fail "$package was not produced"
if ! unzip -l "$package" | grep -q 'analyzers/dotnet/cs/PermissionAnalyzer.CodeFixes.dll'; then
  fail "$package has no analyzers/dotnet/cs/PermissionAnalyzer.CodeFixes.dll"
fi

step "consumer project from tests/FormatFixture, PermissionAnalyzer $version"
project="$scratch/FormatFixture"
mkdir -p "$project"
for file in "$fixture"/*; do
  case "$(basename "$file")" in
    expected|bin|obj) ;;
    *) cp -R "$file" "$project/" ;;
  esac
done
export NUGET_PACKAGES="$scratch/nuget-packages"
cat >"$scratch/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$root/artifacts/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="PermissionAnalyzer" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
EOF
cd "$project"
dotnet add package PermissionAnalyzer --version "$version" >"$log" 2>&1 || fail "dotnet add package PermissionAnalyzer --version $version failed"

step "dotnet format analyzers --diagnostics PA0001 PA0002 PA0003 PA0007 --severity info"
dotnet format analyzers --diagnostics PA0001 PA0002 PA0003 PA0007 --severity info --verbosity diagnostic >"$log" 2>&1 \
  || fail "dotnet format analyzers failed"

step "compare with tests/FormatFixture/expected"
mismatch=0
for expected in "$fixture"/expected/*.cs; do
  actual="$project/$(basename "$expected")"
  if [ ! -f "$actual" ]; then
    echo "missing after dotnet format: $(basename "$expected")"
    mismatch=1
  elif ! cmp -s "$expected" "$actual"; then
    echo "differs from expected: $(basename "$expected")"
    diff -u "$expected" "$actual" || true
    mismatch=1
  fi
done
for actual in "$project"/*.cs; do
  if [ ! -f "$fixture/expected/$(basename "$actual")" ]; then
    echo "not in expected/: $(basename "$actual")"
    mismatch=1
  fi
done
[ "$mismatch" -eq 0 ] || { : >"$log"; fail "dotnet format did not produce tests/FormatFixture/expected (diff above)"; }

step "rebuild the formatted project"
dotnet build --no-restore -p:TreatWarningsAsErrors=false -clp:NoSummary >"$log" 2>&1 || fail "the formatted project does not build"
if grep -E ': (warning|error) PA000[1237]:' "$log" >"$scratch/left.txt"; then
  cat "$scratch/left.txt"
  : >"$log"
  fail "grant diagnostics remain after dotnet format"
fi
if grep -E ': (warning|error) PA0004:' "$log" >"$scratch/left.txt"; then
  cat "$scratch/left.txt"
  : >"$log"
  fail "dotnet format turned a grant warning into PA0004 (a used scope is no longer granted)"
fi
# The fixture keeps one PA0005 on purpose (not one of the formatted rules): it shows the analyzer ran.
grep -qE ': warning PA0005:' "$log" || fail "no PA0005 in the rebuild: the package's analyzer did not run"

echo "format check passed in ${SECONDS}s: dotnet format applied the package's fixes and the result matches tests/FormatFixture/expected"
