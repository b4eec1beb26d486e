#!/usr/bin/env bash
# Builds samples/MessagingPartners from a clean state with a SARIF log, extracts its PermissionAnalyzer
# diagnostics and compares them with samples/MessagingPartners/expected-diagnostics.txt; checks that every
# PA rule in the log carries its help link. Exits non-zero, with the diff, on any mismatch.
#   bash .ci/sample-check.sh            check
#   bash .ci/sample-check.sh --update   rewrite the expected file from the current output
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

sample=samples/MessagingPartners
expected=$sample/expected-diagnostics.txt
out=artifacts/sample-check
sarif=$PWD/$out/MessagingPartners.sarif
configuration=Release
rm -rf "$out"
mkdir -p "$out"

# 1. The command a newcomer runs: it builds the analyzer and the attributes, then the sample.
dotnet build "$sample" -c "$configuration" -nologo -v:q > "$out/build.log" 2>&1 || {
  cat "$out/build.log"; echo "sample-check: the sample does not build"; exit 1; }

# 2. The sample alone, rebuilt from scratch, with the SARIF log. Only the sample: ErrorLog is a global
#    property, so building the referenced projects here would make them write the same log. No compiler
#    server, so the analyzer just built is the one that runs.
dotnet build "$sample" -c "$configuration" -nologo -v:q --no-dependencies --no-incremental \
  -p:UseSharedCompilation=false "-p:ErrorLog=$sarif%2Cversion=2.1" > "$out/rebuild.log" 2>&1 || {
  cat "$out/rebuild.log"; echo "sample-check: the sample does not rebuild"; exit 1; }

python3 - "$sarif" "$PWD/$sample" "$expected" "$PWD" "${1:-}" <<'PY'
import difflib, json, os, sys, urllib.parse, urllib.request

sarif_path, sample_dir, expected_path, repo_root, mode = sys.argv[1:6]
help_base = "https://github.com/PermissionAnalyzer/PermissionAnalyzer/blob/main/docs/rules/"
rule_ids = [f"PA{n:04d}" for n in range(1, 10)]
problems = []

with open(sarif_path, encoding="utf-8") as f:
    log = json.load(f)
if log.get("version") != "2.1.0":
    sys.exit(f"sample-check: expected a SARIF 2.1.0 log, got {log.get('version')}")

actual = []
others = []
for run in log["runs"]:
    rules = run["tool"]["driver"].get("rules", [])
    listed = set()
    for rule in rules:
        rid = rule["id"]
        if rid.startswith("PA"):
            # The live and the compilation-end analyzer report the same IDs, so an ID may be listed twice.
            first = rid not in listed
            listed.add(rid)
            if rule.get("helpUri") != help_base + rid + ".md":
                problems.append(f"rule {rid}: helpUri is {rule.get('helpUri')!r}, expected {help_base + rid + '.md'!r}")
            if first and not os.path.isfile(os.path.join(repo_root, "docs", "rules", rid + ".md")):
                problems.append(f"rule {rid}: docs/rules/{rid}.md does not exist")
    for rid in rule_ids:
        if rid not in listed:
            problems.append(f"rule {rid}: not listed in the SARIF log's rules")

    for result in run.get("results", []):
        rid = result["ruleId"]
        level = result.get("level", "warning")
        if result.get("suppressions"):
            continue
        location = result["locations"][0]["physicalLocation"]
        uri = urllib.parse.urlparse(location["artifactLocation"]["uri"])
        path = os.path.relpath(urllib.request.url2pathname(uri.path), sample_dir).replace(os.sep, "/")
        region = location["region"]
        line = f"{path}:{region['startLine']}:{region['startColumn']}: {level} {rid}: {result['message']['text']}"
        if rid.startswith("PA"):
            index = result.get("ruleIndex")
            if index is None or rules[index].get("helpUri") != help_base + rid + ".md":
                problems.append(f"result {line}: its rule carries no help link to {help_base + rid + '.md'}")
            actual.append(line)
        elif level in ("warning", "error"):
            others.append(line)

def sort_key(line):
    path, line_no, column, rest = line.split(":", 3)
    return (path, int(line_no), int(column), rest)

actual.sort(key=sort_key)
errors = [line for line in actual + others if ": error " in line]
if errors:
    problems.append("the sample has errors:\n  " + "\n  ".join(errors))
for line in others:
    print(f"sample-check: note, non-PA diagnostic: {line}")

if mode == "--update":
    with open(expected_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in actual))
    print(f"sample-check: wrote {len(actual)} diagnostics to {os.path.relpath(expected_path, repo_root)}")
else:
    with open(expected_path, encoding="utf-8") as f:
        expected = [line.rstrip("\n") for line in f if line.strip()]
    if expected != actual:
        diff = difflib.unified_diff(expected, actual, "expected-diagnostics.txt", "actual", lineterm="")
        problems.append("the diagnostics differ from the expected list:\n" + "\n".join(diff))

if problems:
    for problem in problems:
        print("sample-check: " + problem)
    sys.exit(1)

counts = {}
for line in actual:
    rid = line.split(": ", 2)[1].split()[1]
    counts[rid] = counts.get(rid, 0) + 1
print("sample-check: OK, " + ", ".join(f"{n} {rid}" for rid, n in sorted(counts.items())) + f" ({len(actual)} diagnostics)")
PY
