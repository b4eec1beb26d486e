using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PermissionAnalyzer.CodeFixes.Declaring;

/// <summary>
/// One requirement to declare on one member declaration, planned on the original solution: PA0012 declares on
/// the member itself, PA0013 on the member it overrides or implements. Fix All merges the declarations of one
/// member into one edit (<see cref="RequirementEditor"/>).
/// </summary>
internal sealed class RequirementDeclaration
{
    public RequirementDeclaration(string title, string equivalenceKey, DocumentId document, TextSpan member, ImmutableArray<string> alternatives, bool needsImport)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Document = document;
        Member = member;
        Alternatives = alternatives;
        NeedsImport = needsImport;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    public DocumentId Document { get; }

    /// <summary>The span of the member declaration (method, constructor, property, indexer, event, operator) in the original tree.</summary>
    public TextSpan Member { get; }

    /// <summary>
    /// The term to declare: one scope (written as <c>[RequiresScope]</c>), or several alternatives (written as
    /// one <c>[RequiresAnyScope]</c>, DESIGN.md, alternatives).
    /// </summary>
    public ImmutableArray<string> Alternatives { get; }

    /// <summary>The attribute's short name does not bind at the member: <c>using PermissionAnalyzer;</c> is added.</summary>
    public bool NeedsImport { get; }
}
