namespace PermissionAnalyzer.Tests.Infrastructure;

/// <summary>
/// The tests of PA0012 and PA0013: the annotated API their sources call, and a test with the two rules' analyzer on.
/// </summary>
public static class BoundaryRuleTest
{
    public const string MessagesApi = """
        using PermissionAnalyzer;

        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            [RequiresScope("messages:send")] public static void Send(string to, string text) { }
            [RequiresScope("messages:delete")] public static void Delete(string id) { }
        }
        """;

    /// <summary>A test over <see cref="MessagesApi"/> and <paramref name="sources"/>, PA0012 and PA0013 included.</summary>
    public static AnalyzerTest Of(params string[] sources)
    {
        var test = Verify.Test(MessagesApi).WithDeclaredRequirementRules();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }
}
