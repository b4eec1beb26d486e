using System.Linq;
using System.Threading.Tasks;
using Octokit;
using PermissionAnalyzer;

// The bot's GitHub App, as its manifest's default_permissions grant it: contents and issues write, and
// pull_requests write "for later".
[assembly: GrantedScopes("contents:write", "issues:write", "pull_requests:write")]

namespace GitHubConsumer;

/// <summary>Posts, on each closed milestone's tracking issue, the list of issues it closed.</summary>
public sealed class ReleaseNotesBot
{
    private readonly IGitHubClient github;

    public ReleaseNotesBot(IGitHubClient github) => this.github = github;

    public async Task PostAsync(string owner, string repo, int trackingIssue, string milestone)
    {
        var closed = await github.Issue.GetAllForRepository(owner, repo, new RepositoryIssueRequest { State = ItemStateFilter.Closed, Milestone = milestone });
        var notes = string.Join("\n", closed.Select(i => $"- #{i.Number} {i.Title}"));
        await github.Issue.Comment.Create(owner, repo, trackingIssue, notes);
    }

    public async Task<string> WhoAmIAsync() => (await github.User.Current()).Login;
}
