using System.Collections.Generic;
using System.Threading.Tasks;
using Azure.Core;
using Microsoft.Graph;

namespace GraphMail.Partners;

/// <summary>The same features, asking for exactly what its code uses: nothing to report.</summary>
public sealed class LeastPrivilegePartner
{
    private readonly GraphServiceClient graph;

    // The scopes requested here are the partner's grant: no attribute is needed.
    public LeastPrivilegePartner(TokenCredential credential) =>
        graph = new GraphServiceClient(credential, ["Mail.Read", "Mail.Send"]);

    public Task<IReadOnlyList<string>> Latest() => Inbox.LatestSubjects(graph, 10);

    public Task Share(string friend, string song) => Inbox.Send(graph, friend, $"Listen to {song}");
}
