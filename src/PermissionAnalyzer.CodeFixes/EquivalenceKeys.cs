namespace PermissionAnalyzer.CodeFixes;

/// <summary>
/// The equivalence key of each code action: Fix All applies the action with the chosen key to every
/// diagnostic that offers it. Keys name the kind of edit, never the scope, so one Fix All covers them all.
/// </summary>
public static class EquivalenceKeys
{
    /// <summary>"Remove scope 'x'" (PA0001, PA0002, PA0003 on a scope no code uses).</summary>
    public const string RemoveScope = "PermissionAnalyzer.RemoveScope";

    /// <summary>"Narrow grant to what is used" (PA0001, PA0002, PA0003): the principal's grant becomes G ∩ U.</summary>
    public const string NarrowGrant = "PermissionAnalyzer.NarrowGrant";

    /// <summary>"Replace 'x' with 'y'" (PA0010, PA0002 on a scope broader than needed): the scopes of the least cover that suffice.</summary>
    public const string ReplaceScope = "PermissionAnalyzer.ReplaceScope";

    /// <summary>"Replace wildcard with used scopes" (PA0007).</summary>
    public const string ReplaceWildcard = "PermissionAnalyzer.ReplaceWildcard";

    /// <summary>"Grant 'x'" (PA0004, PA0006).</summary>
    public const string GrantScope = "PermissionAnalyzer.GrantScope";

    /// <summary>"Remove 'x' from feature 'f'" (PA0006).</summary>
    public const string RemoveNeed = "PermissionAnalyzer.RemoveNeed";

    /// <summary>"Declare [RequiresScope("x")]" (PA0012): the public member declares the scope its code uses.</summary>
    public const string DeclareRequirement = "PermissionAnalyzer.DeclareRequirement";

    /// <summary>"Declare [RequiresScope("x")] on 'Base.Member'" (PA0013): the overridden or implemented member declares it.</summary>
    public const string DeclareOnContract = "PermissionAnalyzer.DeclareOnContract";

    /// <summary>Prefix of "Declare 'x' in feature 'f'" (PA0002 on a used scope, PA0005); see <see cref="DeclareInFeature"/>.</summary>
    public const string DeclareInFeaturePrefix = "PermissionAnalyzer.DeclareInFeature:";

    /// <summary>
    /// "Declare 'x' in feature 'f'": one key per feature, so Fix All declares every scope in the feature chosen.
    /// </summary>
    public static string DeclareInFeature(string feature) => DeclareInFeaturePrefix + feature;
}
