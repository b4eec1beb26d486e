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

// Reads mail through the vendor's compiled library, granted the scope that also deletes it: delete-access creep
// through the map (MailSearch is mapped as a type, ReadMessage with an alternative, mail:delete implies mail:read).
[GrantedScopes("mail:delete")]
public sealed class MailDigest
{
    private readonly VendorMail.MailboxClient mailbox = new VendorMail.MailboxClient();

    public string Summarize(string query)
    {
        var hits = new VendorMail.MailSearch().Count(query);
        return hits + " " + mailbox.ReadMessage(query);
    }
}

// Least privilege through the same map: its feature deletes mail, and it is granted exactly that.
[GrantedScopes("mail:delete")]
[FeatureNeeds("Clean up old mail", "mail:delete")]
public sealed class MailCleanup
{
    public void Purge(string folder)
    {
        var mailbox = new VendorMail.MailboxClient();
        foreach (var id in mailbox.ListMessages(folder))
        {
            mailbox.DeleteMessage(id);
        }
    }
}
