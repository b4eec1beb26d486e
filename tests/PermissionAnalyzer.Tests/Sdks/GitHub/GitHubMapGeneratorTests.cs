using GitHubMapGenerator;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Engine.Sdks.GitHub;
using Xunit;

namespace PermissionAnalyzer.Tests.Sdks.GitHub;

/// <summary>The route normalization both sides of the join share, and what the generator makes of GitHub's data.</summary>
public class GitHubMapGeneratorTests
{
    [Theory]
    [InlineData("GET", "/repos/{owner}/{repo}/issues", "GET /repos/{}/{}/issues")]
    [InlineData("get", "/repos/{owner}/{repo}/issues/{issue_number}/comments", "GET /repos/{}/{}/issues/{}/comments")]
    [InlineData("POST", "/repos/{owner}/{repo}/issues/{number]/comments", "POST /repos/{}/{}/issues/{}/comments")]
    [InlineData("DELETE", "/repositories/{id}", "DELETE /repos/{}/{}")]
    [InlineData("GET", "/repositories/{id}/issues/{number}", "GET /repos/{}/{}/issues/{}")]
    [InlineData("GET", "/repository/{id}/collaborators", "GET /repos/{}/{}/collaborators")]
    [InlineData("GET", "/repoitories/{id}/contents/{path}", "GET /repos/{}/{}/contents/{}")]
    [InlineData("GET", "/repositories", "GET /repositories")]
    [InlineData("DELETE", "/repos/:owner/:repo/invitations/{invitation_id}", "DELETE /repos/{}/{}/invitations/{}")]
    [InlineData("GET", "orgs/{org}/properties/schema", "GET /orgs/{}/properties/schema")]
    [InlineData("GET", "/orgs/{org}/members?filter={1}&role={2}", "GET /orgs/{}/members")]
    [InlineData("GET", "/repos/{owner}/{repo}/compare/{base}...{head}", "GET /repos/{}/{}/compare/{}")]
    [InlineData("GET", "/repos/{owner}/{repo}/compare/{basehead}", "GET /repos/{}/{}/compare/{}")]
    [InlineData("GET ", "\n/repos/{owner}/{repo}/actions/jobs/{job_id}/", "GET /repos/{}/{}/actions/jobs/{}")]
    public void Normalize_WritesEveryParameterAsEmptyBracesAndRepositoriesByIdAsRepos(string verb, string path, string expected)
    {
        Assert.Equal(expected, GitHubRoute.Normalize(verb, path));
    }

    [Theory]
    [InlineData("", "/repos")]
    [InlineData("GET", "")]
    [InlineData(null, null)]
    public void Normalize_OfAnEmptyVerbOrPath_IsNull(string? verb, string? path)
    {
        Assert.Null(GitHubRoute.Normalize(verb, path));
    }

    private const string Data = """
        {
          "issues": { "permissions": [
            { "verb": "get", "requestPath": "/repos/{owner}/{repo}/issues", "access": "read" },
            { "verb": "post", "requestPath": "/repos/{owner}/{repo}/issues/{issue_number}/comments", "access": "write" },
            { "verb": "delete", "requestPath": "/repos/{owner}/{repo}/issues/comments/{comment_id}", "access": "write" }
          ] },
          "contents": { "permissions": [
            { "verb": "put", "requestPath": "/repos/{owner}/{repo}/contents/{path}", "access": "write" },
            { "verb": "put", "requestPath": "/repos/{owner}/{repo}/contents/{path}", "access": "write" }
          ] },
          "metadata": { "permissions": [
            { "verb": "get", "requestPath": "/repos/{owner}/{repo}", "access": "read" },
            { "verb": "delete", "requestPath": "/repos/{owner}/{repo}/issues/comments/{comment_id}", "access": "read" }
          ] },
          "organization_projects": { "permissions": [
            { "verb": "get", "requestPath": "/projects/{project_id}/collaborators", "access": "admin" }
          ] },
          "pull_requests": { "permissions": [
            { "verb": "post", "requestPath": "/repos/{owner}/{repo}/issues/{issue_number}/comments", "access": "write" }
          ] },
          "repository_projects": { "permissions": [
            { "verb": "get", "requestPath": "/projects/{project_id}/collaborators", "access": "write" }
          ] },
          "workflows": { "permissions": [
            { "verb": "put", "requestPath": "/repos/{owner}/{repo}/contents/{path}", "access": "write" }
          ] }
        }
        """;

    [Fact]
    public void Generate_JoinsRoutesToAlternativesWithoutMetadataAndWithImplicationsAndDestructiveScopes()
    {
        var expected = MapGenerator.Header + """
            route	DELETE /repos/{}/{}/issues/comments/{}	issues:write
            route	GET /projects/{}/collaborators	repository_projects:write|organization_projects:admin
            route	GET /repos/{}/{}	
            route	GET /repos/{}/{}/issues	issues:read
            route	POST /repos/{}/{}/issues/{}/comments	issues:write|pull_requests:write
            route	PUT /repos/{}/{}/contents/{}	contents:write
            implies	contents:write	contents:read
            implies	issues:write	issues:read
            implies	organization_projects:admin	organization_projects:write
            implies	organization_projects:admin	organization_projects:read
            implies	organization_projects:write	organization_projects:read
            implies	pull_requests:write	pull_requests:read
            implies	repository_projects:write	repository_projects:read
            implies	workflows:write	workflows:read
            destructive	issues:write

            """.Replace("\r\n", "\n");

        Assert.Equal(expected, MapGenerator.Generate(Data));
    }

    [Fact]
    public void TheEmbeddedTable_ReadsTheGeneratorsFormat()
    {
        var table = GitHubRouteTable.Parse(MapGenerator.Generate(Data));

        Assert.True(table.TryGetTerm("POST /repos/{}/{}/issues/{}/comments", out var comment));
        Assert.Equal(Term.Of(new[] { "issues:write", "pull_requests:write" }), comment);
        Assert.True(table.TryGetTerm("GET /repos/{}/{}", out var metadataOnly));
        Assert.Null(metadataOnly);
        Assert.False(table.TryGetTerm("GET /emojis", out _));
        Assert.Contains(("issues:write", "issues:read"), table.Implications);
        Assert.Equal(new[] { "issues:write" }, table.Destructive);
    }

    [Fact]
    public void TheEmbeddedTable_LoadsFromThePackage()
    {
        var table = GitHubRouteTable.LoadEmbedded();

        Assert.Equal(720, table.RouteCount);
        Assert.True(table.TryGetTerm("DELETE /repos/{}/{}", out var delete));
        Assert.Equal("administration:write", delete);
    }
}
