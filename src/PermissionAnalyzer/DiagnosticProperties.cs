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

    /// <summary>"Type" for a type principal, "Assembly" for an assembly principal.</summary>
    public const string PrincipalKind = "PrincipalKind";

    /// <summary>The documentation-comment ID of the member an implementation's contract is (PA0013).</summary>
    public const string BaseMember = "BaseMember";

    /// <summary>The base or interface member as messages name it, <c>IMessenger.Purge</c> (PA0013).</summary>
    public const string BaseMemberName = "BaseMemberName";

    public const char Separator = '\n';
}
