using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer;

/// <summary>
/// Every rule's descriptor, built by one helper that fixes category and help link.
/// The live analyzer reports with <see cref="Live"/>; the assembly-principal analyzer, which needs the
/// whole compilation, reports the same rules with descriptors tagged <see cref="WellKnownDiagnosticTags.CompilationEnd"/>.
/// </summary>
internal static class Descriptors
{
    public const string Category = "Security";

    public static class Messages
    {
        public const string GrantExceedsNeeds = "Principal '{0}' is granted '{1}', which no declared feature needs and no code uses";
        public const string DeleteAccessCreep = "Principal '{0}' is granted destructive scope '{1}', which {2}";
        public const string GrantedScopeNeverUsed = "Principal '{0}' is granted '{1}', which no code reachable from it uses";
        public const string ScopeUsedButNotGranted = "'{0}' needs '{1}' via {2}, but principal '{3}' is not granted it";
        public const string UseNotCoveredByFeature = "'{0}' needs '{1}' via {2}, but no feature declared by principal '{3}' needs it";
        public const string FeatureNeedsUngrantedScope = "Feature '{0}' of principal '{1}' needs '{2}', which is not granted";
        public const string WildcardGrant = "Principal '{0}' is granted wildcard scope '{1}'; grant the concrete scopes its code uses instead";
        public const string InvalidScope = "Invalid scope argument of '{0}': {1}";
        public const string UseCannotBeDetermined = "'{0}' reaches code whose scopes cannot be determined via {1}, so the uses of principal '{2}' may be incomplete";
        public const string GrantBroaderThanNeeded = "Principal '{0}' is granted '{1}', which {2}";
        public const string InvalidScopeMapEntry = "Invalid scope map entry: {0}";
        public const string UndeclaredRequirement = "'{0}' uses '{1}' via {2} but does not declare it; callers in other assemblies will not see the requirement";
        public const string ImplementationExceedsContract = "'{0}' requires '{1}' {2}, but '{3}' does not declare it; calls through '{3}' will not count it";
    }

    /// <summary>Reasons for PA0002, the third message argument.</summary>
    public static class CreepReasons
    {
        public const string NotNeeded = "no declared feature needs";
        public const string NotUsed = "no code uses";
        public const string NeitherNeededNorUsed = "no declared feature needs and no code uses";

        /// <summary>PA0002 and PA0010 on a granted scope that implies what L holds: <c>is broader than its code needs: 'Mail.Read' suffices</c>.</summary>
        public static string Broader(string quotedScopes, int count) =>
            "is broader than its code needs: " + quotedScopes + (count == 1 ? " suffices" : " suffice");

        /// <summary>PA0010 on a granted scope implied by another scope of L: <c>is already granted by 'Mail.ReadWrite'</c>.</summary>
        public static string Redundant(string scope) => "is already granted by '" + scope + "'";
    }

    /// <summary>How an implementation comes to require a scope, the third message argument of PA0013.</summary>
    public static class ContractReasons
    {
        /// <summary>The implementation's code uses the scope through the chain that follows.</summary>
        public const string ViaPrefix = "via ";

        /// <summary>The implementation declares the scope itself; calls through its contract do not see the attribute.</summary>
        public const string OwnDeclaration = "by its own [RequiresScope]";
    }

    /// <summary>Reasons for PA0008, the second message argument.</summary>
    public static class InvalidReasons
    {
        public const string Null = "the scope is null";
        public const string Empty = "the scope is empty or whitespace";
        public const string NotConstant = "the scope is not a compile-time constant";
        public const string WildcardNeed = "a feature must need concrete scopes, not a wildcard";
        public const string WildcardInCatalog = "a scope catalog states concrete scopes, not a wildcard";

        public static string Cycle(string cycle) => "the implication forms a cycle: " + cycle;
    }

#pragma warning disable RS1019 // By design (DESIGN.md, engine notes): the same rules, reported for assembly principals by a separate compilation-end analyzer, so the live analyzer carries no CompilationEnd descriptor.
    public static class Live
    {
        public static readonly DiagnosticDescriptor GrantExceedsNeeds = Create(RuleIdentifiers.GrantExceedsNeeds, compilationEnd: false);
        public static readonly DiagnosticDescriptor DeleteAccessCreep = Create(RuleIdentifiers.DeleteAccessCreep, compilationEnd: false);
        public static readonly DiagnosticDescriptor GrantedScopeNeverUsed = Create(RuleIdentifiers.GrantedScopeNeverUsed, compilationEnd: false);
        public static readonly DiagnosticDescriptor ScopeUsedButNotGranted = Create(RuleIdentifiers.ScopeUsedButNotGranted, compilationEnd: false);
        public static readonly DiagnosticDescriptor UseNotCoveredByFeature = Create(RuleIdentifiers.UseNotCoveredByFeature, compilationEnd: false);
        public static readonly DiagnosticDescriptor FeatureNeedsUngrantedScope = Create(RuleIdentifiers.FeatureNeedsUngrantedScope, compilationEnd: false);
        public static readonly DiagnosticDescriptor WildcardGrant = Create(RuleIdentifiers.WildcardGrant, compilationEnd: false);
        public static readonly DiagnosticDescriptor InvalidScope = Create(RuleIdentifiers.InvalidScope, compilationEnd: false);
        public static readonly DiagnosticDescriptor UseCannotBeDetermined = Create(RuleIdentifiers.UseCannotBeDetermined, compilationEnd: false);
        public static readonly DiagnosticDescriptor GrantBroaderThanNeeded = Create(RuleIdentifiers.GrantBroaderThanNeeded, compilationEnd: false);
        public static readonly DiagnosticDescriptor InvalidScopeMapEntry = Create(RuleIdentifiers.InvalidScopeMapEntry, compilationEnd: false);
        public static readonly DiagnosticDescriptor UndeclaredRequirement = Create(RuleIdentifiers.UndeclaredRequirement, compilationEnd: false);
        public static readonly DiagnosticDescriptor ImplementationExceedsContract = Create(RuleIdentifiers.ImplementationExceedsContract, compilationEnd: false);
    }

    public static class CompilationEnd
    {
        public static readonly DiagnosticDescriptor GrantExceedsNeeds = Create(RuleIdentifiers.GrantExceedsNeeds, compilationEnd: true);
        public static readonly DiagnosticDescriptor DeleteAccessCreep = Create(RuleIdentifiers.DeleteAccessCreep, compilationEnd: true);
        public static readonly DiagnosticDescriptor GrantedScopeNeverUsed = Create(RuleIdentifiers.GrantedScopeNeverUsed, compilationEnd: true);
        public static readonly DiagnosticDescriptor FeatureNeedsUngrantedScope = Create(RuleIdentifiers.FeatureNeedsUngrantedScope, compilationEnd: true);
        public static readonly DiagnosticDescriptor WildcardGrant = Create(RuleIdentifiers.WildcardGrant, compilationEnd: true);
        public static readonly DiagnosticDescriptor InvalidScope = Create(RuleIdentifiers.InvalidScope, compilationEnd: true);
        public static readonly DiagnosticDescriptor GrantBroaderThanNeeded = Create(RuleIdentifiers.GrantBroaderThanNeeded, compilationEnd: true);
    }
#pragma warning restore RS1019

    private static DiagnosticDescriptor Create(string id, bool compilationEnd)
    {
        var (title, message, severity, description) = Text(id);
        var tags = compilationEnd
            ? new[] { WellKnownDiagnosticTags.CompilationEnd }
            : System.Array.Empty<string>();
        return new DiagnosticDescriptor(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinks.ForRule(id),
            customTags: tags);
    }

    private static (string Title, string Message, DiagnosticSeverity Severity, string Description) Text(string id) => id switch
    {
        RuleIdentifiers.GrantExceedsNeeds => ("Grant exceeds declared needs", Messages.GrantExceedsNeeds, DiagnosticSeverity.Warning,
            "The principal declares its features, none of them needs this scope, and no code uses it: the grant is broader than the agreement."),
        RuleIdentifiers.DeleteAccessCreep => ("Delete-access creep", Messages.DeleteAccessCreep, DiagnosticSeverity.Warning,
            "A destructive scope (delete, remove, purge, ...) is granted although no declared feature needs it or no code uses it."),
        RuleIdentifiers.GrantedScopeNeverUsed => ("Granted scope never used", Messages.GrantedScopeNeverUsed, DiagnosticSeverity.Warning,
            "No code reachable from the principal uses this granted scope: least privilege means granting only what is used."),
        RuleIdentifiers.ScopeUsedButNotGranted => ("Scope used but not granted", Messages.ScopeUsedButNotGranted, DiagnosticSeverity.Error,
            "Code of the principal reaches an API that requires a scope no grant of the principal covers; the call will be refused at run time."),
        RuleIdentifiers.UseNotCoveredByFeature => ("Use not covered by a declared feature", Messages.UseNotCoveredByFeature, DiagnosticSeverity.Warning,
            "The principal declares its features, and none of them needs a scope its code uses: the code does more than the agreement says."),
        RuleIdentifiers.FeatureNeedsUngrantedScope => ("Feature needs an ungranted scope", Messages.FeatureNeedsUngrantedScope, DiagnosticSeverity.Warning,
            "A declared feature needs a scope the principal is not granted."),
        RuleIdentifiers.WildcardGrant => ("Wildcard grant", Messages.WildcardGrant, DiagnosticSeverity.Warning,
            "A wildcard grant covers every scope with its prefix, including destructive ones added later."),
        RuleIdentifiers.InvalidScope => ("Invalid scope", Messages.InvalidScope, DiagnosticSeverity.Warning,
            "A scope argument must be a non-empty compile-time constant string; a feature need must be concrete, not a wildcard."),
        RuleIdentifiers.UseCannotBeDetermined => ("Use cannot be determined", Messages.UseCannotBeDetermined, DiagnosticSeverity.Info,
            "Reachable code calls through dynamic or reflection, so the scopes the principal uses may be incomplete."),
        RuleIdentifiers.GrantBroaderThanNeeded => ("Grant broader than needed", Messages.GrantBroaderThanNeeded, DiagnosticSeverity.Warning,
            "The scope catalog says a narrower scope covers what the code uses, or another granted scope already includes this one: grant the least scope that suffices."),
        RuleIdentifiers.InvalidScopeMapEntry => ("Invalid scope map entry", Messages.InvalidScopeMapEntry, DiagnosticSeverity.Warning,
            "A line of a scope map does not parse, names an invalid scope, repeats an entry, names no symbol of the compilation or its references, or states an implication cycle."),
        RuleIdentifiers.UndeclaredRequirement => ("Undeclared requirement on a public API", Messages.UndeclaredRequirement, DiagnosticSeverity.Warning,
            "A member other assemblies can call uses a scope it does not declare. Callers in other assemblies see only declarations, not bodies, so the requirement is lost to them."),
        RuleIdentifiers.ImplementationExceedsContract => ("Implementation requires more than its contract", Messages.ImplementationExceedsContract, DiagnosticSeverity.Warning,
            "An override or interface implementation requires a scope that the member it overrides or implements does not declare: calls through the base or interface do not count it."),
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Unknown rule"),
    };
}
