using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Me.SendMail;
using PermissionAnalyzer;

namespace GraphConsumer;

/// <summary>Reads and sends, granted the delete-capable Mail.ReadWrite: PA0002, 'Mail.Read' suffices.</summary>
[GrantedScopes("Mail.ReadWrite", "Mail.Send")]
public sealed class Digest(GraphServiceClient graph)
{
    public async Task<int> Unread()
    {
        var page = await graph.Me.MailFolders["inbox"].Messages.GetAsync(r => r.QueryParameters.Filter = "isRead eq false");
        return page?.Value?.Count ?? 0;
    }

    public Task Forward(string id) => graph.Me.SendMail.PostAsync(new SendMailPostRequestBody());
}

/// <summary>Deletes messages: Mail.ReadWrite is what it uses, nothing to report.</summary>
[GrantedScopes("Mail.ReadWrite")]
public sealed class Cleanup(GraphServiceClient graph)
{
    public Task Delete(string user, string id) => graph.Users[user].Messages[id].DeleteAsync();
}

/// <summary>Reads a file's content with a grant that also writes every file (PA0010 or PA0002), and calls through a raw URL (PA0009).</summary>
[GrantedScopes("Files.ReadWrite.All", "Mail.Read")]
public sealed class Drive(GraphServiceClient graph)
{
    public Task<System.IO.Stream?> Content(string drive, string item) => graph.Drives[drive].Items[item].Content.GetAsync();

    public Task Raw(string url) => graph.Me.Messages.WithUrl(url).GetAsync();

    public Task Mail() => graph.Me.Messages.GetAsync();
}
