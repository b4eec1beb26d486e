#!/usr/bin/env bash
# Packs the package, adds it to a user's project the way a user does (`dotnet add package`, exact version, from a
# local folder feed, with a scratch NUGET_PACKAGES so no cache can stand in), builds it, and compares the exact
# diagnostics with tests/PackageConsumer/expected-diagnostics.txt. Fails on CS9057/CS8032 (analyzer not loaded).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
feed="$root/artifacts/packages"

rm -f "$feed"/PermissionAnalyzer.*.nupkg
dotnet pack "$root/PermissionAnalyzer.sln" -c Release -nologo -v quiet
test -f "$feed/PermissionAnalyzer.$version.nupkg" || { echo "no package $feed/PermissionAnalyzer.$version.nupkg"; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$root/tests/PackageConsumer/." "$scratch/"
rm -f "$scratch/expected-diagnostics.txt"
cat > "$scratch/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
export NUGET_PACKAGES="$scratch/.nuget-packages"

cd "$scratch"
dotnet add PackageConsumer.csproj package PermissionAnalyzer --version "$version"
build_log="$scratch/build.log"
dotnet build PackageConsumer.csproj -nologo "-p:ErrorLog=$scratch/diagnostics.sarif%2Cversion=2.1" | tee "$build_log"

if grep -E "CS9057|CS8032" "$build_log"; then
  echo "the analyzer did not load in this SDK's compiler"; exit 1
fi
test -f "$NUGET_PACKAGES/permissionanalyzer/$version/analyzers/dotnet/cs/PermissionAnalyzer.dll" \
  || { echo "the package was not restored from the local feed"; exit 1; }

SARIF_CHECK_NAME=consumer-check python3 "$root/.ci/sarif-check.py" "$scratch/diagnostics.sarif" "$scratch" \
  "$root/tests/PackageConsumer/expected-diagnostics.txt"
echo "consumer check: diagnostics as expected from PermissionAnalyzer.$version.nupkg"
