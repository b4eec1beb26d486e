using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>PA0007: "Replace wildcard with used scopes".</summary>
public class WildcardGrantFixerTests
{
    private const string Api = Apis.Source;

    [Fact]
    public async Task ReplaceWildcard_Inline_BecomesTheUsedScopesItCovers()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0007:"messages:*"|}, "contacts:list")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0]);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send", "contacts:list")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0]);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }

    [Fact]
    public async Task ReplaceWildcard_OneScopePerLine_OneReplacementPerLine()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "contacts:list",
                {|PA0007:"messages:*"|}, // everything messages
                "contacts:read")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0] + ContactsApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "contacts:list",
                "messages:read",
                "messages:send", // everything messages
                "contacts:read")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0] + ContactsApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }

    [Fact]
    public async Task ReplaceWildcard_OverlappingWildcards_EachUsedScopeGrantedOnce()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0007:"*"|}, {|PA0007:"messages:*"|}, "messages:read")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0]);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("contacts:list", "messages:send", "messages:read")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0]);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }

    [Fact]
    public async Task ReplaceWildcard_ConstantInExplicitArray_BecomesLiterals()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Scopes
            {
                public const string AllMessages = "messages:*";
                public const string Contacts = "contacts:list";
            }

            [GrantedScopes(new[] { Scopes.Contacts, {|PA0007:Scopes.AllMessages|} })]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0]);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public static class Scopes
            {
                public const string AllMessages = "messages:*";
                public const string Contacts = "contacts:list";
            }

            [GrantedScopes(new[] { Scopes.Contacts, "messages:read", "messages:send" })]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id) + ContactsApi.List()[0]);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }

    [Fact]
    public async Task ReplaceWildcard_CoveringNothingUsed_RemovesIt()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0007:"calendar:*"|})]
            [GrantedScopes({|PA0007:"files:*"|})]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }

    [Fact]
    public async Task ReplaceWildcard_NamedParamsArgument_BecomesAnExplicitArray()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(scopes: {|PA0007:"messages:*"|})]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(scopes: new[] { "messages:read", "messages:send" })]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }
}
