using PermissionAnalyzer;

namespace GrantFixture;

/// <summary>Scope names, as a platform SDK would publish them.</summary>
public static class Scopes
{
    public const string Read = "messages:read";
    public const string Send = "messages:send";
    public const string Delete = "messages:delete";
    public const string AllMessages = "messages:*";
}

/// <summary>The messaging platform: each call declares the scope it requires.</summary>
public static class MessagesApi
{
    [RequiresScope(Scopes.Read)]
    public static string ReadThread(string id) => id;

    [RequiresScope(Scopes.Send)]
    public static void Send(string to, string text)
    {
    }

    [RequiresScope(Scopes.Delete)]
    public static void DeleteThread(string id)
    {
    }
}

public static class ContactsApi
{
    [RequiresScope("contacts:list")]
    public static string[] List() => new string[0];

    [RequiresScope("contacts:read")]
    public static string Read(string id) => id;
}

/// <summary>A shared helper: its uses count for every principal that calls it.</summary>
public static class Helper
{
    public static string Fetch(string id) => MessagesApi.ReadThread(id);
}
