using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Engine.Sdks.Graph;

namespace PermissionAnalyzer.Engine.Sdks;

/// <summary>
/// Microsoft.Graph.Core, the hand-written half of the Graph SDK: its request builders (<c>BatchRequestBuilder</c>,
/// behind <c>GraphServiceClient.Batch</c>) send requests whose URLs are decided at run time (the steps of a batch), so
/// every sending method is an undetermined use (PA0009), never silently nothing.
/// </summary>
internal sealed class GraphCoreMap : SdkMap
{
    public static readonly GraphCoreMap Instance = new();

    private GraphCoreMap()
    {
    }

    public override string AssemblyName => "Microsoft.Graph.Core";

    public override ImmutableArray<string> TermsOf(ISymbol member, SdkSettings settings) =>
        member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } method
            && method.Name.EndsWith("Async", StringComparison.Ordinal)
            && (method.ContainingType.Name == "BatchRequestBuilder" || GraphMap.IsRequestBuilder(method.ContainingType))
            ? GraphMapData.UndeterminedTerms
            : ImmutableArray<string>.Empty;

    public override IEnumerable<(string Scope, string Implied)> Implications(SdkSettings settings) => Enumerable.Empty<(string, string)>();

    public override IEnumerable<string> DestructiveScopes(SdkSettings settings) => Enumerable.Empty<string>();
}
