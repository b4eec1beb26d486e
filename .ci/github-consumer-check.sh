#!/usr/bin/env bash
# The GitHub map from a consumer's point of view: tests/GitHubConsumer (a bot on the real Octokit 14.0.0 from the
# feed) gets the packed package with `dotnet add package`, from a local folder feed, with a scratch NUGET_PACKAGES;
# its exact diagnostics must equal tests/GitHubConsumer/expected-diagnostics.txt.
#   bash .ci/github-consumer-check.sh            pack, then check
#   NO_PACK=1 bash .ci/github-consumer-check.sh  reuse the package .ci/consumer-check.sh just packed
#   bash .ci/github-consumer-check.sh --update   rewrite the expected file from the current output
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
feed="$root/artifacts/packages"
consumer="$root/tests/GitHubConsumer"

if [ "${NO_PACK:-}" != "1" ] || [ ! -f "$feed/PermissionAnalyzer.$version.nupkg" ]; then
  rm -f "$feed"/PermissionAnalyzer.*.nupkg
  dotnet pack "$root/PermissionAnalyzer.sln" -c Release -nologo -v quiet
fi
test -f "$feed/PermissionAnalyzer.$version.nupkg" || { echo "no package $feed/PermissionAnalyzer.$version.nupkg"; exit 1; }

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
dotnet add GitHubConsumer.csproj package PermissionAnalyzer --version "$version" > "$scratch/add.log" || { cat "$scratch/add.log"; exit 1; }
build_log="$scratch/build.log"
dotnet build GitHubConsumer.csproj -nologo "-p:ErrorLog=$scratch/diagnostics.sarif%2Cversion=2.1" > "$build_log" 2>&1 || { cat "$build_log"; exit 1; }

if grep -E "CS9057|CS8032|AD0001" "$build_log"; then
  echo "github-consumer-check: the analyzer did not load, or threw"; exit 1
fi
test -f "$NUGET_PACKAGES/octokit/14.0.0/lib/netstandard2.0/Octokit.dll" \
  || { echo "github-consumer-check: Octokit 14.0.0 was not restored from the feed"; exit 1; }

SARIF_CHECK_NAME=github-consumer-check python3 "$root/.ci/sarif-check.py" "$scratch/diagnostics.sarif" "$scratch" \
  "$consumer/expected-diagnostics.txt" ${1:+"$1"}
echo "github-consumer-check: diagnostics as expected from PermissionAnalyzer.$version.nupkg with Octokit 14.0.0"
