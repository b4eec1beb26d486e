using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Fixes;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// Granting is always a deliberate, single action: "Grant 'x'" has no equivalence key, hosts offer no Fix All
/// for it, and Fix All never applies it, whatever key it is asked for (none, as `dotnet format` passes when the
/// first action it sees has none; another fixer's; an old "GrantScope" key).
/// </summary>
public class BulkNeverGrantsTests
{
    private const string Ungranted = $$"""
        using PermissionAnalyzer;

        [GrantedScopes("messages:read")]
        [FeatureNeeds("Share", "messages:read", {|PA0006:"messages:send"|})]
        public sealed class Sharer
        {
            public void Share(string to) => {|PA0004:MessagesApi.Send(MessagesApi.Read(to))|};

            public void Purge(string id) => {|PA0004:MessagesApi.Delete(id)|};
        }

        [FeatureNeeds("List", {|PA0006:"contacts:list"|})]
        public sealed class Lister
        {
            public string[] List() => {|PA0004:ContactsApi.List()|};
        }

        {{Apis.Source}}
        """;

    [Theory]
    [InlineData(null)]
    [InlineData("PermissionAnalyzer.GrantScope")]
    [InlineData(EquivalenceKeys.RemoveScope)]
    [InlineData(EquivalenceKeys.NarrowGrant)]
    public async Task DotnetFormat_AnyKey_NeverGrants(string? key)
    {
        var source = Markup(Ungranted);

        var fixedText = await Verify.FixAllLikeDotnetFormatAsync(source, new UngrantedScopeFixer(), key, "PA0004", "PA0006");

        Assert.Equal(source, fixedText);
    }

    [Fact]
    public async Task FixAll_RemoveNeedChosen_RemovesTheNeedsAndGrantsNothing()
    {
        var fixedText = await Verify.FixAllLikeDotnetFormatAsync(Markup(Ungranted), new UngrantedScopeFixer(), EquivalenceKeys.RemoveNeed, "PA0004", "PA0006");

        Assert.Contains("""
            [GrantedScopes("messages:read")]
            [FeatureNeeds("Share", "messages:read")]
            """, fixedText);
        Assert.Contains("""[FeatureNeeds("List")]""", fixedText);
        Assert.Single(Regex.Matches(fixedText, "GrantedScopes"));
    }

    [Fact]
    public async Task Offered_Grant_HasNoEquivalenceKeyAndPA0004HasNoFixAll()
    {
        var offered = await Verify.OfferedAsync(Markup(Ungranted), "PA0004");

        Assert.All(offered, actions => Assert.Equal(new[] { actions[0].Split('|')[0] + "| " }, actions));
        Assert.Equal("Grant 'messages:send' | ", offered[0][0]);

        var fixer = new UngrantedScopeFixer();
        Assert.Equal(new[] { "PA0006" }, fixer.GetFixAllProvider().GetSupportedFixAllDiagnosticIds(fixer).ToArray());
    }

    [Fact]
    public async Task Grant_SingleActionStillGrants()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public sealed class Sharer
            {
                public void Share(string to) => {|PA0004:MessagesApi.Send(MessagesApi.Read(to))|};
            }

            {{Apis.Source}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            public sealed class Sharer
            {
                public void Share(string to) => MessagesApi.Send(MessagesApi.Read(to));
            }

            {{Apis.Source}}
            """;

        // Fix All (document, project, solution) is required to leave the source as it was.
        await Verify.GrantAsync(source, fixedSource);
    }

    /// <summary>The source without its diagnostic markup.</summary>
    private static string Markup(string source) => Regex.Replace(source, @"\{\|PA\d{4}:(.*?)\|\}", "$1");
}
