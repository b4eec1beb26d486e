using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Sdks.GitHub;

/// <summary>
/// The built-in GitHub map on the real Octokit 14.0.0 (a metadata reference, as a user's project has it): client
/// calls count the GitHub App permissions GitHub's data joins to their routes, with no annotation anywhere.
/// </summary>
public class OctokitMapTests
{
    public static readonly MetadataReference Octokit = MetadataReference.CreateFromFile(typeof(global::Octokit.GitHubClient).Assembly.Location);

    private static AnalyzerTest Test(string source) => Verify.Test(source).WithReference(Octokit);

    private static string Bot(string grant, string body) => $$"""
        using System;
        using System.Threading.Tasks;
        using Octokit;
        using PermissionAnalyzer;

        [GrantedScopes({{grant}})]
        public sealed class Bot
        {
            private readonly IGitHubClient github = new GitHubClient(new ProductHeaderValue("bot"));

        {{body}}
        }
        """;

    private const string ReadsIssuesAndComments = """
            public async Task<int> Unanswered(string owner, string repo)
            {
                var issues = await github.Issue.GetAllForRepository(owner, repo);
                var comments = await github.Issue.Comment.GetAllForIssue(owner, repo, 1);
                return issues.Count + comments.Count + issues[0].Title.Length;
            }
        """;

    [Fact]
    public async Task BotGrantedAdministrationAndContentsWrite_ThatReadsIssues_GetsTheCreep()
    {
        var source = Bot("""{|#0:"administration:write"|}, {|#1:"contents:write"|}, {|#2:"issues:write"|}""", ReadsIssuesAndComments);

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Bot", "administration:write", "no code uses"),
                Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Bot", "contents:write", "no code uses"),
                Verify.Diagnostic("PA0002").WithLocation(2).WithArguments("Bot", "issues:write", "is broader than its code needs: 'issues:read' suffices"))
            .RunAsync();
    }

    [Fact]
    public async Task BotGrantedExactlyWhatItReads_GetsNothing()
    {
        await Test(Bot("\"issues:read\"", ReadsIssuesAndComments)).RunAsync();
    }

    [Fact]
    public async Task CallThroughAnOctokitInterface_CountsTheRouteOfItsImplementation()
    {
        const string body = """
                public Task Remove(string owner, string repo) => {|#0:github.Repository.Delete(owner, repo)|};
            """;

        await Test(Bot("\"administration:write\"", body.Replace("{|#0:", string.Empty).Replace(")|}", ")"))).RunAsync();
        await Test(Bot("", body))
            .Expecting(
                Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Bot.Remove", "administration:write", "IRepositoriesClient.Delete", "Bot"))
            .RunAsync();
    }

    [Fact]
    public async Task CallOnAnOctokitClass_CountsItsOwnRoute()
    {
        const string source = """
            using System.Threading.Tasks;
            using Octokit;
            using PermissionAnalyzer;

            [GrantedScopes("administration:write")]
            public sealed class Janitor
            {
                public Task Remove(RepositoriesClient repositories, long id) => repositories.Delete(id);
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task ClientMethodWithoutRoute_IsAnUndeterminedUse()
    {
        const string body = """
                public Task<string> Readme(string owner, string repo) => {|#0:github.Repository.Content.GetReadmeHtml(owner, repo)|};
            """;

        await Test(Bot("", body))
            .Expecting(Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Bot.Readme", "IRepositoryContentsClient.GetReadmeHtml", "Bot"))
            .RunAsync();
    }

    [Fact]
    public async Task RouteGitHubsDataDoesNotList_IsAnUndeterminedUse()
    {
        const string body = """
                public async Task<string> Me() => (await {|#0:github.User.Current()|}).Login;
            """;

        await Test(Bot("", body))
            .Expecting(Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Bot.Me", "IUsersClient.Current", "Bot"))
            .RunAsync();
    }

    [Fact]
    public async Task IssueComment_IsCoveredByIssuesWriteOrPullRequestsWrite()
    {
        const string body = """
                public Task Answer(string owner, string repo, int number) => github.Issue.Comment.Create(owner, repo, number, "Thanks!");
            """;

        await Test(Bot("\"pull_requests:write\"", body)).RunAsync();
        await Test(Bot("\"issues:write\"", body)).RunAsync();
    }

    [Fact]
    public async Task IssueCommentNotGranted_PA0004NamesBothAlternatives()
    {
        const string body = """
                public Task Answer(string owner, string repo, int number) => {|#0:github.Issue.Comment.Create(owner, repo, number, "Thanks!")|};
            """;

        await Test(Bot("", body))
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Bot.Answer", "issues:write' or 'pull_requests:write", "IIssueCommentsClient.Create", "Bot"))
            .RunAsync();
    }

    [Fact]
    public async Task RouteThatNeedsOnlyMetadata_RequiresNothing()
    {
        const string body = """
                public async Task<long> Stars(string owner, string repo) => (await github.Repository.Get(owner, repo)).StargazersCount;
            """;

        await Test(Bot("", body)).RunAsync();
    }

    [Fact]
    public async Task RawConnectionCall_IsAnUndeterminedUse()
    {
        const string body = """
                public Task<IApiResponse<object>> Raw() =>
                    {|#0:github.Connection.Get<object>(new Uri("https://api.github.com/user"), new System.Collections.Generic.Dictionary<string, string>())|};
            """;

        await Test(Bot("", body))
            .Expecting(Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Bot.Raw", "IConnection.Get", "Bot"))
            .RunAsync();
    }

    [Fact]
    public async Task BrokenCallOnAnOctokitClient_ReportsNothingAndDoesNotThrow()
    {
        const string body = """
                public Task Broken(string owner) => github.Issue.NoSuchMethod(owner, 42);

                public Task Wrong(string owner) => github.Repository.Delete(owner, owner, owner, owner);
            """;

        await Test(Bot("", body)).IgnoringCompilerDiagnostics().RunAsync();
    }

    [Fact]
    public async Task ModelsAndClientProperties_RequireNothing()
    {
        const string body = """
                public string Describe(Issue issue) => issue.Title + issue.User.Login + github.Issue.GetType().Name;

                public IIssuesClient Issues => github.Issue;
            """;

        await Test(Bot("", body)).RunAsync();
    }
}
