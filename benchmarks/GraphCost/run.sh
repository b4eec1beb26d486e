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

# Drop members the generated navigation cannot reach (a property named unlike its namespace), then regenerate.
dotnet build "$out/BannedApiAnalyzers" -c Release -nologo -v:q 2>&1 | grep -oE "Calls.cs\([0-9]+" | sed 's/.*(//' | sort -u > "$out/bad-lines.txt" || true
if [ -s "$out/bad-lines.txt" ]; then
  python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
lines = open(f"{out}/BannedApiAnalyzers/Calls.cs").read().split("\n")
bad = set()
for number in open(f"{out}/bad-lines.txt").read().split():
    text = lines[int(number) - 1]
    if "=>" in text:
        # the member: Microsoft.Graph.<namespace>.<Type>.<Method> is not in the line; exclude by call index
        bad.add(text.split("Call")[1].split("(")[0])
open(f"{out}/bad-calls.txt", "w").write("\n".join(sorted(bad)))
PY
  python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
bad = set(open(f"{out}/bad-calls.txt").read().split())
banned = open(f"{out}/BannedApiAnalyzers/BannedSymbols.txt").read().split("\n")
members = [b.split(";")[0][2:] for b in banned if b]
excluded = [members[int(i)] for i in bad]
open(f"{out}/exclude.txt", "w").write("\n".join(excluded))
PY
  rm -rf "$out/PermissionAnalyzer" "$out/BannedApiAnalyzers"
  python3 "$root/benchmarks/GraphCost/generate.py" "$out/report.tsv" "$out" "$root" "$n" "$out/exclude.txt"
fi

uptime
for name in PermissionAnalyzer BannedApiAnalyzers; do
  dotnet build "$out/$name" -c Release -nologo -v:q > /dev/null 2>&1 || true
  dotnet build "$out/$name" -c Release -nologo --no-incremental --no-dependencies -p:UseSharedCompilation=false \
    -p:ReportAnalyzer=true -v:d > "$out/$name.log" 2>&1 || true
  echo "== $name: $(grep -cE "warning (PA|RS0030)" "$out/$name.log") warnings"
  grep -E "Total analyzer execution time|^\s+[0-9.]+ +[0-9]+ +(PermissionAnalyzer|Microsoft.CodeAnalysis.BannedApiAnalyzers)" "$out/$name.log" | head -6
done
uptime
