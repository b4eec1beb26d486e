namespace PermissionAnalyzer.CodeFixes;

/// <summary>The code actions' titles, as DESIGN.md words them.</summary>
internal static class Titles
{
    public const string NarrowGrant = "Narrow grant to what is used";
    public const string ReplaceWildcard = "Replace wildcard with used scopes";

    public static string RemoveScope(string scope) => $"Remove scope '{scope}'";

    public static string ReplaceScope(string scope, System.Collections.Generic.IReadOnlyList<string> replacement) =>
        $"Replace '{scope}' with {PermissionAnalyzer.Engine.Term.QuotedList(replacement)}";

    public static string DeclareInFeature(string scope, string feature) => $"Declare '{scope}' in feature '{feature}'";

    public static string GrantScope(string scope) => $"Grant '{scope}'";

    public static string RemoveNeed(string scope, string feature) => $"Remove '{scope}' from feature '{feature}'";
}
