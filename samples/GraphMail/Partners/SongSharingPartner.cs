using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Graph;
using PermissionAnalyzer;

namespace GraphMail.Partners;

/// <summary>
/// The 2018 partner, in 2026: it shows the latest messages and shares a song by mail, and it asked for
/// Mail.ReadWrite, which can delete the user's mail. PA0002: 'Mail.Read' suffices.
/// </summary>
[GrantedScopes("Mail.ReadWrite", "Mail.Send")]
public sealed class SongSharingPartner(GraphServiceClient graph)
{
    public Task<IReadOnlyList<string>> Latest() => Inbox.LatestSubjects(graph, 10);

    public Task Share(string friend, string song) => Inbox.Send(graph, friend, $"Listen to {song}");
}
