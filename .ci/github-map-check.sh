#!/usr/bin/env bash
# The GitHub map the analyzer embeds (src/PermissionAnalyzer/Engine/Sdks/GitHub/github-routes.txt) must equal what
# tools/GitHubMapGenerator makes of the checked-in data (data/github/): regenerate into a temporary file and diff.
#   bash .ci/github-map-check.sh            check
#   bash .ci/github-map-check.sh --update   rewrite the embedded map
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

data=data/github/server-to-server-permissions.json
embedded=src/PermissionAnalyzer/Engine/Sdks/GitHub/github-routes.txt
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT

dotnet run --project tools/GitHubMapGenerator -c Release -- "$data" "$fresh" > /dev/null
if [ "${1:-}" = "--update" ]; then
  cp "$fresh" "$embedded"
  echo "github-map-check: $embedded rewritten"
  exit 0
fi

if ! diff -u "$embedded" "$fresh"; then
  echo "github-map-check: $embedded differs from the generator's output; run: bash .ci/github-map-check.sh --update"
  exit 1
fi
echo "github-map-check: $embedded equals the generator's output ($(grep -c '^route' "$embedded") routes)"
