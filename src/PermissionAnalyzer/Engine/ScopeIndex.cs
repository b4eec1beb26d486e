using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine.Sdks;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// The engine's per-compilation facts, shared by every analyzer and every principal of one compilation:
/// each member's declared requirement, each body's use sites and each body's transitive summary are
/// computed once, on demand, and are safe to read from concurrent analyzer callbacks. Every walk takes the
/// caller's cancellation token; a cancelled or failed computation is never remembered (<see cref="Memo{T}"/>).
/// </summary>
/// <remarks>
/// One partial file per concern:
/// <list type="bullet">
/// <item><c>ScopeIndex.cs</c>: making and sharing the index of a compilation (<see cref="For(Compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions?)"/>).</item>
/// <item><c>.AnnotationGate.cs</c>: whether to analyze at all, from source text and reference names, before any binding.</item>
/// <item><c>.Ownership.cs</c>: which principal owns a member's code; the assembly principal's declaration.</item>
/// <item><c>.DeclaredRequirements.cs</c>: what using a member requires by declaration, inherited from property, types, overridden members.</item>
/// <item><c>.InterfaceImplementations.cs</c>: the interface members a method implements without naming them.</item>
/// <item><c>.Receivers.cs</c>: the implementation a call runs for its receiver's static type.</item>
/// <item><c>.ReflectionEntryPoints.cs</c>: the reflection methods whose use cannot be determined.</item>
/// <item><c>.MemberSites.cs</c>: the use sites of each member's own code (<see cref="SitesOf"/>).</item>
/// <item><c>.CycleSummaries.cs</c>: what each member reaches transitively, by strongly connected components (<see cref="SummaryOf"/>).</item>
/// <item><c>.ChainMemos.cs</c>: the chain from a use to its API, and the principals a chain passes through (<see cref="ChainFrom"/>).</item>
/// <item><c>.Maps.cs</c>: scope maps, built-in SDK maps and the scope catalog.</item>
/// <item><c>.FaultInjection.cs</c>: test-only faults, read once per index.</item>
/// </list>
/// </remarks>
internal sealed partial class ScopeIndex
{
    /// <summary>The pseudo-scope of uses that cannot be determined (dynamic, reflection).</summary>
    public const string Undetermined = "\0undetermined";

    private static readonly ConditionalWeakTable<Compilation, IndexHolder> Shared = new();

    private ScopeIndex(Compilation compilation, ScopeMapSet maps, SdkMapSet sdks)
    {
        Compilation = compilation;
        Maps = maps;
        Sdks = sdks;
        DisposeMethod = compilation.GetSpecialType(SpecialType.System_IDisposable).GetMembers("Dispose").OfType<IMethodSymbol>().FirstOrDefault();
        AsyncDisposeMethod = compilation.GetTypeByMetadataName("System.IAsyncDisposable")?.GetMembers("DisposeAsync").OfType<IMethodSymbol>().FirstOrDefault();
        declaresAssemblyPrincipal = compilation.Assembly.GetAttributes().Any(a => AttributeNames.Classify(a) is ScopeAttributeKind.GrantedScopes or ScopeAttributeKind.FeatureNeeds);
        Faults = !FaultsForTesting.IsEmpty && compilation.AssemblyName is { } name && FaultsForTesting.TryGetValue(name, out var faults) ? faults : EngineFaults.None;
    }

    public Compilation Compilation { get; }

    public IMethodSymbol? DisposeMethod { get; }

    public IMethodSymbol? AsyncDisposeMethod { get; }

    /// <summary>
    /// The semantic model of a tree, asked for where it is needed and not kept: inside the analyzer driver the
    /// compilation hands out the driver's own cached model (which already holds the bodies the compiler bound), so
    /// holding models here would only keep them alive for the compilation's life.
    /// </summary>
#pragma warning disable RS1030 // Reading other members' bodies is the engine's design; inside the driver this returns the driver's model.
    public SemanticModel GetSemanticModel(SyntaxTree tree) => Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    /// <summary>
    /// The index of a compilation as the analyzers see it, with the scope maps among the additional files of
    /// <paramref name="options"/>. One index per compilation and set of maps: a host that changes a map keeps
    /// the compilation, so the maps (and the options that choose a built-in map's variant) are part of the key.
    /// </summary>
    public static ScopeIndex For(Compilation compilation, AnalyzerOptions? options)
    {
        var files = ScopeMapSet.FilesOf(options, CancellationToken.None);
        var settings = SdkSettings.From(options);
        var holder = Shared.GetValue(compilation, _ => new IndexHolder());
        lock (holder)
        {
            if (holder.Current is { } current && current.Maps.IsFrom(files) && current.Sdks.Settings.Equals(settings))
            {
                return current;
            }

            return holder.Current = new ScopeIndex(compilation, ScopeMapSet.Create(files), SdkMapSet.For(compilation, settings));
        }
    }

    /// <summary>
    /// The index the analyzers use for the compilation, or one without map files (built-in SDK maps with default
    /// settings) when none was made.
    /// </summary>
    public static ScopeIndex For(Compilation compilation)
    {
        var holder = Shared.GetValue(compilation, _ => new IndexHolder());
        lock (holder)
        {
            return holder.Current ??= new ScopeIndex(compilation, ScopeMapSet.Empty, SdkMapSet.For(compilation, SdkSettings.Default));
        }
    }

    private sealed class IndexHolder
    {
        public ScopeIndex? Current { get; set; }
    }
}
