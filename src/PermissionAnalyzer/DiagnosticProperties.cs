namespace PermissionAnalyzer;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: what the analyzer hands the code fixes
/// so they do not redo the analysis. Lists are joined with <see cref="Separator"/>, in ordinal order.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>The scope the diagnostic is about (granted, used or needed).</summary>
    public const string Scope = "Scope";

    /// <summary>"true" when code of the principal uses the scope, else "false" (grant diagnostics).</summary>
    public const string IsUsed = "IsUsed";

    /// <summary>Every scope the principal's code uses (grant diagnostics).</summary>
    public const string UsedScopes = "UsedScopes";

    /// <summary>The names of the principal's declared features.</summary>
    public const string Features = "Features";

    /// <summary>The feature whose need the diagnostic is about (PA0006).</summary>
    public const string Feature = "Feature";

    /// <summary>
    /// "true" when the principal has a use that cannot be determined (PA0009: a dynamic call, reflection),
    /// else "false" (grant diagnostics): its used scopes may then be incomplete, so no fix removes a scope.
    /// </summary>
    public const string HasUndeterminedUse = "HasUndeterminedUse";

    /// <summary>"Type" for a type principal, "Assembly" for an assembly principal.</summary>
    public const string PrincipalKind = "PrincipalKind";

    /// <summary>
    /// PA0010 and PA0002 on a scope broader than needed: the scopes of the least cover L that replace it, so that
    /// every use it covers stays covered. Absent when no replacement keeps every use covered.
    /// </summary>
    public const string Replacement = "Replacement";

    /// <summary>
    /// Grant diagnostics: for each granted scope outside L that is broader than needed, the scope, then
    /// <see cref="PairSeparator"/> and its replacement joined with <see cref="PairSeparator"/>; one entry per line.
    /// "Narrow grant to what is used" replaces these instead of removing them.
    /// </summary>
    public const string Replacements = "Replacements";
    /// <summary>The documentation-comment ID of the member an implementation's contract is (PA0013).</summary>
    public const string BaseMember = "BaseMember";

    /// <summary>The base or interface member as messages name it, <c>IMessenger.Purge</c> (PA0013).</summary>
    public const string BaseMemberName = "BaseMemberName";

    public const char Separator = '\n';

    /// <summary>Separates a scope from its replacement scopes inside one entry of <see cref="Replacements"/>.</summary>
    public const char PairSeparator = '\u001F';
}
