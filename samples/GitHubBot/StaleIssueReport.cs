using System;
using System.Text;
using System.Threading.Tasks;
using Octokit;
using PermissionAnalyzer;

namespace GitHubBot;

/// <summary>
/// Lists the open issues nobody has answered for a while. Granted exactly what its code uses, so the analyzer
/// has nothing to say about it.
/// </summary>
[GrantedScopes("issues:read")]
public sealed class StaleIssueReport
{
    private readonly IGitHubClient github;

    public StaleIssueReport(IGitHubClient github) => this.github = github;

    public async Task<string> BuildAsync(string owner, string repo, TimeSpan quietFor)
    {
        var report = new StringBuilder();
        var open = await github.Issue.GetAllForRepository(owner, repo);
        foreach (var issue in open)
        {
            var comments = await github.Issue.Comment.GetAllForIssue(owner, repo, issue.Number);
            var last = comments.Count > 0 ? comments[comments.Count - 1].CreatedAt : issue.CreatedAt;
            if (DateTimeOffset.UtcNow - last > quietFor)
            {
                report.AppendLine($"#{issue.Number} {issue.Title} (quiet since {last:yyyy-MM-dd})");
            }
        }

        return report.ToString();
    }
}
