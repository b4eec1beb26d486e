using PermissionAnalyzer;

namespace GrantFixture;

/// <summary>Sends without a grant (PA0004, PA0006) and is granted an archive it never uses (PA0001).</summary>
[GrantedScopes("messages:read", "messages:archive")]
[FeatureNeeds("Share a song", "messages:read", "messages:send")]
public sealed class SpotifyIntegration
{
    public void Share(string friend, string song) => MessagesApi.Send(friend, MessagesApi.ReadThread(friend) + song);
}

/// <summary>Deletes without a grant (PA0004); its only grant is unused (PA0003).</summary>
[GrantedScopes("contacts:list")]
public sealed class DropboxIntegration
{
    public void Purge(string id) => MessagesApi.DeleteThread(id);
}

/// <summary>No grant at all: its feature needs (PA0006) and its code uses (PA0004) an ungranted scope.</summary>
[FeatureNeeds("Recommend a show", "contacts:read")]
public sealed class NetflixIntegration
{
    public string Friend(string id) => ContactsApi.Read(id);
}
