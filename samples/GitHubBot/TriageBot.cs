using System.Collections.Generic;
using System.Threading.Tasks;
using Octokit;
using PermissionAnalyzer;

namespace GitHubBot;

/// <summary>
/// Labels new issues and thanks their authors. Its GitHub App was set up the way such bots often are, with
/// repository administration and contents write "in case": the analyzer shows that its code needs neither.
/// </summary>
[GrantedScopes("administration:write", "contents:write", "issues:write")]
public sealed class TriageBot
{
    private readonly IGitHubClient github;

    public TriageBot(IGitHubClient github) => this.github = github;

    public async Task<int> TriageAsync(string owner, string repo)
    {
        var open = await github.Issue.GetAllForRepository(owner, repo, new RepositoryIssueRequest { State = ItemStateFilter.Open });
        var triaged = 0;
        foreach (var issue in open)
        {
            if (issue.PullRequest is not null || issue.Labels.Count > 0)
            {
                continue;
            }

            var label = Classify(issue.Title + "\n" + issue.Body);
            await github.Issue.Labels.AddToIssue(owner, repo, issue.Number, new[] { label });
            await github.Issue.Comment.Create(owner, repo, issue.Number, $"Thanks for the report, @{issue.User.Login}! Labelled `{label}`.");
            triaged++;
        }

        return triaged;
    }

    private static string Classify(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var (word, label) in Keywords)
        {
            if (lower.Contains(word))
            {
                return label;
            }
        }

        return "needs-triage";
    }

    private static readonly IReadOnlyList<(string Word, string Label)> Keywords = new[]
    {
        ("crash", "bug"), ("exception", "bug"), ("error", "bug"), ("docs", "documentation"), ("feature", "enhancement"),
    };
}
