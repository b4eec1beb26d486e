using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Rules;

/// <summary>The descriptors one analyzer reports grant and declaration verdicts with.</summary>
internal sealed class DescriptorSet
{
    public static readonly DescriptorSet Live = new(
        Descriptors.Live.GrantExceedsNeeds,
        Descriptors.Live.DeleteAccessCreep,
        Descriptors.Live.GrantedScopeNeverUsed,
        Descriptors.Live.FeatureNeedsUngrantedScope,
        Descriptors.Live.WildcardGrant,
        Descriptors.Live.InvalidScope)
    {
        GrantBroaderThanNeeded = Descriptors.Live.GrantBroaderThanNeeded,
    };

    public static readonly DescriptorSet CompilationEnd = new(
        Descriptors.CompilationEnd.GrantExceedsNeeds,
        Descriptors.CompilationEnd.DeleteAccessCreep,
        Descriptors.CompilationEnd.GrantedScopeNeverUsed,
        Descriptors.CompilationEnd.FeatureNeedsUngrantedScope,
        Descriptors.CompilationEnd.WildcardGrant,
        Descriptors.CompilationEnd.InvalidScope)
    {
        GrantBroaderThanNeeded = Descriptors.CompilationEnd.GrantBroaderThanNeeded,
    };

    private DescriptorSet(
        DiagnosticDescriptor grantExceedsNeeds,
        DiagnosticDescriptor deleteAccessCreep,
        DiagnosticDescriptor grantedScopeNeverUsed,
        DiagnosticDescriptor featureNeedsUngrantedScope,
        DiagnosticDescriptor wildcardGrant,
        DiagnosticDescriptor invalidScope)
    {
        GrantExceedsNeeds = grantExceedsNeeds;
        DeleteAccessCreep = deleteAccessCreep;
        GrantedScopeNeverUsed = grantedScopeNeverUsed;
        FeatureNeedsUngrantedScope = featureNeedsUngrantedScope;
        WildcardGrant = wildcardGrant;
        InvalidScope = invalidScope;
    }

    public DiagnosticDescriptor GrantExceedsNeeds { get; }

    public DiagnosticDescriptor DeleteAccessCreep { get; }

    public DiagnosticDescriptor GrantedScopeNeverUsed { get; }

    public DiagnosticDescriptor FeatureNeedsUngrantedScope { get; }

    public DiagnosticDescriptor WildcardGrant { get; }

    public DiagnosticDescriptor InvalidScope { get; }

    public DiagnosticDescriptor GrantBroaderThanNeeded { get; private set; } = Descriptors.Live.GrantBroaderThanNeeded;
}
