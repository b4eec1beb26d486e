namespace PermissionAnalyzer;

/// <summary>Builds every rule's help link from the one base URL set in Directory.Build.props.</summary>
internal static partial class HelpLinks
{
    public static string ForRule(string ruleId) => Base + "docs/rules/" + ruleId + ".md";
}
