using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine.Sdks;

/// <summary>
/// A built-in map for an SDK nobody can annotate ("Built-in SDK maps" in DESIGN.md): the terms its members
/// require, and the implications and destructive scopes of its vendor's vocabulary. One instance per process,
/// its data loaded once, lazily, the first time a compilation references the SDK.
/// </summary>
internal abstract class SdkMap
{
    /// <summary>The simple name of the SDK's assembly (<c>Octokit</c>, <c>Microsoft.Graph</c>).</summary>
    public abstract string AssemblyName { get; }

    /// <summary>
    /// The terms (<see cref="Term"/> keys) calling <paramref name="member"/> (an original definition declared in
    /// the SDK's assembly) requires: empty when it is no API call (a model's property, a helper);
    /// <see cref="ScopeIndex.Undetermined"/> when it is an API call the map cannot resolve (never silently nothing).
    /// Only the member's own mapping: the engine adds those of its property, overridden and implemented members.
    /// </summary>
    public abstract ImmutableArray<string> TermsOf(ISymbol member, SdkSettings settings);

    /// <summary>The vendor's implications (holding <c>Scope</c> grants <c>Implied</c>), for the catalog.</summary>
    public abstract IEnumerable<(string Scope, string Implied)> Implications(SdkSettings settings);

    /// <summary>The scopes the vendor's data makes destructive (least privileged for a <c>DELETE</c>).</summary>
    public abstract IEnumerable<string> DestructiveScopes(SdkSettings settings);
}

/// <summary>The options that choose between variants of a map (<c>permission_analyzer.*</c> global options).</summary>
internal sealed class SdkSettings : IEquatable<SdkSettings>
{
    public const string GraphPermissionTypeKey = "permission_analyzer.graph_permission_type";

    public static readonly SdkSettings Default = new(graphApplicationPermissions: false);

    public SdkSettings(bool graphApplicationPermissions) => GraphApplicationPermissions = graphApplicationPermissions;

    /// <summary><c>permission_analyzer.graph_permission_type = application</c>: app-only Graph permissions.</summary>
    public bool GraphApplicationPermissions { get; }

    public static SdkSettings From(Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions? options) =>
        options?.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(GraphPermissionTypeKey, out var value) == true
            && string.Equals(value.Trim(), "application", StringComparison.OrdinalIgnoreCase)
            ? new SdkSettings(graphApplicationPermissions: true)
            : Default;

    public bool Equals(SdkSettings? other) => other is not null && other.GraphApplicationPermissions == GraphApplicationPermissions;

    public override bool Equals(object? obj) => Equals(obj as SdkSettings);

    public override int GetHashCode() => GraphApplicationPermissions ? 1 : 0;
}

/// <summary>The built-in maps that apply to one compilation (their SDK is referenced), with the settings in force.</summary>
internal sealed class SdkMapSet
{
    /// <summary>Every built-in map the package ships. Add a map here.</summary>
    private static readonly ImmutableArray<SdkMap> Known = ImmutableArray.Create<SdkMap>(new GitHub.OctokitMap(), GraphMap.Instance, GraphCoreMap.Instance);

    public static readonly SdkMapSet None = new(ImmutableDictionary<IAssemblySymbol, SdkMap>.Empty, SdkSettings.Default);

    private readonly ImmutableDictionary<IAssemblySymbol, SdkMap> byAssembly;

    private SdkMapSet(ImmutableDictionary<IAssemblySymbol, SdkMap> byAssembly, SdkSettings settings)
    {
        this.byAssembly = byAssembly;
        Settings = settings;
    }

    public SdkSettings Settings { get; }

    public bool IsEmpty => byAssembly.IsEmpty;

    public IEnumerable<SdkMap> Maps => byAssembly.Values;

    /// <summary>The maps whose SDK assembly the compilation references; no map data is loaded here.</summary>
    public static SdkMapSet For(Compilation compilation, SdkSettings settings)
    {
        if (Known.IsEmpty)
        {
            return None;
        }

        ImmutableDictionary<IAssemblySymbol, SdkMap>.Builder? found = null;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            foreach (var map in Known)
            {
                if (assembly.Name == map.AssemblyName)
                {
                    (found ??= ImmutableDictionary.CreateBuilder<IAssemblySymbol, SdkMap>(SymbolEqualityComparer.Default)).Add(assembly, map);
                }
            }
        }

        return found is null ? None : new SdkMapSet(found.ToImmutable(), settings);
    }

    /// <summary>The map of the SDK that declares <paramref name="symbol"/>, or null.</summary>
    public SdkMap? MapOf(ISymbol symbol) =>
        !byAssembly.IsEmpty && symbol.ContainingAssembly is { } assembly && byAssembly.TryGetValue(assembly, out var map) ? map : null;

    /// <summary>The built-in terms of <paramref name="symbol"/> itself, or empty.</summary>
    public ImmutableArray<string> TermsOf(ISymbol symbol) =>
        MapOf(symbol) is { } map ? map.TermsOf(symbol.OriginalDefinition, Settings) : ImmutableArray<string>.Empty;
}
