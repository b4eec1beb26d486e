using PermissionAnalyzer;

namespace FormatFixture;

/// <summary>Spotify: share a song in a conversation.</summary>
[GrantedScopes(
    "messages:read",
    "messages:send",
    "messages:delete", // granted "just in case"
    "messages:archive")]
[FeatureNeeds("Share a song", "messages:read", "messages:send")]
public sealed class SpotifyIntegration
{
    public void Share(string friend, string song)
    {
        var thread = Helper.Fetch(friend);
        MessagesApi.Send(friend, thread + song);
    }
}

/// <summary>Netflix: recommend a show to friends.</summary>
[GrantedScopes(Scopes.AllMessages, "contacts:list")]
[FeatureNeeds("Recommend a show", "messages:send")]
public sealed class NetflixIntegration
{
    public void Recommend(string show)
    {
        foreach (var friend in ContactsApi.List())
        {
            MessagesApi.Send(friend, show);
        }
    }
}

/// <summary>Dropbox: send a file link. Its grant is split over several attributes.</summary>
[GrantedScopes(Scopes.Send)]
[GrantedScopes(Scopes.Read, Scopes.Delete)]
[GrantedScopes("files:read", "files:purge")]
public sealed class DropboxIntegration
{
    public void SendLink(string to, string link) => MessagesApi.Send(to, link);
}

/// <summary>A retired integration: nothing calls the platform any more. It stays a principal granted nothing.</summary>
[GrantedScopes("messages:read")]
[GrantedScopes(Scopes.Delete)]
public sealed class RetiredIntegration
{
}

/// <summary>A scripted bot: it calls through dynamic, so what it uses is not known (PA0009) and its grant is left alone.</summary>
[GrantedScopes("messages:read", "messages:delete", "contacts:*")]
public sealed class ScriptedBot
{
    public string Read(string id) => MessagesApi.ReadThread(id);

    public void Run(dynamic script) => script.Execute();
}
