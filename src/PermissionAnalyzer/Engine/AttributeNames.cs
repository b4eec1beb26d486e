using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// Recognizes the package's attributes by full name, so users may declare identical copies of their own
/// (two assemblies may then define the same name, and one GetTypeByMetadataName would return null).
/// </summary>
internal enum ScopeAttributeKind
{
    None,
    RequiresScope,
    GrantedScopes,
    FeatureNeeds,
    RequiresAnyScope,
    ScopeImplies,
    DestructiveScope,
}

internal static class AttributeNames
{
    public const string Namespace = "PermissionAnalyzer";

    /// <summary>The assembly the package ships the attributes in.</summary>
    public const string AnnotationsAssemblyName = "PermissionAnalyzer.Annotations";
    public const string RequiresScope = "RequiresScopeAttribute";
    public const string GrantedScopes = "GrantedScopesAttribute";
    public const string FeatureNeeds = "FeatureNeedsAttribute";
    public const string RequiresAnyScope = "RequiresAnyScopeAttribute";
    public const string ScopeImplies = "ScopeImpliesAttribute";
    public const string DestructiveScope = "DestructiveScopeAttribute";

    /// <summary>The names as source writes them, with or without the <c>Attribute</c> suffix.</summary>
    public const string RequiresScopeName = "RequiresScope";
    public const string GrantedScopesName = "GrantedScopes";
    public const string FeatureNeedsName = "FeatureNeeds";
    public const string RequiresAnyScopeName = "RequiresAnyScope";
    public const string ScopeImpliesName = "ScopeImplies";
    public const string DestructiveScopeName = "DestructiveScope";

    /// <summary>Every name above, for the text search that decides whether to analyze at all.</summary>
    public static readonly string[] SourceNames =
    {
        GrantedScopesName, FeatureNeedsName, RequiresScopeName, RequiresAnyScopeName, ScopeImpliesName, DestructiveScopeName,
    };

    public static readonly string[] MetadataNames =
    {
        Namespace + "." + RequiresScope,
        Namespace + "." + GrantedScopes,
        Namespace + "." + FeatureNeeds,
        Namespace + "." + RequiresAnyScope,
        Namespace + "." + ScopeImplies,
        Namespace + "." + DestructiveScope,
    };

    public static ScopeAttributeKind Classify(AttributeData attribute) => Classify(attribute.AttributeClass);

    public static ScopeAttributeKind Classify(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.TypeKind == TypeKind.Error || attributeClass.ContainingType is not null)
        {
            return ScopeAttributeKind.None;
        }

        var kind = attributeClass.Name switch
        {
            RequiresScope => ScopeAttributeKind.RequiresScope,
            GrantedScopes => ScopeAttributeKind.GrantedScopes,
            FeatureNeeds => ScopeAttributeKind.FeatureNeeds,
            RequiresAnyScope => ScopeAttributeKind.RequiresAnyScope,
            ScopeImplies => ScopeAttributeKind.ScopeImplies,
            DestructiveScope => ScopeAttributeKind.DestructiveScope,
            _ => ScopeAttributeKind.None,
        };

        if (kind == ScopeAttributeKind.None)
        {
            return kind;
        }

        var ns = attributeClass.ContainingNamespace;
        return ns is { Name: Namespace } && ns.ContainingNamespace is { IsGlobalNamespace: true } ? kind : ScopeAttributeKind.None;
    }

    /// <summary>The short name users write, for messages: <c>GrantedScopes</c>.</summary>
    public static string ShortName(ScopeAttributeKind kind) => kind switch
    {
        ScopeAttributeKind.RequiresScope => "RequiresScope",
        ScopeAttributeKind.GrantedScopes => "GrantedScopes",
        ScopeAttributeKind.FeatureNeeds => "FeatureNeeds",
        ScopeAttributeKind.RequiresAnyScope => "RequiresAnyScope",
        ScopeAttributeKind.ScopeImplies => "ScopeImplies",
        ScopeAttributeKind.DestructiveScope => "DestructiveScope",
        _ => string.Empty,
    };
}
