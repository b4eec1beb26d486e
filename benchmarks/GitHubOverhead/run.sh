#!/usr/bin/env bash
# The analyzer's added build time on a project calling 200 distinct Octokit methods (GenerateCalls.cs), with the
# built-in GitHub map: the same project built from scratch with and without the analyzer, several times each,
# compiler server off. Prints wall times and, with the analyzer, Roslyn's -p:ReportAnalyzer=true figures.
#   bash benchmarks/GitHubOverhead/run.sh [runs=3] [calls=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
runs=${1:-3}
calls=${2:-200}
work=artifacts/bench-github
rm -rf "$work"
mkdir -p "$work"
cp benchmarks/GitHubOverhead/Bench.csproj.template "$work/Bench.csproj"
printf 'is_global = true\ndotnet_diagnostic.PA0004.severity = warning\n' > "$work/bench.globalconfig"
dotnet run benchmarks/GitHubOverhead/GenerateCalls.cs -- "$calls" "$work/EveryCall.cs"
dotnet build src/PermissionAnalyzer -c Release -nologo -v:q > /dev/null
dotnet build "$work/Bench.csproj" -c Release -nologo -v:q > /dev/null

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for run in $(seq 1 "$runs"); do
  for with in false true; do
    log="$work/build-$with-$run.log"
    start=$(date +%s.%N)
    dotnet build "$work/Bench.csproj" -c Release -nologo --no-dependencies --no-incremental -p:UseSharedCompilation=false \
      -p:WithAnalyzer=$with -p:ReportAnalyzer=true -v:d > "$log" 2>&1
    end=$(date +%s.%N)
    analyzer=$(grep -m1 -E "PermissionAnalyzer, Version" "$log" | sed 's/^ *//' || true)
    total=$(grep -m1 -E "Total analyzer execution time" "$log" | sed 's/^ *//' || true)
    printf 'run %s analyzer=%-5s wall %6.2fs  %s  %s\n' "$run" "$with" "$(echo "$end - $start" | bc)" "$total" "$analyzer"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h -E "warning PA|info PA" "$work"/build-true-1.log | sed 's/.*: \(warning\|info\) /\1 /' | sort | uniq -c | sort -rn | head -5 || true
