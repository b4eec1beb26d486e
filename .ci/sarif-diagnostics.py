#!/usr/bin/env python3
"""Prints the PermissionAnalyzer diagnostics of a SARIF 2.1 log, one per line, sorted:
   ID FILE:LINE:COLUMN LEVEL MESSAGE   (FILE relative to the given base directory)
With --help-links, also checks that every PA rule in the log carries its help link."""
import json, os, sys
from urllib.parse import unquote, urlparse

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sarif, base = args[0], os.path.realpath(args[1])
    check_links = "--help-links" in sys.argv
    log = json.load(open(sarif, encoding="utf-8-sig"))
    lines, problems = set(), []
    for run in log.get("runs", []):
        rules = {r["id"]: r for r in run.get("tool", {}).get("driver", {}).get("rules", [])}
        for result in run.get("results", []):
            rule = result.get("ruleId", "")
            if not rule.startswith("PA"):
                continue
            if check_links:
                uri = rules.get(rule, {}).get("helpUri", "")
                want = f"/docs/rules/{rule}.md"
                if not uri.startswith("https://") or not uri.endswith(want):
                    problems.append(f"{rule}: help link is '{uri}'")
            for location in result.get("locations", [{}])[:1]:
                physical = location.get("physicalLocation", {})
                path = unquote(urlparse(physical.get("artifactLocation", {}).get("uri", "")).path)
                region = physical.get("region", {})
                rel = os.path.relpath(os.path.realpath(path), base) if path else "?"
                lines.add(f"{rule} {rel}:{region.get('startLine')}:{region.get('startColumn')} "
                          f"{result.get('level', 'warning')} {result['message']['text']}")
    for line in sorted(lines):
        print(line)
    for problem in problems:
        print("HELP LINK PROBLEM: " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)

main()
