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

    /// <summary>
    /// Two edits with the same identity do the same thing: Fix All keeps the first. Edits of linked documents
    /// (one file compiled in several targets) at the same place are the same edit of the same file.
    /// </summary>
    public abstract (string Kind, string File, int Start, int Length, string Scope) Identity { get; }

    /// <summary>The file the edit changes: its path, shared by linked documents, or the document when it has none.</summary>
    public string File => Target.SyntaxTree.FilePath is { Length: > 0 } path ? "path:" + path : "document:" + Document.Id.ToString();

    protected (string, string, int, int, string) IdentityOf(string kind, string scope) =>
        (kind, File, Target.SpanStart, Target.Span.Length, scope);
}

/// <summary>
/// Removes a scope argument or array element; an emptied array goes with it. An emptied grant attribute goes
/// too, unless <see cref="KeepsAttribute"/>: then it stays as <c>[GrantedScopes]</c>, granting nothing.
/// </summary>
internal sealed class RemoveScopeEdit : ScopeEdit
{
    public RemoveScopeEdit(DocumentId document, SyntaxNode element, ScopeAttributeKind attribute, bool keepsAttribute = false)
        : base(document, element)
    {
        Attribute = attribute;
        KeepsAttribute = keepsAttribute;
    }

    public ScopeAttributeKind Attribute { get; }

    /// <summary>Whether the grant attribute stays, without arguments, when this removes its last scope.</summary>
    public bool KeepsAttribute { get; }

    public override (string Kind, string File, int Start, int Length, string Scope) Identity => IdentityOf("remove", string.Empty);
}

/// <summary>Replaces a scope argument or array element (a wildcard) by concrete scopes, or removes it if there are none.</summary>
internal sealed class ReplaceScopeEdit : ScopeEdit
{
    public ReplaceScopeEdit(DocumentId document, SyntaxNode element, ScopeAttributeKind attribute, ImmutableArray<string> scopes, bool keepsAttribute = false)
        : base(document, element)
    {
        Attribute = attribute;
        Scopes = scopes;
        KeepsAttribute = keepsAttribute;
    }

    public ScopeAttributeKind Attribute { get; }

    /// <summary>As <see cref="RemoveScopeEdit.KeepsAttribute"/>, when the replacement is empty.</summary>
    public bool KeepsAttribute { get; }

    public ImmutableArray<string> Scopes { get; }

    public override (string Kind, string File, int Start, int Length, string Scope) Identity => IdentityOf("replace", string.Join("\n", Scopes));
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

    public override (string Kind, string File, int Start, int Length, string Scope) Identity => IdentityOf("add", Scope);
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

    public override (string Kind, string File, int Start, int Length, string Scope) Identity => IdentityOf("create", Scope);
}

/// <summary>Appends a scope to the list of a grant request (an array, a collection expression, a collection or field initializer).</summary>
internal sealed class AddToRequestEdit : ScopeEdit
{
    public AddToRequestEdit(DocumentId document, ExpressionSyntax list, string scope)
        : base(document, list)
    {
        Scope = scope;
    }

    public string Scope { get; }

    public override (string Kind, string File, int Start, int Length, string Scope) Identity => IdentityOf("add", Scope);
}
