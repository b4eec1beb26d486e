using System;
using GraphMapGenerator;
using Xunit;

namespace PermissionAnalyzer.Tests.Sdks.Graph;

/// <summary>The generator's path matching (tools/GraphMapGenerator/PathMatcher.cs): Kibali's cleaning first, then the better rules.</summary>
public class PathMatcherTests
{
    private static readonly PathMatcher Matcher = new(
        new[]
        {
        "/me/messages",
        "/users/{id}/messages/{id}",
        "/me/mailfolders/delta",
        "/users/{id}/mailfolders/{id}/childfolders/{id}/.../messages/{id}/attachments/{id}",
        "/chats/{id}/messages/{id}",
        "/teams/{id}/channels/{id}/messages/{id}",
        "/users/{id}/drive/items/{id}/workbook/worksheets/{id}/range(address={value})",
        "/directory/deleteditems/{id}",
        "/me/drive/items/{id}/children",
        "/users/{id}/drive/items/{id}/children",
        "/me/drive/items/{id}/workbook/tables/{id}/sort/reapply",
        "/me/drive/items/{id}/workbook/worksheets/{id}/charts/{id}/title",
        "/users/{id}/drive/items/{id}/workbook/worksheets/{id}/charts/{id}/series",
        "/me/drive/items/{id}/workbook/worksheets/{id}/charts/{id}/legend",
        },
        new[]
        {
            "{+baseurl}/users/{user%2Did}/messages/{message%2Did}{?%24select}",
            "{+baseurl}/teams/{team%2Did}/channels/{channel%2Did}/messages/{chatMessage%2Did}",
        });

    private static (MatchRule Rule, string Paths)? Match(string template, Func<System.Collections.Generic.IReadOnlyList<string>, bool>? agree = null) =>
        Matcher.Match(template, _ => true, agree ?? (_ => true)) is { } found ? (found.Rule, string.Join(" ", found.Paths)) : null;

    [Fact]
    public void TemplateWithParametersAndQuery_MatchesExactlyAfterKibalisCleaning() =>
        Assert.Equal((MatchRule.Exact, "/users/{id}/messages/{id}"), Match("{+baseurl}/users/{user%2Did}/messages/{message%2Did}{?%24expand,%24select}"));

    [Fact]
    public void FunctionArgumentsInQuotes_MatchTheDataSValuePlaceholder() =>
        Assert.Equal(MatchRule.Exact, Match("{+baseurl}/users/{user%2Did}/drive/items/{driveItem%2Did}/workbook/worksheets/{workbookWorksheet%2Did}/range(address='{address}')")?.Rule);

    [Fact]
    public void EmptyCallParentheses_AreSyntax() =>
        Assert.Equal((MatchRule.Syntax, "/me/mailfolders/delta"), Match("{+baseurl}/me/mailFolders/delta(){?%24top}"));

    [Fact]
    public void SignedInUsersPath_MatchesTheUsersPathAndBack()
    {
        Assert.Equal((MatchRule.Me, "/users/{id}/messages/{id}"), Match("{+baseurl}/me/messages/{message%2Did}"));
        Assert.Equal((MatchRule.Me, "/me/messages"), Match("{+baseurl}/users/{user%2Did}/messages{?%24top}"));
    }

    [Fact]
    public void NestedFolders_MatchTheDataSWildcardPath() =>
        Assert.Equal(MatchRule.Wildcard, Match("{+baseurl}/users/{user%2Did}/mailFolders/{a}/childFolders/{b}/childFolders/{c}/messages/{d}/attachments/{e}")?.Rule);

    [Fact]
    public void NavigationPath_MatchesTheCanonicalPathUnderTheSameRoot() =>
        Assert.Equal((MatchRule.Tail, "/users/{id}/messages/{id}"), Match("{+baseurl}/users/{user%2Did}/mailFolders/{mailFolder%2Did}/messages/{message%2Did}"));

    [Fact]
    public void TailSharedByRootsThatDisagree_IsNotMatched() =>
        Assert.Null(Match("{+baseurl}/groups/{group%2Did}/team/channels/{channel%2Did}/messages/{chatMessage%2Did}", _ => false));

    [Fact]
    public void TailSelectingAnotherEntity_IsNotMatched() =>
        Assert.Null(Match("{+baseurl}/users/{user%2Did}/joinedTeams/{team%2Did}/channels/{channel%2Did}/messages/{chatMessage%2Did}", _ => false));

    [Fact]
    public void TailUnderAnotherRoot_MatchesWhenEveryRootAgrees() =>
        Assert.Equal((MatchRule.Tail, "/teams/{id}/channels/{id}/messages/{id}"), Match("{+baseurl}/groups/{group%2Did}/team/channels/{channel%2Did}/messages/{chatMessage%2Did}"));

    [Fact]
    public void CountSegment_NeedsWhatListingNeeds() =>
        Assert.Equal((MatchRule.Count, "/me/messages"), Match("{+baseurl}/me/messages/$count{?%24filter}"));

    [Fact]
    public void CastSegment_NeedsWhatItsParentNeeds() =>
        Assert.Equal((MatchRule.Cast, "/directory/deleteditems/{id}"), Match("{+baseurl}/directory/deletedItems/{directoryObject%2Did}/graph.user"));

    [Fact]
    public void PathInsideASubtreeWhoseListedRequestsAgree_MatchesThem() =>
        Assert.Equal(MatchRule.Subtree, Match("{+baseurl}/drives/{drive%2Did}/items/{driveItem%2Did}/workbook/worksheets/{w}/charts/{c}/axes/valueAxis")?.Rule);

    [Fact]
    public void PathInsideASubtreeWhoseListedRequestsDisagree_IsNotMatched() =>
        Assert.Null(Match("{+baseurl}/drives/{drive%2Did}/items/{driveItem%2Did}/workbook/worksheets/{w}/charts/{c}/axes/valueAxis", _ => false));

    [Fact]
    public void UnknownPath_IsNotMatched() => Assert.Null(Match("{+baseurl}/solutions/bookingBusinesses"));
}
