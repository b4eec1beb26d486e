using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.CodeFixes.Editing;

/// <summary>
/// One edit of a scope attribute, planned on the original solution and applied later by <see cref="ScopeEditor"/>.
/// Fixes are lists of these, so Fix All can merge the plans of many diagnostics, drop duplicates, and apply
/// them one after the other in the order single fixes would have been applied.
/// </summary>
internal abstract class ScopeEdit
{
    protected ScopeEdit(DocumentId document, SyntaxNode target)
    {
        Document = document;
        Target = target;
    }

    public DocumentId Document { get; }

    /// <summary>The node the edit is anchored on, in the original tree.</summary>
    public SyntaxNode Target { get; }

    /// <summary>Two edits with the same identity do the same thing: Fix All keeps the first.</summary>
    public abstract (string Kind, DocumentId Document, int Start, int Length, string Scope) Identity { get; }

    protected (string, DocumentId, int, int, string) IdentityOf(string kind, string scope) =>
        (kind, Document, Target.SpanStart, Target.Span.Length, scope);
}

/// <summary>Removes a scope argument or array element; an emptied array or grant attribute goes with it.</summary>
internal sealed class RemoveScopeEdit : ScopeEdit
{
    public RemoveScopeEdit(DocumentId document, SyntaxNode element, ScopeAttributeKind attribute)
        : base(document, element)
    {
        Attribute = attribute;
    }

    public ScopeAttributeKind Attribute { get; }

    public override (string Kind, DocumentId Document, int Start, int Length, string Scope) Identity => IdentityOf("remove", string.Empty);
}

/// <summary>Replaces a scope argument or array element (a wildcard) by concrete scopes, or removes it if there are none.</summary>
internal sealed class ReplaceScopeEdit : ScopeEdit
{
    public ReplaceScopeEdit(DocumentId document, SyntaxNode element, ScopeAttributeKind attribute, ImmutableArray<string> scopes)
        : base(document, element)
    {
        Attribute = attribute;
        Scopes = scopes;
    }

    public ScopeAttributeKind Attribute { get; }

    public ImmutableArray<string> Scopes { get; }

    public override (string Kind, DocumentId Document, int Start, int Length, string Scope) Identity => IdentityOf("replace", string.Join("\n", Scopes));
}

/// <summary>Appends a scope to the scope arguments of an attribute (a grant, or a feature's needs).</summary>
internal sealed class AddScopeEdit : ScopeEdit
{
    public AddScopeEdit(DocumentId document, AttributeSyntax attribute, ScopeAttributeKind kind, string scope)
        : base(document, attribute)
    {
        Kind = kind;
        Scope = scope;
    }

    public ScopeAttributeKind Kind { get; }

    public string Scope { get; }

    public override (string Kind, DocumentId Document, int Start, int Length, string Scope) Identity => IdentityOf("add", Scope);
}

/// <summary>
/// Grants a scope to a principal that has no grant attribute yet: a new <c>[GrantedScopes]</c> list goes
/// right before the list of <paramref name="anchor"/> (one of the principal's <c>[FeatureNeeds]</c>), written
/// the way the anchor is (same qualification, same <c>assembly:</c> target).
/// </summary>
internal sealed class AddGrantAttributeEdit : ScopeEdit
{
    public AddGrantAttributeEdit(DocumentId document, AttributeSyntax anchor, string scope)
        : base(document, anchor)
    {
        Scope = scope;
    }

    public string Scope { get; }

    public override (string Kind, DocumentId Document, int Start, int Length, string Scope) Identity => IdentityOf("create", Scope);
}
