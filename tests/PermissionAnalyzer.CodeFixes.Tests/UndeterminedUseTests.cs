using System.Threading.Tasks;
using System.Text.RegularExpressions;
using PermissionAnalyzer.CodeFixes.Fixes;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// While a principal has a use that cannot be determined (PA0009: dynamic, reflection), what its code uses
/// may be incomplete: "Remove scope", "Narrow grant to what is used" and "Replace wildcard with used scopes"
/// are not offered, and Fix All leaves that principal alone.
/// </summary>
public class UndeterminedUseTests
{
    private const string Api = Apis.Source;

    private const string Dynamic = $$"""
        using PermissionAnalyzer;

        [GrantedScopes("messages:read", {|PA0003:"messages:archive"|}, {|PA0002:"messages:delete"|}, {|PA0007:"contacts:*"|})]
        public sealed class Scripted
        {
            public string Read(string id) => MessagesApi.Read(id);

            public void Run(dynamic client) => {|PA0009:client.Purge()|};
        }

        [GrantedScopes("messages:read", {|PA0003:"messages:archive"|}, {|PA0002:"messages:delete"|}, {|PA0007:"contacts:*"|})]
        public sealed class Plain
        {
            public string Read(string id) => MessagesApi.Read(ContactsApi.Read(id));
        }

        {{Api}}
        """;

    [Theory]
    [InlineData("PA0002")]
    [InlineData("PA0003")]
    [InlineData("PA0007")]
    public async Task Offered_PrincipalWithUndeterminedUse_NoRemovalButOnlyForThatPrincipal(string id)
    {
        var offered = await Verify.OfferedAsync(Markup(Dynamic), id);

        Assert.Equal(2, offered.Count);
        Assert.Empty(offered[0]);
        Assert.NotEmpty(offered[1]);
    }

    [Theory]
    [InlineData(EquivalenceKeys.RemoveScope)]
    [InlineData(EquivalenceKeys.NarrowGrant)]
    public async Task FixAll_PrincipalWithUndeterminedUse_IsSkipped(string key)
    {
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0003:"messages:archive"|}, {|PA0002:"messages:delete"|}, {|PA0007:"contacts:*"|})]
            public sealed class Scripted
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void Run(dynamic client) => {|PA0009:client.Purge()|};
            }

            [GrantedScopes("messages:read", {{(key == EquivalenceKeys.NarrowGrant ? "\"contacts:read\"" : "{|PA0007:\"contacts:*\"|}")}})]
            public sealed class Plain
            {
                public string Read(string id) => MessagesApi.Read(ContactsApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(Dynamic, fixedSource, key);
    }

    [Fact]
    public async Task ReplaceWildcard_PrincipalWithUndeterminedUse_IsSkipped()
    {
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0003:"messages:archive"|}, {|PA0002:"messages:delete"|}, {|PA0007:"contacts:*"|})]
            public sealed class Scripted
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void Run(dynamic client) => {|PA0009:client.Purge()|};
            }

            [GrantedScopes("messages:read", {|PA0003:"messages:archive"|}, {|PA0002:"messages:delete"|}, "contacts:read")]
            public sealed class Plain
            {
                public string Read(string id) => MessagesApi.Read(ContactsApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(Dynamic, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }

    [Fact]
    public async Task DotnetFormat_WithoutKey_LeavesThePrincipalWithUndeterminedUse()
    {
        var fixedText = await Verify.FixAllLikeDotnetFormatAsync(Markup(Dynamic), new OverBroadGrantFixer(), null, "PA0002", "PA0003");

        Assert.Contains("""[GrantedScopes("messages:read", "messages:archive", "messages:delete", "contacts:*")]""", fixedText);
        Assert.Contains("""[GrantedScopes("messages:read", "contacts:*")]""", fixedText);
    }

    [Fact]
    public async Task UndeterminedUseThroughAHelper_StillBlocksRemoval()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0003:"messages:archive"|})]
            public sealed class Scripted
            {
                public void Run(object client) => {|PA0009:Bridge.Call(client)|};
            }

            public static class Bridge
            {
                public static void Call(object client) => ((dynamic)client).Archive();
            }

            {{Api}}
            """;

        var offered = Assert.Single(await Verify.OfferedAsync(Markup(source), "PA0003"));
        Assert.Empty(offered);
    }

    /// <summary>The source without its diagnostic markup.</summary>
    private static string Markup(string source) => Regex.Replace(source, @"\{\|PA\d{4}:(.*?)\|\}", "$1");
}
