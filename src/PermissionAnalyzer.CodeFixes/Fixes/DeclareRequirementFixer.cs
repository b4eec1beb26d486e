using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.CodeFixes.Declaring;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.CodeFixes.Fixes;

/// <summary>
/// PA0012 (undeclared requirement on a public API): "Declare [RequiresScope("x")]" on the member, its property or
/// event for accessors. PA0013 (implementation requires more than its contract): "Declare [RequiresScope("x")] on
/// 'Base.Member'" on the overridden or implemented member, when its declaration is in the solution's source.
/// Fix All writes one edit per member, all its scopes in one attribute (<see cref="DeclareRequirementFixAllProvider"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareRequirementFixer)), Shared]
public sealed class DeclareRequirementFixer : CodeFixProvider
{
    private FixAllProvider? fixAllProvider;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.UndeclaredRequirement,
        RuleIdentifiers.ImplementationExceedsContract);

    public override FixAllProvider GetFixAllProvider() => fixAllProvider ??= new DeclareRequirementFixAllProvider(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, cancellationToken => RequirementEditor.ApplyAsync(solution, new[] { plan }, cancellationToken), plan.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    internal static bool Offers(string? equivalenceKey) =>
        equivalenceKey is EquivalenceKeys.DeclareRequirement or EquivalenceKeys.DeclareOnContract;

    internal static string Title(ImmutableArray<string> alternatives) =>
        $"Declare [{(alternatives.Length == 1 ? RequirementEditor.RequiresScopeName : RequirementEditor.RequiresAnyScopeName)}({string.Join(", ", alternatives.Select(a => "\"" + a + "\""))})]";

    /// <summary>The declaration the diagnostic asks for, or null when there is nowhere in source to write it.</summary>
    internal static async Task<RequirementDeclaration?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Scope, out var scope) || string.IsNullOrEmpty(scope) || !diagnostic.Location.IsInSource)
        {
            return null;
        }

        var alternatives = Term.Alternatives(scope!);
        if (diagnostic.Id == RuleIdentifiers.UndeclaredRequirement)
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var member = Declarable(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            if (member is null)
            {
                // A constructor the compiler declares (reported at the type's name) has no syntax to annotate.
                return null;
            }

            return new RequirementDeclaration(
                Title(alternatives),
                EquivalenceKeys.DeclareRequirement,
                document.Id,
                member.Span,
                alternatives,
                await NeedsImportAsync(document, member, cancellationToken).ConfigureAwait(false));
        }

        if (diagnostic.Id == RuleIdentifiers.ImplementationExceedsContract
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.BaseMember, out var baseId) && baseId is { Length: > 0 }
            && await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is { } compilation
            && DocumentationCommentId.GetFirstSymbolForDeclarationId(baseId, compilation) is { } contract)
        {
            foreach (var reference in contract.DeclaringSyntaxReferences)
            {
                if (document.Project.Solution.GetDocument(reference.SyntaxTree) is not { } contractDocument
                    || Declarable(await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false)) is not { } member)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(DiagnosticProperties.BaseMemberName, out var contractName);
                return new RequirementDeclaration(
                    $"{Title(alternatives)} on '{contractName ?? contract.Name}'",
                    EquivalenceKeys.DeclareOnContract,
                    contractDocument.Id,
                    member.Span,
                    alternatives,
                    await NeedsImportAsync(contractDocument, member, cancellationToken).ConfigureAwait(false));
            }
        }

        return null;
    }

    /// <summary>The member declaration a requirement can be written on, from a node of its name (or the node itself).</summary>
    private static MemberDeclarationSyntax? Declarable(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or EventFieldDeclarationSyntax:
                    return (MemberDeclarationSyntax)ancestor;
                case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Whether <c>RequiresScope</c> does not bind at the member: then <c>using PermissionAnalyzer;</c> is added.</summary>
    private static async Task<bool> NeedsImportAsync(Document document, SyntaxNode member, CancellationToken cancellationToken)
    {
        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return false;
        }

        foreach (var symbol in model.LookupNamespacesAndTypes(member.SpanStart, name: AttributeNames.RequiresScope))
        {
            if (symbol is INamedTypeSymbol type && AttributeNames.Classify(type) == ScopeAttributeKind.RequiresScope)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Fix All for <see cref="DeclareRequirementFixer"/>. The default batch fixer merges text changes and would
/// conflict when one member gets several scopes (each single fix writes the same attribute); here every
/// diagnostic's declaration is planned on the original solution and each member is edited once, with all of them.
/// </summary>
internal sealed class DeclareRequirementFixAllProvider : FixAllProvider
{
    private readonly DeclareRequirementFixer fixer;

    public DeclareRequirementFixAllProvider(DeclareRequirementFixer fixer)
    {
        this.fixer = fixer;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        var key = fixAllContext.CodeActionEquivalenceKey;
        var ids = new HashSet<string>(fixer.FixableDiagnosticIds.Where(fixAllContext.DiagnosticIds.Contains), StringComparer.Ordinal);
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
            FixAllScope.Project => fixAllContext.Project.Documents,
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
            _ => Enumerable.Empty<Document>(),
        };

        var declarations = new List<RequirementDeclaration>();
        foreach (var document in documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal))
        {
            if (!document.SupportsSyntaxTree)
            {
                continue;
            }

            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var diagnostics = (await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                .Where(d => ids.Contains(d.Id) && d.Location.IsInSource && d.Location.SourceTree == tree)
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Properties.TryGetValue(DiagnosticProperties.Scope, out var scope) ? scope : null, StringComparer.Ordinal);
            foreach (var diagnostic in diagnostics)
            {
                // Without a key of this fixer (a host asking for "the" fix, as `dotnet format` may) every declaration goes.
                if (await DeclareRequirementFixer.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan
                    && (!DeclareRequirementFixer.Offers(key) || plan.EquivalenceKey == key))
                {
                    declarations.Add(plan);
                }
            }
        }

        if (declarations.Count == 0)
        {
            return null;
        }

        var solution = fixAllContext.Solution;
        return CodeAction.Create(declarations[0].Title, ct => RequirementEditor.ApplyAsync(solution, declarations, ct), key);
    }
}
