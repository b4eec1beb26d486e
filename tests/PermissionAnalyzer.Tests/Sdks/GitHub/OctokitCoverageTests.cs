using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PermissionAnalyzer.Engine.Sdks.GitHub;
using Xunit;
using Xunit.Abstractions;

namespace PermissionAnalyzer.Tests.Sdks.GitHub;

/// <summary>
/// What the GitHub map makes of Octokit 14.0.0 as a whole: every public method of its client classes classified
/// (docs/sdks/github.md, "Coverage"). The figures are pinned: a change to the map or the data that moves them
/// must update them here and in the docs.
/// </summary>
public class OctokitCoverageTests
{
    private readonly ITestOutputHelper output;

    public OctokitCoverageTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void EveryClientMethodOfOctokit14_IsClassifiedAsTheDocsSay()
    {
        var types = AllTypes(OctokitAssembly().GlobalNamespace)
            .Where(t => t.DeclaredAccessibility == Accessibility.Public && OctokitMap.IsClientType(t))
            .ToList();
        var classes = types.Where(t => t is { TypeKind: TypeKind.Class, IsAbstract: false }).ToList();

        var apiClients = Measure("classes deriving from ApiClient", classes.Where(DerivesFromApiClient));
        var otherClients = Measure("other client classes", classes.Where(t => !DerivesFromApiClient(t) && !IsRawConnection(t)));
        var raw = Measure("raw connections", classes.Where(IsRawConnection));
        var interfaces = Measure("client interfaces", types.Where(t => t.TypeKind == TypeKind.Interface));

        // (types, public methods, with [ManualRoute], not an API call, mapped, metadata only, no route, route not in data)
        Assert.Equal((116, 1197, 1194, 0, 746, 102, 3, 346), apiClients);
        Assert.Equal((5, 10, 4, 5, 0, 0, 1, 4), otherClients);
        Assert.Equal((2, 77, 0, 2, 0, 0, 75, 0), raw);
        Assert.Equal((123, 1276, 2, 4, 744, 102, 77, 349), interfaces);
    }

    private (int Types, int Methods, int WithRoute, int NotApiCall, int Mapped, int MetadataOnly, int NoRoute, int RouteNotInData) Measure(string label, IEnumerable<INamedTypeSymbol> types)
    {
        var list = types.ToList();
        var methods = list
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .Where(m => m is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public })
            .ToList();
        var withRoute = methods.Count(m => m.GetAttributes().Any(a => a.AttributeClass?.Name == "ManualRouteAttribute"));
        var kinds = methods.Select(m => OctokitMap.Classify(m, out _)).ToList();
        int Count(OctokitMemberKind kind) => kinds.Count(k => k == kind);

        output.WriteLine($"{label}: {list.Count} types, {methods.Count} public methods, {withRoute} with [ManualRoute]");
        foreach (var kind in kinds.Distinct().OrderBy(k => k))
        {
            output.WriteLine($"  {kind}: {Count(kind)}");
        }

        return (list.Count, methods.Count, withRoute, Count(OctokitMemberKind.NotApiCall), Count(OctokitMemberKind.Mapped),
            Count(OctokitMemberKind.MetadataOnly), Count(OctokitMemberKind.NoRoute), Count(OctokitMemberKind.RouteNotInData));
    }

    private static bool DerivesFromApiClient(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "ApiClient")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRawConnection(INamedTypeSymbol type) => type.Name is "Connection" or "ApiConnection";

    private static IAssemblySymbol OctokitAssembly()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "netstandard.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Coverage", references: platform.Append(OctokitMapTests.Octokit));
        return (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(OctokitMapTests.Octokit)!;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in AllTypes(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in AllTypes(type))
                {
                    yield return nested;
                }
            }
        }
    }
}
