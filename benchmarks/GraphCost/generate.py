#!/usr/bin/env python3
"""Generates two copies of a Graph app with N distinct request-builder calls (GetAsync/DeleteAsync of builders the
built-in map resolves), from the generator's --report: one analyzed by PermissionAnalyzer (a [GrantedScopes]
principal owns the calls), one by BannedApiAnalyzers banning the same N members (BannedSymbols.txt).
   generate.py REPORT.tsv OUT_DIR REPO_ROOT N [EXCLUDE.txt]"""
import os, random, sys

report, out, root, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
exclude = set(open(sys.argv[5]).read().split()) if len(sys.argv) > 5 else set()

# BannedSymbols.txt needs full documentation IDs (with parameters): from the SDK's XML documentation.
import glob, re
xml = glob.glob(os.path.join(os.environ.get("NUGET_PACKAGES", os.path.expanduser("~/.nuget/packages")), "microsoft.graph", "6.10.0", "lib", "net10.0", "Microsoft.Graph.xml"))[0]
doc_ids = {}
for match in re.finditer(r'name="(M:([^"(]+)\([^"]*\))"', open(xml, encoding="utf-8").read()):
    doc_ids.setdefault(match.group(2), []).append(match.group(1))

candidates = []
for line in open(report, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    type_name, method, verb, path, rule = f[0], f[1], f[2], f[3], f[4]
    if method not in ("GetAsync", "DeleteAsync") or rule == "undetermined" or not type_name.startswith("Microsoft.Graph."):
        continue
    parts = type_name.split(".")[2:]
    namespace, type_ = parts[:-1], parts[-1]
    if not namespace or any(p in ("Value", "Count") or "With" in p for p in namespace):
        continue
    last = namespace[-1]
    if not (type_ == last + "RequestBuilder" or (last == "Item" and type_.endswith("ItemRequestBuilder"))):
        continue
    if "(" in path:
        continue
    expression = "client"
    for p in namespace:
        # Kiota appends "Namespace" to a namespace segment that would clash with a type name (DirectoryNamespace).
        expression += '["x"]' if p == "Item" else "." + (p[:-len("Namespace")] if p.endswith("Namespace") else p)
    candidates.append((f"{type_name}.{method}", expression, method))

# A fixed shuffle, then the first N not excluded: excluding a member replaces it and keeps the others.
random.seed(13)
shuffled = sorted(set(candidates))
random.shuffle(shuffled)
chosen = sorted([c for c in shuffled if c[0] not in exclude][:count])

def project(name, analyzer_items, extra_items=""):
    return f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>disable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);CS1998;NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Graph" Version="6.10.0" />
{analyzer_items}
  </ItemGroup>
{extra_items}
</Project>
"""

body = []
for i, (key, expression, method) in enumerate(chosen):
    body.append(f"    public System.Threading.Tasks.Task Call{i}(GraphServiceClient client) => {expression}.{method}();")
source = "using Microsoft.Graph;\nusing PermissionAnalyzer;\n\n[GrantedScopes(\"User.Read\")]\npublic sealed class Calls\n{\n" + "\n".join(body) + "\n}\n"

for name in ("PermissionAnalyzer", "BannedApiAnalyzers"):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    if name == "PermissionAnalyzer":
        items = f"""    <ProjectReference Include="{root}/src/PermissionAnalyzer/PermissionAnalyzer.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="{root}/src/PermissionAnalyzer.Annotations/PermissionAnalyzer.Annotations.csproj" />"""
        text = source
        extra = ""
    else:
        items = """    <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="3.3.4" PrivateAssets="all" />"""
        text = source.replace("using PermissionAnalyzer;\n", "").replace("[GrantedScopes(\"User.Read\")]\n", "")
        extra = """  <ItemGroup>
    <AdditionalFiles Include="BannedSymbols.txt" />
  </ItemGroup>"""
        with open(os.path.join(folder, "BannedSymbols.txt"), "w") as f:
            for key, _, _ in chosen:
                for doc_id in doc_ids.get(key, [f"M:{key}"]):
                    f.write(f"{doc_id};Graph call\n")
    with open(os.path.join(folder, name + "Cost.csproj"), "w") as f:
        f.write(project(name, items, extra))
    with open(os.path.join(folder, "Calls.cs"), "w") as f:
        f.write(text)
with open(os.path.join(out, "calls.txt"), "w") as f:
    f.write("\n".join(key for key, _, _ in chosen))
print(f"{len(chosen)} calls of {len(set(candidates)) - len(exclude)} candidates")
