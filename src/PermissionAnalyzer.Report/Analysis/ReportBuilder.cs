using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Report.Model;
using PermissionAnalyzer.Rules;

namespace PermissionAnalyzer.Report.Analysis;

/// <summary>
/// Builds the report from the analyzer itself: its four analyzers run through <see cref="CompilationWithAnalyzers"/>
/// for the findings (with the project's .editorconfig severities and scope maps), and its engine, on the same
/// compilation and so the same cached <see cref="ScopeIndex"/>, for what each principal is granted, needs and
/// uses, the least cover L and the evidence chains. Nothing here judges a scope itself.
/// </summary>
internal sealed partial class ReportBuilder
{
    private readonly string root;
    private readonly ConsoleProgress progress;
    private readonly List<PrincipalReport> principals = new();
    private readonly List<Finding> findings = new();
    private int projectsAnalyzed;

    public ReportBuilder(string root, ConsoleProgress progress)
    {
        this.root = root;
        this.progress = progress;
    }

    /// <summary>
    /// Whether the project's restore ran (MSBuildWorkspace does not warn about a missing one): its assets file in its
    /// default place, unless the project moves its intermediate output elsewhere.
    /// </summary>
    private static bool IsRestored(Project project)
    {
        if (project.FilePath is not { } file || !File.Exists(file))
        {
            return true;
        }

        var text = File.ReadAllText(file);
        return File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "obj", "project.assets.json"))
            || text.Contains("IntermediateOutputPath", StringComparison.Ordinal);
    }

    /// <summary>The analyzers of the package, as a build runs them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new PrincipalAnalyzer(),
        new AssemblyPrincipalAnalyzer(),
        new DeclaredRequirementAnalyzer(),
        new ScopeCatalogAnalyzer());

    public async Task<PermissionReport> BuildAsync(LoadedInput input, CancellationToken cancellationToken)
    {
        // A project without its restore still loads, without its package references: its calls into an SDK would
        // bind to nothing and the report would say "unused" where the code uses a scope. Refuse rather than mislead.
        var unrestoredProjects = input.Projects.Where(p => !IsRestored(p)).Select(p => p.Name).ToList();
        if (unrestoredProjects.Count > 0)
        {
            throw new LoadFailure(
                $"{string.Join(", ", unrestoredProjects)} of {Relative(input.InputPath)} is not restored (no obj/project.assets.json): " +
                $"run `dotnet restore {Relative(input.InputPath)}` first");
        }

        var withoutAnnotations = new List<string>();
        for (var i = 0; i < input.Projects.Count; i++)
        {
            var project = input.Projects[i];
            progress.Phase($"analyzing {project.Name} ({i + 1}/{input.Projects.Count})");
            if (!await AnalyzeProjectAsync(project, cancellationToken))
            {
                withoutAnnotations.Add(project.Name);
            }
        }

        if (projectsAnalyzed == 0)
        {
            throw new LoadFailure(
                $"no project of {Relative(input.InputPath)} sees the PermissionAnalyzer attributes ({string.Join(", ", withoutAnnotations)}): " +
                "add <PackageReference Include=\"PermissionAnalyzer\" Version=\"0.1.0\" /> and annotate principals with [GrantedScopes] and [FeatureNeeds]");
        }

        var orderedPrincipals = principals
            .OrderBy(p => p.Kind == "assembly" ? 0 : 1)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.FullName, StringComparer.Ordinal)
            .ThenBy(p => p.Project, StringComparer.Ordinal)
            .ToList();
        var orderedFindings = findings
            .OrderBy(f => f.Location?.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        var scopes = orderedPrincipals.SelectMany(p => p.Cells.Select(c => c.Scope)).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        return new PermissionReport(1, Relative(input.InputPath), Summarize(orderedPrincipals, orderedFindings), scopes, orderedPrincipals, orderedFindings);
    }

    /// <summary>Analyzes one project; false when the attributes are not visible in it (nothing to report).</summary>
    private async Task<bool> AnalyzeProjectAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken)
            ?? throw new LoadFailure($"project {project.FilePath} has no compilation");
        if (compilation.GetSpecialType(SpecialType.System_Object).TypeKind == TypeKind.Error)
        {
            throw new LoadFailure($"project {project.FilePath} does not resolve its references (is it restored? run `dotnet restore {Relative(project.FilePath ?? project.Name)}`)");
        }

        if (!ScopeIndex.AnnotationsVisible(compilation))
        {
            return false;
        }

        projectsAnalyzed++;
        var options = project.AnalyzerOptions;
        var exceptions = new List<string>();
        var probe = new CompilationProbe();
        var withAnalyzers = compilation.WithAnalyzers(
            Analyzers().Add(probe),
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add($"{analyzer}: {exception.Message}");
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);

        progress.Phase($"collecting the principals of {project.Name} ({diagnostics.Length} diagnostics)");

        // The compilation and options the analyzers saw (the driver makes a compilation of its own): the engine's
        // index for them was built and cached while the analyzers ran, so its facts and summaries are reused.
        var analyzed = probe.Compilation ?? withAnalyzers.Compilation;
        options = probe.Options ?? options;
        var owners = new Dictionary<(string Path, TextSpanKey Span), string>();
        var projectPrincipals = new List<PrincipalReport>();
        if (ScopeIndex.AnalysisNeeded(analyzed, options))
        {
            var index = ScopeIndex.For(analyzed, options);
            foreach (var type in SourceTypes(analyzed.Assembly.GlobalNamespace))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (index.IsPrincipal(type))
                {
                    var declaration = PrincipalDeclaration.Read(index, type, type.GetAttributes(), cancellationToken);
                    var uses = PrincipalUses.Find(index, type, PrincipalUses.OwnTypes(index, type), cancellationToken);
                    var words = Options.DestructiveWordsFor(options, type.DeclaringSyntaxReferences);
                    projectPrincipals.Add(Describe(index, project, type, "type", type.ToDisplayString(), declaration, uses, words, owners, cancellationToken));
                }
            }

            if (index.IsAssemblyPrincipal)
            {
                var assembly = analyzed.Assembly;
                var attributes = assembly.GetAttributes();
                var declaration = index.AssemblyDeclaration(cancellationToken);
                var uses = PrincipalUses.Find(index, assembly, AssemblyPrincipalAnalyzer.AssemblyOwnedTypes(index, assembly.GlobalNamespace), cancellationToken);
                var words = Options.DestructiveWordsFor(options, attributes.Select(a => a.ApplicationSyntaxReference).OfType<SyntaxReference>());
                projectPrincipals.Add(Describe(index, project, assembly, "assembly", assembly.Name, declaration, uses, words, owners, cancellationToken));
            }
        }

        var projectFindings = new List<Finding>();
        foreach (var diagnostic in diagnostics)
        {
            if ((!diagnostic.Id.StartsWith("PA", StringComparison.Ordinal) && diagnostic.Id != "AD0001")
                || diagnostic.IsSuppressed
                || diagnostic.Severity == DiagnosticSeverity.Hidden)
            {
                continue;
            }

            string? principal = null;
            if (diagnostic.Location.IsInSource)
            {
                owners.TryGetValue((diagnostic.Location.SourceTree!.FilePath, new TextSpanKey(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.End)), out principal);
            }

            diagnostic.Properties.TryGetValue(DiagnosticProperties.Scope, out var scope);
            projectFindings.Add(new Finding(
                diagnostic.Id,
                SeverityName(diagnostic.Severity),
                diagnostic.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                principal,
                scope,
                LocationOf(diagnostic.Location),
                diagnostic.AdditionalLocations.Select(LocationOf).OfType<SourceLocation>().ToList(),
                diagnostic.Descriptor.HelpLinkUri));
        }

        foreach (var exception in exceptions)
        {
            progress.Done($"warning: an analyzer threw in {project.Name}: {exception}");
        }

        findings.AddRange(projectFindings);
        foreach (var principal in projectPrincipals)
        {
            var own = projectFindings.Where(f => f.Principal == principal.FullName).ToList();
            principals.Add(principal with
            {
                Cells = principal.Cells.Select(c => c with
                {
                    Findings = own.Where(f => f.Scope == c.Scope).Select(f => f.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList(),
                }).ToList(),
                FindingRules = own.Select(f => f.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList(),
            });
        }

        return true;
    }

    private PrincipalReport Describe(
        ScopeIndex index,
        Project project,
        ISymbol principal,
        string kind,
        string fullName,
        PrincipalDeclaration declaration,
        PrincipalUses uses,
        DestructiveWords words,
        Dictionary<(string Path, TextSpanKey Span), string> owners,
        CancellationToken cancellationToken)
    {
        var catalog = index.Catalog;
        var grants = declaration.Grants.Select(g => g.Scope).ToImmutableArray();
        var needs = declaration.Needs.Select(n => n.Scope).ToImmutableArray();
        var judge = new GrantJudge(grants, uses.UsedScopes.ToImmutableArray(), catalog);
        var least = judge.Least;
        bool IsDestructive(string scope) => words.IsDestructive(scope) || catalog.IsDestructive(scope);

        void Own(SyntaxNode node) => owners[(node.SyntaxTree.FilePath, new TextSpanKey(node.Span.Start, node.Span.End))] = fullName;
        foreach (var grant in declaration.Grants)
        {
            Own(grant.Syntax);
        }

        foreach (var need in declaration.Needs)
        {
            Own(need.Syntax);
        }

        foreach (var invalid in declaration.Invalid)
        {
            Own(invalid.Syntax);
        }

        var grantReports = declaration.Grants.Select(g =>
        {
            var wildcard = Scopes.IsWildcard(g.Scope);
            var verdict = wildcard ? default : judge.Judge(g.Scope);
            var used = wildcard ? uses.UsedScopes.Any(t => catalog.Covers(g.Scope, t)) : verdict.Used;
            return new GrantReport(
                g.Scope,
                wildcard,
                IsDestructive(g.Scope),
                declaration.Needs.Any(n => n.Scope == g.Scope || catalog.Implies(n.Scope, g.Scope)),
                used,
                verdict.Broader || verdict.RedundantBy is not null,
                verdict.RedundantBy,
                verdict.Replacement.IsDefaultOrEmpty ? null : verdict.Replacement.ToList(),
                LocationOf(g.Syntax.GetLocation()));
        }).ToList();

        var features = declaration.Features
            .Select(f => new FeatureReport(f, declaration.Needs.Where(n => n.Feature == f).Select(n => n.Scope).Distinct().ToList()))
            .ToList();

        var usedTerms = new List<UsedTerm>();
        var undetermined = new List<UseSite>();
        foreach (var entry in uses.ByScope.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var term = entry.Key;
            var sites = new List<UseSite>();
            foreach (var use in entry.Value)
            {
                Own(use.Site);
                IReadOnlyList<ISymbol> chain = use.FirstHop is null ? Array.Empty<ISymbol>() : index.ChainFrom(use.FirstHop, term, cancellationToken);
                var hops = Hops(chain);
                if (term == ScopeIndex.Undetermined && (chain.Count == 0 || !index.RequirementOf(chain[chain.Count - 1]).Contains(term)))
                {
                    hops.Add(new ChainHop("a dynamic call", null));
                }

                sites.Add(new UseSite(SymbolNames.Member(use.Member), LocationOf(use.Site.GetLocation()), hops));
            }

            sites = sites
                .OrderBy(s => s.Location?.Path ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(s => s.Location?.Line ?? 0)
                .ThenBy(s => s.Location?.Column ?? 0)
                .ToList();
            if (term == ScopeIndex.Undetermined)
            {
                undetermined.AddRange(sites);
                continue;
            }

            var chosen = least.Choices.TryGetValue(term, out var choice) ? choice : LeastCover.Choose(term, grants, catalog);
            usedTerms.Add(new UsedTerm(Term.Display(term), Term.Alternatives(term).ToList(), chosen, catalog.AnyCovers(grants, term), catalog.AnyCovers(needs, term), sites));
        }

        var cellScopes = grants.Concat(needs).Concat(least.Scopes).Concat(usedTerms.Select(t => t.Chosen))
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var cells = cellScopes.Select(scope => new MatrixCell(
            scope,
            Granted: grants.Contains(scope) || (!Scopes.IsWildcard(scope) && catalog.AnyCovers(grants, scope)),
            Needed: catalog.AnyCovers(needs, scope),
            Used: least.Contains(scope) || usedTerms.Any(t => t.Alternatives.Count == 1 && t.Term == scope) || grantReports.Any(g => g.Scope == scope && g.Used),
            BroaderThanNeeded: grantReports.Any(g => g.Scope == scope && g.BroaderThanNeeded),
            Destructive: IsDestructive(scope),
            Findings: Array.Empty<string>())).ToList();

        var declared = principal.Locations.FirstOrDefault(l => l.IsInSource)
            ?? declaration.Grants.Select(g => g.Syntax.GetLocation()).FirstOrDefault();
        return new PrincipalReport(
            declaration.Name,
            kind,
            fullName,
            project.Name,
            declared is null ? null : LocationOf(declared),
            grantReports,
            features,
            least.Scopes.ToList(),
            usedTerms,
            undetermined,
            cells,
            Array.Empty<string>());
    }

    private List<ChainHop> Hops(IReadOnlyList<ISymbol> chain)
    {
        var hops = new List<ChainHop>();
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain.Count > SymbolNames.MaxShownHops && i == SymbolNames.MaxShownHops / 2)
            {
                var skipped = chain.Count - SymbolNames.MaxShownHops;
                hops.Add(new ChainHop($"… {skipped} more …", null));
                i += skipped - 1;
                continue;
            }

            var symbol = chain[i];
            var location = (symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol).Locations.FirstOrDefault(l => l.IsInSource);
            hops.Add(new ChainHop(SymbolNames.Member(symbol), location is null ? null : LocationOf(location)));
        }

        return hops;
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol root)
    {
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is INamedTypeSymbol type)
            {
                if (type.Locations.Any(l => l.IsInSource))
                {
                    yield return type;
                }
            }

            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private SourceLocation? LocationOf(Location location)
    {
        if (location.Kind is not (LocationKind.SourceFile or LocationKind.ExternalFile))
        {
            return null;
        }

        var span = location.GetLineSpan();
        if (string.IsNullOrEmpty(span.Path))
        {
            return null;
        }

        return new SourceLocation(Relative(span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private string Relative(string path) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(root, path).Replace('\\', '/') : path.Replace('\\', '/');

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <summary>A span as a dictionary key (TextSpan is one too; this keeps the key's parts explicit).</summary>
    private readonly record struct TextSpanKey(int Start, int End);
}
