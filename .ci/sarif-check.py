#!/usr/bin/env python3
"""Compares the PermissionAnalyzer diagnostics of a SARIF 2.1 build log with an expected list, one per line:
   FILE:LINE:COLUMN: LEVEL ID: MESSAGE   (FILE relative to the project directory)
and checks that every PA rule in the log carries its absolute help link and that its page exists.
   sarif-check.py LOG.sarif PROJECT_DIR EXPECTED.txt [--update]
--update rewrites EXPECTED.txt from the log. Exits 1, with a diff, on any mismatch or error."""
import difflib, json, os, sys, urllib.parse, urllib.request

sarif_path, sample_dir, expected_path = sys.argv[1:4]
mode = sys.argv[4] if len(sys.argv) > 4 else ""
repo_root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
name = os.environ.get("SARIF_CHECK_NAME", "sarif-check")
help_base = "https://github.com/PermissionAnalyzer/PermissionAnalyzer/blob/main/docs/rules/"
# Every rule with a page must be listed by the analyzers the build loaded.
rule_ids = sorted(f[:-3] for f in os.listdir(os.path.join(repo_root, "docs", "rules")) if f.startswith("PA") and f.endswith(".md"))
problems = []

with open(sarif_path, encoding="utf-8") as f:
    log = json.load(f)
if log.get("version") != "2.1.0":
    sys.exit(f"{name}: expected a SARIF 2.1.0 log, got {log.get('version')}")

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
    problems.append("the build has errors:\n  " + "\n  ".join(errors))
for line in others:
    print(f"{name}: note, non-PA diagnostic: {line}")

if mode == "--update":
    with open(expected_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in actual))
    print(f"{name}: wrote {len(actual)} diagnostics to {os.path.relpath(expected_path, repo_root)}")
else:
    with open(expected_path, encoding="utf-8") as f:
        expected = [line.rstrip("\n") for line in f if line.strip()]
    if expected != actual:
        diff = difflib.unified_diff(expected, actual, "expected-diagnostics.txt", "actual", lineterm="")
        problems.append("the diagnostics differ from the expected list:\n" + "\n".join(diff))

if problems:
    for problem in problems:
        print(f"{name}: " + problem)
    sys.exit(1)

counts = {}
for line in actual:
    rid = line.split(": ", 2)[1].split()[1]
    counts[rid] = counts.get(rid, 0) + 1
print(f"{name}: OK, " + ", ".join(f"{n} {rid}" for rid, n in sorted(counts.items())) + f" ({len(actual)} diagnostics)")
