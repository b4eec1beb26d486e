using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Graph;
using PermissionAnalyzer;

namespace GraphMail.Partners;

/// <summary>The same features, granted exactly what its code uses: nothing to report.</summary>
[GrantedScopes("Mail.Read", "Mail.Send")]
public sealed class LeastPrivilegePartner(GraphServiceClient graph)
{
    public Task<IReadOnlyList<string>> Latest() => Inbox.LatestSubjects(graph, 10);

    public Task Share(string friend, string song) => Inbox.Send(graph, friend, $"Listen to {song}");
}
