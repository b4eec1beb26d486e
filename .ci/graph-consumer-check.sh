#!/usr/bin/env bash
# The built-in Microsoft Graph map from a Graph app's point of view: packs the package, copies tests/GraphConsumer to
# a scratch folder, adds the real Microsoft.Graph 6.10.0 from the feed and the packed PermissionAnalyzer (exact
# versions, scratch NUGET_PACKAGES so no cache stands in), builds, and compares the exact diagnostics with
# tests/GraphConsumer/expected-diagnostics.txt. Fails on CS9057/CS8032 (analyzer not loaded).
#   bash .ci/graph-consumer-check.sh [--update]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
feed="$root/artifacts/packages"

if [ ! -f "$feed/PermissionAnalyzer.$version.nupkg" ]; then
  dotnet pack "$root/PermissionAnalyzer.sln" -c Release -nologo -v quiet
fi
test -f "$feed/PermissionAnalyzer.$version.nupkg" || { echo "no package $feed/PermissionAnalyzer.$version.nupkg"; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$root/tests/GraphConsumer/." "$scratch/"
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
dotnet add GraphConsumer.csproj package Microsoft.Graph --version 6.10.0
dotnet add GraphConsumer.csproj package PermissionAnalyzer --version "$version"
build_log="$scratch/build.log"
dotnet build GraphConsumer.csproj -nologo "-p:ErrorLog=$scratch/diagnostics.sarif%2Cversion=2.1" | tee "$build_log" || true

if grep -E "CS9057|CS8032" "$build_log"; then
  echo "the analyzer did not load in this SDK's compiler"; exit 1
fi
test -f "$NUGET_PACKAGES/permissionanalyzer/$version/analyzers/dotnet/cs/PermissionAnalyzer.dll" \
  || { echo "the package was not restored from the local feed"; exit 1; }

SARIF_CHECK_NAME=graph-consumer-check python3 "$root/.ci/sarif-check.py" "$scratch/diagnostics.sarif" "$scratch" \
  "$root/tests/GraphConsumer/expected-diagnostics.txt" ${1:+"$1"}
echo "graph consumer check: diagnostics as expected with Microsoft.Graph 6.10.0 and PermissionAnalyzer.$version.nupkg"
