using System;
using Octokit;

namespace GitHubBot;

public static class Program
{
    public static async System.Threading.Tasks.Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: GitHubBot <owner> <repo>   (GITHUB_TOKEN: an installation token of the bot's GitHub App)");
            return 2;
        }

        var github = new GitHubClient(new ProductHeaderValue("GitHubBot"))
        {
            Credentials = new Credentials(Environment.GetEnvironmentVariable("GITHUB_TOKEN") ?? string.Empty),
        };

        Console.WriteLine($"{await new TriageBot(github).TriageAsync(args[0], args[1])} issue(s) triaged");
        Console.Write(await new StaleIssueReport(github).BuildAsync(args[0], args[1], TimeSpan.FromDays(30)));
        return 0;
    }
}
