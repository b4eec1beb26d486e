using System.Collections.Generic;
using System.Threading.Tasks;
using Azure.Core;
using Microsoft.Graph;

namespace GraphMail.Partners;

/// <summary>
/// The 2018 partner, in 2026: it shows the latest messages and shares a song by mail, and it asks Graph for
/// Mail.ReadWrite, which can delete the user's mail. PA0002 on that scope: 'Mail.Read' suffices.
/// </summary>
public sealed class SongSharingPartner
{
    private readonly GraphServiceClient graph;

    // The scopes requested here are the partner's grant: no attribute is needed.
    public SongSharingPartner(TokenCredential credential) =>
        graph = new GraphServiceClient(credential, ["Mail.ReadWrite", "Mail.Send"]);

    public Task<IReadOnlyList<string>> Latest() => Inbox.LatestSubjects(graph, 10);

    public Task Share(string friend, string song) => Inbox.Send(graph, friend, $"Listen to {song}");
}
