#!/usr/bin/env bash
# The analyzer's cost on a Graph app with 500 distinct request-builder calls, against BannedApiAnalyzers 3.3.4 banning
# the same 500 members: builds each copy (after one warm-up build) with -p:ReportAnalyzer=true and prints each
# analyzer's execution time from the build log. Not part of CI (minutes on a busy machine). From the repository root:
#   bash benchmarks/GraphCost/run.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-500}
out="$root/artifacts/graph-cost"
rm -rf "$out"
mkdir -p "$out"
dotnet run --project "$root/tools/GraphMapGenerator" -c Release -- --out "$out/map.txt" --report "$out/report.tsv" > /dev/null
python3 "$root/benchmarks/GraphCost/generate.py" "$out/report.tsv" "$out" "$root" "$n"

# Drop members the generated navigation cannot reach (a property named unlike its namespace) until it compiles.
touch "$out/exclude.txt"
for round in 1 2 3 4; do
  dotnet build "$out/BannedApiAnalyzers" -c Release -nologo -v:q -p:RunAnalyzers=false 2>&1 \
    | grep -oE "Calls.cs\([0-9]+" | sed 's/.*(//' | sort -un > "$out/bad-lines.txt" || true
  [ -s "$out/bad-lines.txt" ] || break
  python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
lines = open(f"{out}/BannedApiAnalyzers/Calls.cs").read().split("\n")
members = open(f"{out}/calls.txt").read().split("\n")
excluded = set(open(f"{out}/exclude.txt").read().split())
for number in open(f"{out}/bad-lines.txt").read().split():
    text = lines[int(number) - 1]
    if "public System.Threading.Tasks.Task Call" in text:
        excluded.add(members[int(text.split("Task Call")[1].split("(")[0])])
open(f"{out}/exclude.txt", "w").write("\n".join(sorted(excluded)))
PY
  rm -rf "$out/PermissionAnalyzer" "$out/BannedApiAnalyzers"
  python3 "$root/benchmarks/GraphCost/generate.py" "$out/report.tsv" "$out" "$root" "$n" "$out/exclude.txt"
done

uptime
for name in PermissionAnalyzer BannedApiAnalyzers; do
  dotnet build "$out/$name" -c Release -nologo -v:q > /dev/null 2>&1 || true
  dotnet build "$out/$name" -c Release -nologo --no-incremental --no-dependencies -p:UseSharedCompilation=false \
    -p:ReportAnalyzer=true -v:d > "$out/$name.log" 2>&1 || true
  echo "== $name: $(grep -cE "(warning|error) (PA[0-9]+|RS0030)" "$out/$name.log") diagnostics, $(grep -cE "error CS" "$out/$name.log") compiler errors"
  grep -E "Total analyzer execution time|[0-9.]+ +[<0-9]+ +(PermissionAnalyzer|Microsoft.CodeAnalysis.(CSharp.)?BannedApiAnalyzers)" "$out/$name.log" | head -8
done
uptime
