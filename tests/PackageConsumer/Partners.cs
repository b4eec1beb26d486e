using PermissionAnalyzer;

namespace PackageConsumer;

public static class MessagesApi
{
    [RequiresScope("messages:read")]
    public static string ReadThread(string threadId) => threadId;

    [RequiresScope("messages:send")]
    public static void Send(string recipient, string text) { }

    [RequiresScope("messages:delete")]
    public static void DeleteThread(string threadId) { }
}

internal static class Inbox
{
    public static string LastMessage(string friend) => MessagesApi.ReadThread(friend);
}

// Granted read, send and delete; the feature it declared needs only "send".
[GrantedScopes("messages:read", "messages:send", "messages:delete")]
[FeatureNeeds("Share a song with a friend", "messages:send")]
public sealed class SpotifyIntegration
{
    public void ShareSong(string friend, string song)
    {
        var context = Inbox.LastMessage(friend);
        MessagesApi.Send(friend, song + " " + context);
    }
}

// Least privilege: granted exactly what its feature needs and its code uses.
[GrantedScopes("messages:send")]
[FeatureNeeds("Send a notice", "messages:send")]
public sealed class CompliantPartner
{
    public void Notify(string user) => MessagesApi.Send(user, "notice");
}

// A client nobody annotated: ScopeMap.txt says what it needs, and that purging includes reading.
public static class LegacyArchive
{
    public static string[] Search(string query) => new[] { query };
}

// Granted the broader scope where the narrower one suffices: delete-access creep through the map.
[GrantedScopes("archive:purge")]
public sealed class ArchiveSearch
{
    public int Count(string query) => LegacyArchive.Search(query).Length;
}
