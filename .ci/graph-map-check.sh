#!/usr/bin/env bash
# Regenerates the built-in Microsoft Graph map from Microsoft.Graph 6.10.0 (NuGet cache) and data/graph/permissions.json
# and fails, with the first differences, when it differs from the embedded src/PermissionAnalyzer/Engine/Sdks/Graph/
# graph-map.txt.gz (compared decompressed: gzip bytes may differ between runtimes). About a minute on 2 cores.
#   bash .ci/graph-map-check.sh            check
#   bash .ci/graph-map-check.sh --update   regenerate the embedded map
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

embedded=src/PermissionAnalyzer/Engine/Sdks/Graph/graph-map.txt.gz
if [ "${1:-}" = "--update" ]; then
  dotnet run --project tools/GraphMapGenerator -c Release -- --out "$embedded"
  exit 0
fi

out=artifacts/graph-map-check
rm -rf "$out"
mkdir -p "$out"
dotnet run --project tools/GraphMapGenerator -c Release -- --out "$out/graph-map.txt" > "$out/generator.log" 2>&1 || {
  cat "$out/generator.log"; echo "graph-map-check: the generator failed"; exit 1; }
gzip -dc "$embedded" > "$out/embedded.txt"
if ! diff -q "$out/embedded.txt" "$out/graph-map.txt" > /dev/null; then
  diff "$out/embedded.txt" "$out/graph-map.txt" | head -n 40
  echo "graph-map-check: $embedded is not what the generator writes; run: bash .ci/graph-map-check.sh --update"
  exit 1
fi
echo "graph-map-check: the embedded map equals a fresh generation ($(grep -m1 '^# builders' "$out/graph-map.txt" | cut -c3-))"
