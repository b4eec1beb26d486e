namespace PermissionAnalyzer.CodeFixes.Tests.Infrastructure;

/// <summary>Annotated APIs the test principals call; appended to a source that has <c>using PermissionAnalyzer;</c>.</summary>
internal static class Apis
{
    public const string Source = """
        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string Read(string id) => id;
            [RequiresScope("messages:send")] public static void Send(string to) { }
            [RequiresScope("messages:delete")] public static void Delete(string id) { }
        }

        public static class ContactsApi
        {
            [RequiresScope("contacts:list")] public static string[] List() => new string[0];
            [RequiresScope("contacts:read")] public static string Read(string id) => id;
        }
        """;
}
