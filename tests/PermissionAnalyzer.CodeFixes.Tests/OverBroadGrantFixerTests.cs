using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>PA0001, PA0002, PA0003: "Remove scope 'x'", "Narrow grant to what is used", "Declare 'x' in feature 'f'".</summary>
public class OverBroadGrantFixerTests
{
    private const string Api = Apis.Source;

    [Fact]
    public async Task RemoveScope_InlineMiddleArgument_RemovesOnlyIt()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0003:"messages:archive"|}, "messages:send")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_OneScopePerLine_KeepsLayoutAndComments()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",     // reading threads
                {|PA0003:"messages:archive"|}, // never called
                // sending
                "messages:send",
                {|PA0002:"messages:delete"|})]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",     // reading threads
                // sending
                "messages:send")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_LastScopeAfterACommentedOne_CommentStaysOnItsLine()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",
                "messages:delete", // the clean-up job
                {|PA0003:"messages:archive"|})] // archive, never called
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void CleanUp(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",
                "messages:delete")] // the clean-up job
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void CleanUp(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_ClosingParenthesisOnItsOwnLine_StaysThere()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",
                {|PA0003:"messages:archive"|}
            )]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read"
            )]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_LastScopeOfTheGrant_LeavesGrantedScopesWithoutArguments()
    {
        var source = $$"""
            using PermissionAnalyzer;

            namespace Partners
            {
                /// <summary>Calls nothing.</summary>
                [GrantedScopes({|PA0003:"messages:read"|})]
                [System.Serializable]
                public sealed class Idle
                {
                }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            namespace Partners
            {
                /// <summary>Calls nothing.</summary>
                [GrantedScopes]
                [System.Serializable]
                public sealed class Idle
                {
                }
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_GrantSharingAnAttributeList_RemovesOnlyTheGrant()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:send")]
            [GrantedScopes({|PA0001:"messages:archive"|}), FeatureNeeds("Share", "messages:send")]
            public sealed class Partner
            {
                public void Share(string to) => MessagesApi.Send(to);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:send")]
            [FeatureNeeds("Share", "messages:send")]
            public sealed class Partner
            {
                public void Share(string to) => MessagesApi.Send(to);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_Constants_OtherArgumentsStayConstants()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Scopes
            {
                public const string Read = "messages:read";
                public const string Archive = "messages:archive";
                public const string Write = "messages:send";
            }

            [GrantedScopes(Scopes.Read, {|PA0003:Scopes.Archive|}, Scopes.Write)]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public static class Scopes
            {
                public const string Read = "messages:read";
                public const string Archive = "messages:archive";
                public const string Write = "messages:send";
            }

            [GrantedScopes(Scopes.Read, Scopes.Write)]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_ExplicitArrays_RemovesElementsThenEmptiedArraysAndAttributes()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(new[] { "messages:read", {|PA0003:"messages:archive"|} })]
            [GrantedScopes(new string[] { {|PA0003:"messages:export"|} })]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(new[] { "messages:read" })]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_CollectionExpressions_RemovesElementsThenEmptiedCollections()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(["messages:read", {|PA0003:"messages:archive"|}])]
            [GrantedScopes([{|PA0003:"messages:export"|}])]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(["messages:read"])]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_GrantSplitOverSeveralAttributes_RemovesFromEach()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0003:"messages:archive"|})]
            [GrantedScopes({|PA0003:"messages:export"|}, {|PA0002:"messages:delete"|})]
            [GrantedScopes("messages:send")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            [GrantedScopes("messages:send")]
            public sealed class Partner
            {
                public void Share(string id) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_PartialClassInTwoDocuments_FixesBoth()
    {
        var first = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0003:"messages:archive"|})]
            public partial class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }
            """;
        var second = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0003:"messages:export"|})]
            public partial class Partner
            {
            }

            {{Api}}
            """;
        var firstFixed = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public partial class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);
            }
            """;
        var secondFixed = $$"""
            using PermissionAnalyzer;

            public partial class Partner
            {
            }

            {{Api}}
            """;

        await Verify.FixAsync(new[] { first, second }, new[] { firstFixed, secondFixed }, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_AssemblyPrincipal_RemovesFromAssemblyAttributes()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes("messages:read", {|PA0003:"messages:archive"|})]
            [assembly: GrantedScopes({|PA0002:"messages:delete"|})]

            public static class Job
            {
                public static string Run(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes("messages:read")]

            public static class Job
            {
                public static string Run(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await Verify.FixAssemblyAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_TwoPrincipalsInOneDocument_FixesEach()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0003:"contacts:list"|}, "messages:read", {|PA0003:"messages:send"|})]
            public sealed class Reader
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            [GrantedScopes({|PA0003:"messages:read"|}, "messages:send")]
            public sealed class Sender
            {
                public void Send(string to) => MessagesApi.Send(to);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public sealed class Reader
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            [GrantedScopes("messages:send")]
            public sealed class Sender
            {
                public void Send(string to) => MessagesApi.Send(to);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_UsedDestructiveScope_IsNotOffered()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:delete", "messages:archive")]
            [FeatureNeeds("Read", "messages:read")]
            [FeatureNeeds("Clean up", "messages:read")]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void CleanUp(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;

        var creep = Assert.Single(await Verify.OfferedAsync(source, "PA0002"));
        Assert.Equal(
            new[]
            {
                "Narrow grant to what is used | " + EquivalenceKeys.NarrowGrant,
                "Declare 'messages:delete' in feature 'Read' | " + EquivalenceKeys.DeclareInFeature("Read"),
                "Declare 'messages:delete' in feature 'Clean up' | " + EquivalenceKeys.DeclareInFeature("Clean up"),
            },
            creep);

        var exceeds = Assert.Single(await Verify.OfferedAsync(source, "PA0001"));
        Assert.Equal(
            new[]
            {
                "Remove scope 'messages:archive' | " + EquivalenceKeys.RemoveScope,
                "Narrow grant to what is used | " + EquivalenceKeys.NarrowGrant,
            },
            exceeds);
    }

    [Fact]
    public async Task Narrow_NothingToNarrow_IsNotOffered()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:delete")]
            [FeatureNeeds("Read", "messages:read")]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void CleanUp(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;

        var creep = Assert.Single(await Verify.OfferedAsync(source, "PA0002"));
        Assert.Equal(new[] { "Declare 'messages:delete' in feature 'Read' | " + EquivalenceKeys.DeclareInFeature("Read") }, creep);
    }

    [Fact]
    public async Task DeclareInFeature_UsedDestructiveScope_AddsItToTheChosenFeature()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0002:"messages:delete"|})]
            [FeatureNeeds("Read", "messages:read")]
            [FeatureNeeds("Clean up")]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void CleanUp(string id) => {|PA0005:MessagesApi.Delete(id)|};
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:delete")]
            [FeatureNeeds("Read", "messages:read")]
            [FeatureNeeds("Clean up", "messages:delete")]
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void CleanUp(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.DeclareInFeature("Clean up"));
    }
}
