using System;
using System.Text;

namespace PermissionAnalyzer.Engine.Sdks.GitHub;

/// <summary>
/// The one normalization of a REST route that both sides of the GitHub join go through: GitHub's published
/// permission data (by the generator, tools/GitHubMapGenerator, which compiles this file too) and Octokit's
/// <c>[ManualRoute(verb, path)]</c> attributes (by <see cref="OctokitMap"/>). Both must agree, so there is one copy.
/// </summary>
internal static class GitHubRoute
{
    private const string RepositoryByName = "/repos/{}/{}";

    /// <summary>
    /// <c>VERB /path</c> with the verb upper-cased and the path reduced to its shape: the query string dropped,
    /// a leading slash ensured, a trailing one removed, every segment holding a parameter (<c>{owner}</c>,
    /// <c>{number]</c>, <c>:owner</c>, <c>{base}...{head}</c>) written <c>{}</c>, and Octokit's repository-by-id
    /// form (<c>/repositories/{id}/...</c>, also misspelled <c>/repository/</c>, <c>/repoitories/</c>,
    /// <c>/repositorioes/</c>) written as GitHub's <c>/repos/{owner}/{repo}/...</c>. Null when the verb or the
    /// path is empty.
    /// </summary>
    public static string? Normalize(string? verb, string? path)
    {
        var method = verb?.Trim().ToUpperInvariant();
        var text = path?.Trim();
        if (string.IsNullOrEmpty(method) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        var query = text!.IndexOf('?');
        if (query >= 0)
        {
            text = text.Substring(0, query);
        }

        var shape = new StringBuilder(text.Length);
        foreach (var segment in text.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = segment.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            shape.Append('/').Append(trimmed.IndexOf('{') >= 0 || trimmed[0] == ':' ? "{}" : trimmed);
        }

        var normalized = shape.Length == 0 ? "/" : shape.ToString();
        foreach (var byId in new[] { "/repositories/{}", "/repository/{}", "/repoitories/{}", "/repositorioes/{}" })
        {
            if (normalized == byId || normalized.StartsWith(byId + "/", StringComparison.Ordinal))
            {
                normalized = RepositoryByName + normalized.Substring(byId.Length);
                break;
            }
        }

        return method + " " + normalized;
    }
}
