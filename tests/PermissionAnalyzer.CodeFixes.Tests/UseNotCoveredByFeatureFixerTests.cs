using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>PA0005: "Declare 'x' in feature 'f'", one action per declared feature.</summary>
public class UseNotCoveredByFeatureFixerTests
{
    private const string Api = Apis.Source;

    [Fact]
    public async Task Offered_OneDeclarePerFeature()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            [FeatureNeeds("Read", "messages:read")]
            [FeatureNeeds("Share")]
            public sealed class Partner
            {
                public void Share(string to) => MessagesApi.Send(MessagesApi.Read(to));
            }

            {{Api}}
            """;

        var use = Assert.Single(await Verify.OfferedAsync(source, "PA0005"));
        Assert.Equal(
            new[]
            {
                "Declare 'messages:send' in feature 'Read' | " + EquivalenceKeys.DeclareInFeature("Read"),
                "Declare 'messages:send' in feature 'Share' | " + EquivalenceKeys.DeclareInFeature("Share"),
            },
            use);
    }

    [Fact]
    public async Task Declare_OneNeedPerLine_AppendsOnItsOwnLine()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            [FeatureNeeds("Read", "messages:read")]
            [FeatureNeeds(
                "Share",
                "messages:read")]
            public sealed class Partner
            {
                public void Share(string to)
                {
                    var thread = MessagesApi.Read(to);
                    {|PA0005:MessagesApi.Send(thread)|};
                }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            [FeatureNeeds("Read", "messages:read")]
            [FeatureNeeds(
                "Share",
                "messages:read",
                "messages:send")]
            public sealed class Partner
            {
                public void Share(string to)
                {
                    var thread = MessagesApi.Read(to);
                    MessagesApi.Send(thread);
                }
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.DeclareInFeature("Share"));
    }

    [Fact]
    public async Task Declare_SeveralUses_DeclaresEachScopeOnceInUseOrder()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send", "contacts:list")]
            [FeatureNeeds("Share")]
            public sealed class Partner
            {
                public void Share(string to)
                {
                    {|PA0005:MessagesApi.Send(to)|};
                    var friends = {|PA0005:ContactsApi.List()|};
                    {|PA0005:MessagesApi.Send(friends[0])|};
                    var thread = {|PA0005:MessagesApi.Read(to)|};
                }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send", "contacts:list")]
            [FeatureNeeds("Share", "messages:send", "contacts:list", "messages:read")]
            public sealed class Partner
            {
                public void Share(string to)
                {
                    MessagesApi.Send(to);
                    var friends = ContactsApi.List();
                    MessagesApi.Send(friends[0]);
                    var thread = MessagesApi.Read(to);
                }
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.DeclareInFeature("Share"));
    }

    [Fact]
    public async Task Declare_NeedsInAnExplicitArray_AppendsToTheArray()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            [FeatureNeeds("Share", new[] { "messages:read" })]
            public sealed class Partner
            {
                public void Share(string to) => {|PA0005:MessagesApi.Send(MessagesApi.Read(to))|};
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            [FeatureNeeds("Share", new[] { "messages:read", "messages:send" })]
            public sealed class Partner
            {
                public void Share(string to) => MessagesApi.Send(MessagesApi.Read(to));
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.DeclareInFeature("Share"));
    }
}
