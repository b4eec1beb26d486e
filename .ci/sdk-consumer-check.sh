#!/usr/bin/env bash
# A built-in SDK map from a user's point of view: copies tests/<Consumer> (a small app on the real SDK) to a scratch
# folder, adds the real SDK package and the packed PermissionAnalyzer with `dotnet add package` (exact versions, from
# the feed and a local folder feed, with a scratch NUGET_PACKAGES so no cache stands in), builds, and compares the
# exact diagnostics with tests/<Consumer>/expected-diagnostics.txt. Fails if the analyzer did not load or threw.
#   bash .ci/sdk-consumer-check.sh GitHubConsumer Octokit 14.0.0
#   bash .ci/sdk-consumer-check.sh GraphConsumer Microsoft.Graph 6.10.0
#   NO_PACK=1 ...       reuse the package .ci/consumer-check.sh just packed
#   ... --update        rewrite the expected file from the current output
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: sdk-consumer-check.sh CONSUMER SDK-PACKAGE SDK-VERSION [--update]"; exit 2; }
name=$1 sdk=$2 sdk_version=$3
shift 3
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
feed="$root/artifacts/packages"
consumer="$root/tests/$name"
check="sdk-consumer-check ($name)"

if [ "${NO_PACK:-}" != "1" ] || [ ! -f "$feed/PermissionAnalyzer.$version.nupkg" ]; then
  rm -f "$feed"/PermissionAnalyzer.*.nupkg
  dotnet pack "$root/PermissionAnalyzer.sln" -c Release -nologo -v quiet
fi
test -f "$feed/PermissionAnalyzer.$version.nupkg" || { echo "$check: no package $feed/PermissionAnalyzer.$version.nupkg"; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$consumer/." "$scratch/"
rm -rf "$scratch/expected-diagnostics.txt" "$scratch/bin" "$scratch/obj"
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
{ dotnet add "$name.csproj" package "$sdk" --version "$sdk_version" \
  && dotnet add "$name.csproj" package PermissionAnalyzer --version "$version"; } > "$scratch/add.log" 2>&1 \
  || { cat "$scratch/add.log"; exit 1; }
build_log="$scratch/build.log"
dotnet build "$name.csproj" -nologo "-p:ErrorLog=$scratch/diagnostics.sarif%2Cversion=2.1" > "$build_log" 2>&1 || { cat "$build_log"; exit 1; }

if grep -E "CS9057|CS8032|AD0001" "$build_log"; then
  echo "$check: the analyzer did not load, or threw"; exit 1
fi
lower=$(printf '%s' "$sdk" | tr '[:upper:]' '[:lower:]')
test -d "$NUGET_PACKAGES/$lower/$sdk_version" || { echo "$check: $sdk $sdk_version was not restored from the feed"; exit 1; }
test -f "$NUGET_PACKAGES/permissionanalyzer/$version/analyzers/dotnet/cs/PermissionAnalyzer.dll" \
  || { echo "$check: the package was not restored from the local feed"; exit 1; }

SARIF_CHECK_NAME="$check" python3 "$root/.ci/sarif-check.py" "$scratch/diagnostics.sarif" "$scratch" \
  "$consumer/expected-diagnostics.txt" ${1:+"$1"}
echo "$check: diagnostics as expected from PermissionAnalyzer.$version.nupkg with $sdk $sdk_version"
