#!/usr/bin/env bash
# permission-report as a user gets it, and its HTML in a real browser:
#   1. installs Chromium from Debian's packages when it is missing (apt-get; sudo when not root);
#   2. packs src/PermissionAnalyzer.Report and installs the tool from that nupkg into a temporary tool path
#      (with a private NuGet cache, so an older copy of the same version cannot stand in for it);
#   3. runs `permission-report` on each sample: three files each, exit code 1 (findings), and the JSON equal to
#      the checked-in expected report;
#   4. runs tests/PermissionAnalyzer.Report.Tests: expected JSON and Markdown, the schema, exit codes, and the HTML in
#      headless Chromium (DOM, console, screenshot). Screenshots and reports are kept in artifacts/report/.
#   bash .ci/report-check.sh [RESULTS_DIR]   RESULTS_DIR receives the .trx file (default artifacts/report/test-results)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
export MSBUILDDISABLENODEREUSE=1

out=artifacts/report
results=${1:-$out/test-results}
rm -rf "$out"
mkdir -p "$out" "$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$SECONDS

step() { printf '\n--> %s (%d s)\n' "$*" "$((SECONDS - started))"; }

step "Chromium"
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
chromium --version

step "pack the tool and install it from the nupkg"
dotnet pack src/PermissionAnalyzer.Report -c Release -o "$work/pack" -v:q -nologo
NUGET_PACKAGES="$work/nuget" dotnet tool install PermissionAnalyzer.Report --version 0.1.0 \
  --tool-path "$work/tools" --add-source "$work/pack"
tool="$work/tools/permission-report"

for sample in MessagingPartners:samples/MessagingPartners/MessagingPartners.csproj SharedHelpers:samples/SharedHelpers/SharedHelpers.sln \
  GitHubBot:samples/GitHubBot/GitHubBot.csproj GraphMail:samples/GraphMail/GraphMail.csproj; do
  name=${sample%%:*}
  input=${sample#*:}
  step "permission-report $input"
  dotnet restore "$input" -v:q -nologo
  status=0
  "$tool" "$input" -o "$out/$name-tool" --root "$PWD" || status=$?
  if [ "$status" -ne 1 ]; then
    echo "permission-report on $input exited with $status; expected 1 (findings)"
    exit 1
  fi
  for file in html md json; do
    test -s "$out/$name-tool/permission-report.$file" || { echo "missing $out/$name-tool/permission-report.$file"; exit 1; }
  done
  if ! diff -u "tests/PermissionAnalyzer.Report.Tests/Expected/$name.report.json" "$out/$name-tool/permission-report.json"; then
    echo "the installed tool's JSON report on $input differs from the expected one"
    exit 1
  fi
done

step "report tests (expected files, schema, exit codes, headless Chromium)"
dotnet test tests/PermissionAnalyzer.Report.Tests -c Release --logger trx --results-directory "$results"

step "done: reports and screenshots in $out/"
ls "$out"/*/permission-report.png
