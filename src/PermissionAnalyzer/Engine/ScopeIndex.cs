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
using PermissionAnalyzer.Engine.Sdks;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// The engine's per-compilation facts, shared by every analyzer and every principal of one compilation:
/// each member's declared requirement, each body's use sites and each body's transitive summary are
/// computed once, on demand, and are safe to read from concurrent analyzer callbacks.
/// </summary>
internal sealed partial class ScopeIndex
{
    /// <summary>The pseudo-scope of uses that cannot be determined (dynamic, reflection).</summary>
    public const string Undetermined = "\0undetermined";

    private static readonly ConditionalWeakTable<Compilation, IndexHolder> Shared = new();
    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> AnalysisNeededCache = new();

    /// <summary>Whether a tree writes an attribute's name: trees are shared by the compilations of successive edits.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> WritesAnnotationNameCache = new();

    /// <summary>
    /// Test-only: faults injected into the engine for compilations of the given assembly name, so the
    /// project's differential tests can prove that they notice a broken engine. Nothing else sets it.
    /// </summary>
    internal static readonly ConcurrentDictionary<string, EngineFaults> FaultsForTesting = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<string>> requirements = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Memo<ImmutableArray<Site>>> facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, UseSummary> summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> principalTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, ImmutableArray<ISymbol>>> interfaceImplementations = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<IAssemblySymbol, bool> annotatableAssemblies = new(SymbolEqualityComparer.Default);
    private readonly Memo<HashSet<string>> attributeDefiners = new();
    private readonly Memo<PrincipalDeclaration> assemblyDeclaration = new();

    private ScopeIndex(Compilation compilation, ScopeMapSet maps, SdkMapSet sdks)
    {
        Compilation = compilation;
        Maps = maps;
        Sdks = sdks;
        DisposeMethod = compilation.GetSpecialType(SpecialType.System_IDisposable).GetMembers("Dispose").OfType<IMethodSymbol>().FirstOrDefault();
        AsyncDisposeMethod = compilation.GetTypeByMetadataName("System.IAsyncDisposable")?.GetMembers("DisposeAsync").OfType<IMethodSymbol>().FirstOrDefault();
        IsAssemblyPrincipal = compilation.Assembly.GetAttributes().Any(a => AttributeNames.Classify(a) is ScopeAttributeKind.GrantedScopes or ScopeAttributeKind.FeatureNeeds);
        Faults = !FaultsForTesting.IsEmpty && compilation.AssemblyName is { } name && FaultsForTesting.TryGetValue(name, out var faults) ? faults : EngineFaults.None;
    }

    /// <summary>Test-only faults in force for this compilation; see <see cref="FaultsForTesting"/>.</summary>
    internal EngineFaults Faults { get; }

    public Compilation Compilation { get; }

    public IMethodSymbol? DisposeMethod { get; }

    public IMethodSymbol? AsyncDisposeMethod { get; }

    /// <summary>The assembly declares grants or features: it owns all code outside type principals.</summary>
    public bool IsAssemblyPrincipal { get; }


    /// <summary>
    /// Whether anything can be reported at all, decided before any binding: the attributes must be visible,
    /// and source must write one of their names. Every diagnostic needs a principal (<c>GrantedScopes</c>,
    /// <c>FeatureNeeds</c>) or a <c>[RequiresScope]</c> in source, and source names an attribute it applies
    /// (directly, qualified, or through an alias whose declaration names it). When this is false the analyzers
    /// register nothing, and the driver then does not bind the compilation for them.
    /// </summary>
    public static bool AnalysisNeeded(Compilation compilation) =>
        AnalysisNeededCache.GetValue(compilation, c => new StrongBox<bool>(AnnotationsWrittenInSource(c) && AnnotationsVisible(c))).Value;

    /// <summary>
    /// Whether the boundary rules (PA0012, PA0013) have anything to judge: <see cref="AnalysisNeeded"/>, or a
    /// referenced assembly may declare requirements. The second case is a library of helpers that writes no
    /// attribute name but calls annotated APIs of a reference: exactly what PA0012 is about.
    /// </summary>
    public static bool BoundaryAnalysisNeeded(Compilation compilation) =>
        AnalysisNeeded(compilation) || ReferencesAnnotatedAssembly(compilation);

    /// <summary>
    /// Whether a referenced assembly may declare requirements (see <see cref="MayDeclareRequirements"/>).
    /// Decided from assembly identities and one metadata name lookup, before any binding.
    /// </summary>
    public static bool ReferencesAnnotatedAssembly(Compilation compilation)
    {
        var definers = AttributeDefiners(compilation);
        if (definers.Count == 0)
        {
            return false;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (MayDeclareRequirements(assembly, definers))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a member could carry a declared requirement where its callers see it: it is this compilation's;
    /// or its assembly references an assembly that defines <c>RequiresScopeAttribute</c> or defines its own copy;
    /// or it is outside the framework's namespaces (<c>System</c>, <c>Microsoft</c>): a sibling project or a
    /// third-party library, which source or a scope map can annotate. Nobody annotates <c>IDisposable</c> or
    /// <c>object.ToString</c>.
    /// </summary>
    public bool MayDeclareRequirements(ISymbol member)
    {
        var assembly = member.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, Compilation.Assembly)
            || annotatableAssemblies.GetOrAdd(assembly, a => MayDeclareRequirements(a, attributeDefiners.Get((c, _) => AttributeDefiners(c), Compilation, CancellationToken.None)))
            || IsMapped(member))
        {
            return true;
        }

        var ns = member.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is null || ns.IsGlobalNamespace || ns.Name is not ("System" or "Microsoft");
    }

    private static bool MayDeclareRequirements(IAssemblySymbol assembly, HashSet<string> definers)
    {
        if (definers.Contains(assembly.Name) && assembly.Name != AttributeNames.AnnotationsAssemblyName)
        {
            return true;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (definers.Contains(referenced.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The names of the referenced assemblies that define <c>PermissionAnalyzer.RequiresScopeAttribute</c>.</summary>
    private static HashSet<string> AttributeDefiners(Compilation compilation)
    {
        var definers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in compilation.GetTypesByMetadataName(AttributeNames.Namespace + "." + AttributeNames.RequiresScope))
        {
            if (type.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                definers.Add(assembly.Name);
            }
        }

        return definers;
    }

    /// <summary>Whether a syntax tree of the compilation writes one of the attributes' names (the text is searched; no binding).</summary>
    public static bool AnnotationsWrittenInSource(Compilation compilation)
    {
        if (compilation.Assembly.Modules.Skip(1).Any())
        {
            // Added modules bring assembly attributes of their own, written in no tree of this compilation.
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (WritesAnnotationNameCache.GetValue(tree, t => new StrongBox<bool>(WritesAnnotationName(t))).Value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WritesAnnotationName(SyntaxTree tree)
    {
        var search = TextSearch.Of(tree.GetText());
        if (search.WritesName)
        {
            return true;
        }

        if (!search.MayHaveUnicodeEscape)
        {
            return false;
        }

        // An identifier may spell a name with Unicode escapes: compare the identifiers' values.
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                foreach (var name in AttributeNames.SourceNames)
                {
                    if (token.ValueText.StartsWith(name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// One pass over a text in chunks of a small reused buffer (never the whole text as one string): whether it
    /// writes an attribute's name, and whether it may spell one with a Unicode escape (<c>\u</c>, <c>\U</c>).
    /// Consecutive chunks overlap by the longest name, so a name across a chunk boundary is found.
    /// </summary>
    private readonly struct TextSearch
    {
        private const int ChunkSize = 4096;

        private TextSearch(bool writesName, bool mayHaveUnicodeEscape)
        {
            WritesName = writesName;
            MayHaveUnicodeEscape = mayHaveUnicodeEscape;
        }

        public bool WritesName { get; }

        public bool MayHaveUnicodeEscape { get; }

        public static TextSearch Of(Microsoft.CodeAnalysis.Text.SourceText text)
        {
            var overlap = 0;
            foreach (var name in AttributeNames.SourceNames)
            {
                overlap = Math.Max(overlap, name.Length - 1);
            }

            var buffer = new char[ChunkSize + overlap];
            var escape = false;
            var kept = 0;
            for (var position = 0; position < text.Length;)
            {
                var count = Math.Min(ChunkSize, text.Length - position);
                text.CopyTo(position, buffer, kept, count);
                var length = kept + count;
                position += count;
                var chunk = new ReadOnlySpan<char>(buffer, 0, length);

                // Every name but FeatureNeeds contains "Scope": two searches decide for a chunk that writes none of them.
                if (chunk.IndexOf(AttributeNames.FeatureNeedsName.AsSpan()) >= 0)
                {
                    return new TextSearch(writesName: true, mayHaveUnicodeEscape: false);
                }

                if (chunk.IndexOf("Scope".AsSpan()) >= 0)
                {
                    foreach (var name in AttributeNames.SourceNames)
                    {
                        if (chunk.IndexOf(name.AsSpan()) >= 0)
                        {
                            return new TextSearch(writesName: true, mayHaveUnicodeEscape: false);
                        }
                    }
                }

                escape = escape || HasUnicodeEscape(chunk);
                kept = Math.Min(overlap, length);
                Array.Copy(buffer, length - kept, buffer, 0, kept);
            }

            return new TextSearch(writesName: false, escape);
        }

        private static bool HasUnicodeEscape(ReadOnlySpan<char> chunk)
        {
            for (var i = chunk.IndexOf('\\'); i >= 0 && i < chunk.Length - 1; i = NextBackslash(chunk, i + 1))
            {
                if (chunk[i + 1] is 'u' or 'U')
                {
                    return true;
                }
            }

            return false;
        }

        private static int NextBackslash(ReadOnlySpan<char> chunk, int from)
        {
            var next = chunk.Slice(from).IndexOf('\\');
            return next < 0 ? -1 : from + next;
        }
    }

    /// <summary>
    /// Whether the attributes are visible at all, decided before any binding by name in source and references.
    /// Without them nothing can be annotated, so nothing is registered.
    /// </summary>
    public static bool AnnotationsVisible(Compilation compilation)
    {
        foreach (var name in AttributeNames.MetadataNames)
        {
            if (compilation.GetTypesByMetadataName(name).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The semantic model of a tree, asked for where it is needed and not kept: inside the analyzer driver the
    /// compilation hands out the driver's own cached model (which already holds the bodies the compiler bound), so
    /// holding models here would only keep them alive for the compilation's life.
    /// </summary>
#pragma warning disable RS1030 // Reading other members' bodies is the engine's design; inside the driver this returns the driver's model.
    public SemanticModel GetSemanticModel(SyntaxTree tree) => Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    /// <summary>The assembly principal's declaration, read once per compilation (every top-level type it owns reports against it).</summary>
    public PrincipalDeclaration AssemblyDeclaration(CancellationToken cancellationToken) =>
        assemblyDeclaration.Get(
            (index, token) => PrincipalDeclaration.Read(index, index.Compilation.Assembly, index.Compilation.Assembly.GetAttributes(), token),
            this,
            cancellationToken);

    public bool IsPrincipal(INamedTypeSymbol type) =>
        principalTypes.GetOrAdd(type.OriginalDefinition, t => t.GetAttributes().Any(a => AttributeNames.Classify(a) is ScopeAttributeKind.GrantedScopes or ScopeAttributeKind.FeatureNeeds));

    /// <summary>
    /// The principal whose code the symbol is: the innermost enclosing type principal, else the assembly
    /// (as <see cref="IAssemblySymbol"/>) when it is a principal and the symbol is in source here, else null.
    /// </summary>
    public ISymbol? OwnerOf(ISymbol symbol)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsPrincipal(type))
            {
                return type.OriginalDefinition;
            }
        }

        return IsAssemblyPrincipal && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly)
            ? Compilation.Assembly
            : null;
    }

    // ---- Declared requirements -------------------------------------------------------------------

    /// <summary>
    /// The terms (<see cref="Term"/> keys, in ordinal order) using <paramref name="symbol"/> requires by
    /// declaration: its own <c>[RequiresScope]</c> and <c>[RequiresAnyScope]</c> and map entries, its
    /// property's or event's, its containing type's (and base classes', the attribute being inherited), and
    /// those of the members it overrides or implements. Reflection entry points require <see cref="Undetermined"/>.
    /// </summary>
    public ImmutableArray<string> RequirementOf(ISymbol symbol) =>
        requirements.GetOrAdd(symbol.OriginalDefinition, ComputeRequirement);

    private ImmutableArray<string> ComputeRequirement(ISymbol symbol)
    {
        SortedSet<string>? scopes = null;
        AddDeclared(symbol, ref scopes);

        if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            // A local function or lambda is no member of its type: only its own attributes apply.
            return scopes is null ? ImmutableArray<string>.Empty : scopes.ToImmutableArray();
        }

        if (symbol is IMethodSymbol method)
        {
            if (method.AssociatedSymbol is { } associated)
            {
                AddDeclared(associated, ref scopes);
            }

            if (method.OverriddenMethod is { } overridden && (Faults & EngineFaults.IgnoreOverriddenRequirements) == 0)
            {
                AddAll(RequirementOf(overridden), ref scopes);
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                AddAll(RequirementOf(implemented), ref scopes);
            }

            foreach (var interfaceMember in ImplicitlyImplemented(method))
            {
                AddAll(RequirementOf(interfaceMember), ref scopes);
            }

            if (IsReflectionEntryPoint(method))
            {
                (scopes ??= new SortedSet<string>(StringComparer.Ordinal)).Add(Undetermined);
            }
        }

        for (var type = symbol.ContainingType; type is not null; type = type.TypeKind == TypeKind.Interface ? null : type.BaseType)
        {
            AddDeclared(type, ref scopes);
        }

        return scopes is null ? ImmutableArray<string>.Empty : scopes.ToImmutableArray();
    }

    private void AddDeclared(ISymbol symbol, ref SortedSet<string>? scopes)
    {
        AddAll(MappedTermsOf(symbol), ref scopes);
        AddAll(Sdks.TermsOf(symbol), ref scopes);
        AddAll(AttributeTermsOf(symbol), ref scopes);
    }

    /// <summary>
    /// The terms the symbol's own attributes declare: each valid scope of a <c>[RequiresScope]</c> is a term, each
    /// <c>[RequiresAnyScope]</c> one term of its valid scopes (<see cref="Term"/>). Scope maps are not read here.
    /// </summary>
    public static ImmutableArray<string> AttributeTermsOf(ISymbol symbol)
    {
        ImmutableArray<string>.Builder? terms = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            var kind = AttributeNames.Classify(attribute);
            if (kind is not (ScopeAttributeKind.RequiresScope or ScopeAttributeKind.RequiresAnyScope))
            {
                continue;
            }

            var scopes = new List<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind != TypedConstantKind.Array)
                {
                    AddValid(argument.Value as string, scopes);
                }
                else if (!argument.IsNull)
                {
                    foreach (var element in argument.Values)
                    {
                        AddValid(element.Value as string, scopes);
                    }
                }
            }

            terms ??= ImmutableArray.CreateBuilder<string>();
            if (kind == ScopeAttributeKind.RequiresScope)
            {
                terms.AddRange(scopes);
            }
            else if (Term.Of(scopes) is { } term)
            {
                terms.Add(term);
            }
        }

        return terms?.ToImmutable() ?? ImmutableArray<string>.Empty;
    }

    private static void AddValid(string? scope, List<string> scopes)
    {
        if (!string.IsNullOrWhiteSpace(scope))
        {
            scopes.Add(scope!);
        }
    }

    private static void AddAll(ImmutableArray<string> source, ref SortedSet<string>? scopes)
    {
        if (source.IsEmpty)
        {
            return;
        }

        scopes ??= new SortedSet<string>(StringComparer.Ordinal);
        scopes.UnionWith(source);
    }

    /// <summary>
    /// The interface members a method of a class or struct implements without naming them: instance members that
    /// are not sealed, and static abstract or virtual ones (an explicit implementation is listed too).
    /// </summary>
    public ImmutableArray<ISymbol> ImplicitlyImplemented(IMethodSymbol method) =>
        method.ContainingType is { TypeKind: TypeKind.Class or TypeKind.Struct } containing
        && ImplicitImplementations(containing).TryGetValue(method.OriginalDefinition, out var interfaceMembers)
            ? interfaceMembers
            : ImmutableArray<ISymbol>.Empty;

    /// <summary>For each member of <paramref name="type"/>, the interface members it implicitly implements.</summary>
    private ImmutableDictionary<ISymbol, ImmutableArray<ISymbol>> ImplicitImplementations(INamedTypeSymbol type) =>
        interfaceImplementations.GetOrAdd(type.OriginalDefinition, t =>
        {
            var map = new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
            foreach (var @interface in t.AllInterfaces)
            {
                foreach (var interfaceMember in @interface.GetMembers())
                {
                    // Instance members that are not sealed, and static abstract or virtual members, are implemented.
                    if (interfaceMember is not IMethodSymbol method
                        || interfaceMember.IsSealed
                        || (method.IsStatic && !(method.IsAbstract || method.IsVirtual)))
                    {
                        continue;
                    }

                    if (t.FindImplementationForInterfaceMember(interfaceMember) is { } implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingType?.OriginalDefinition, t))
                    {
                        var key = implementation.OriginalDefinition;
                        if (!map.TryGetValue(key, out var list))
                        {
                            map[key] = list = new List<ISymbol>();
                        }

                        list.Add(interfaceMember.OriginalDefinition);
                    }
                }
            }

            return map.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), SymbolEqualityComparer.Default);
        });

    private static bool IsReflectionEntryPoint(IMethodSymbol method)
    {
        // Names first: most methods are none of these, and the namespace is then not looked at.
        var typeName = method.ContainingType?.Name;
        return (typeName, method.Name) switch
        {
            ("MethodBase" or "MethodInfo" or "ConstructorInfo", "Invoke") => IsNamespace(method.ContainingType!.ContainingNamespace, "System", "Reflection"),
            ("Activator", "CreateInstance") => IsNamespace(method.ContainingType!.ContainingNamespace, "System"),
            ("Type", "InvokeMember") => IsNamespace(method.ContainingType!.ContainingNamespace, "System"),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="ns"/> is exactly the namespace named by <paramref name="parts"/>, outermost first.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, params string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    /// <summary>
    /// The receiver type's implementation of a bound member, when the receiver's static type is a class or
    /// struct: the override nearest to it for virtual members, its interface mapping for interface members.
    /// </summary>
    public static ISymbol? ImplementationOn(ITypeSymbol receiverType, ISymbol member)
    {
        if (receiverType.TypeKind is not (TypeKind.Class or TypeKind.Struct) || member.IsStatic)
        {
            return null;
        }

        if (member.ContainingType?.TypeKind == TypeKind.Interface)
        {
            var implementation = receiverType.FindImplementationForInterfaceMember(member);
            if (implementation is null || SymbolEqualityComparer.Default.Equals(implementation, member))
            {
                return null;
            }

            // A virtual implementation in a base class runs as the receiver type's override of it.
            return implementation.ContainingType?.TypeKind != TypeKind.Interface && ImplementationOn(receiverType, implementation) is { } overriding
                ? overriding
                : implementation;
        }

        if (!(member.IsVirtual || member.IsAbstract || member.IsOverride) || member is not IMethodSymbol method)
        {
            return null;
        }

        var target = method.OriginalDefinition;
        for (var type = receiverType as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target.ContainingType))
            {
                return null;
            }

            foreach (var candidate in type.GetMembers(method.Name))
            {
                if (candidate is IMethodSymbol { IsOverride: true } overriding && Overrides(overriding, target))
                {
                    return overriding;
                }
            }
        }

        return null;
    }

    private static bool Overrides(IMethodSymbol overriding, IMethodSymbol target)
    {
        for (var current = overriding.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Kinds of use a test can tell the engine to ignore (<see cref="ScopeIndex.FaultsForTesting"/>).</summary>
[Flags]
internal enum EngineFaults
{
    None = 0,
    IgnoreMethodGroups = 1,
    IgnoreOverriddenRequirements = 2,

    /// <summary>A deconstructing assignment into a property counts its getter instead of its setter.</summary>
    ReadDeconstructionTargets = 4,

    /// <summary>A grant or need covers a term only by equality or a wildcard, never through an implication of the catalog.</summary>
    IgnoreImplications = 8,
}
