namespace PermissionAnalyzer;

/// <summary>The rule IDs of DESIGN.md, in one place.</summary>
public static class RuleIdentifiers
{
    public const string GrantExceedsNeeds = "PA0001";
    public const string DeleteAccessCreep = "PA0002";
    public const string GrantedScopeNeverUsed = "PA0003";
    public const string ScopeUsedButNotGranted = "PA0004";
    public const string UseNotCoveredByFeature = "PA0005";
    public const string FeatureNeedsUngrantedScope = "PA0006";
    public const string WildcardGrant = "PA0007";
    public const string InvalidScope = "PA0008";
    public const string UseCannotBeDetermined = "PA0009";
    public const string GrantBroaderThanNeeded = "PA0010";
    public const string InvalidScopeMapEntry = "PA0011";
    public const string UndeclaredRequirement = "PA0012";
    public const string ImplementationExceedsContract = "PA0013";
}
