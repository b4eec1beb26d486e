using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>PA0004 and PA0006: "Grant 'x'"; PA0006: "Remove 'x' from feature 'f'".</summary>
public class UngrantedScopeFixerTests
{
    private const string Api = Apis.Source;

    [Fact]
    public async Task Grant_AppendsToTheLastGrantAttribute()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            [GrantedScopes(
                "contacts:list")]
            public sealed class Partner
            {
                public void Share(string to) => {|PA0004:MessagesApi.Send(MessagesApi.Read(to) + ContactsApi.List()[0])|};
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            [GrantedScopes(
                "contacts:list",
                "messages:send")]
            public sealed class Partner
            {
                public void Share(string to) => MessagesApi.Send(MessagesApi.Read(to) + ContactsApi.List()[0]);
            }

            {{Api}}
            """;

        await Verify.GrantAsync(source, fixedSource);
    }

    [Fact]
    public async Task Grant_SeveralScopes_GrantsEachOnceInOrder()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public sealed class Partner
            {
                public void Share(string to)
                {
                    {|PA0004:MessagesApi.Send(to)|};
                    {|PA0004:MessagesApi.Delete(to)|};
                    {|PA0004:MessagesApi.Send(MessagesApi.Read(to))|};
                }

                private sealed class Helper
                {
                    public string[] Friends() => {|PA0004:ContactsApi.List()|};
                }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send", "messages:delete", "contacts:list")]
            public sealed class Partner
            {
                public void Share(string to)
                {
                    MessagesApi.Send(to);
                    MessagesApi.Delete(to);
                    MessagesApi.Send(MessagesApi.Read(to));
                }

                private sealed class Helper
                {
                    public string[] Friends() => ContactsApi.List();
                }
            }

            {{Api}}
            """;

        await Verify.GrantAsync(source, fixedSource);
    }

    [Fact]
    public async Task Grant_NoGrantYet_AddsOneBeforeTheFeatures()
    {
        var source = $$"""
            using PermissionAnalyzer;

            namespace Partners
            {
                /// <summary>Shares songs.</summary>
                [FeatureNeeds("Share", {|PA0006:"messages:send"|})]
                public sealed class Partner
                {
                    public void Share(string to) => {|PA0004:MessagesApi.Send(to)|};
                }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            namespace Partners
            {
                /// <summary>Shares songs.</summary>
                [GrantedScopes("messages:send")]
                [FeatureNeeds("Share", "messages:send")]
                public sealed class Partner
                {
                    public void Share(string to) => MessagesApi.Send(to);
                }
            }

            {{Api}}
            """;

        await Verify.GrantAsync(source, fixedSource);
    }

    [Fact]
    public async Task Grant_ExplicitArray_AppendsToTheArray()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(new[] { "messages:read" })]
            public sealed class Partner
            {
                public void Share(string to) => {|PA0004:MessagesApi.Send(MessagesApi.Read(to))|};
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(new[] { "messages:read", "messages:send" })]
            public sealed class Partner
            {
                public void Share(string to) => MessagesApi.Send(MessagesApi.Read(to));
            }

            {{Api}}
            """;

        await Verify.GrantAsync(source, fixedSource);
    }

    [Fact]
    public async Task Grant_NamedScopesArgument_BecomesAnExplicitArray()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(scopes: "messages:read")]
            public sealed class Partner
            {
                public void Share(string to) => {|PA0004:MessagesApi.Send(MessagesApi.Read(to))|};
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(scopes: new[] { "messages:read", "messages:send" })]
            public sealed class Partner
            {
                public void Share(string to) => MessagesApi.Send(MessagesApi.Read(to));
            }

            {{Api}}
            """;

        await Verify.GrantAsync(source, fixedSource);
    }

    [Fact]
    public async Task Grant_AssemblyPrincipal_AppendsToTheAssemblyGrant()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes("messages:read")]

            public static class Job
            {
                public static void Run(string id) => {|PA0004:MessagesApi.Send(MessagesApi.Read(id))|};
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes("messages:read", "messages:send")]

            public static class Job
            {
                public static void Run(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.GrantAsync(source, fixedSource);
    }

    [Fact]
    public async Task Offered_FeatureNeedsUngrantedScope_GrantOrRemoveNeed()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            [FeatureNeeds("Share", "messages:read", "messages:send")]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        var need = Assert.Single(await Verify.OfferedAsync(source, "PA0006"));
        Assert.Equal(
            new[]
            {
                "Grant 'messages:send' | ",
                "Remove 'messages:send' from feature 'Share' | " + EquivalenceKeys.RemoveNeed,
            },
            need);
    }

    [Fact]
    public async Task RemoveNeed_RemovesTheNeedAndKeepsTheFeature()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            [FeatureNeeds("Read", "messages:read", {|PA0006:"messages:send"|})]
            [FeatureNeeds("Export", {|PA0006:"messages:export"|})]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            [FeatureNeeds("Read", "messages:read")]
            [FeatureNeeds("Export")]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveNeed);
    }
}
