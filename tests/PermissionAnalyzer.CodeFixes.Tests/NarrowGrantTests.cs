using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// "Narrow grant to what is used" makes the grant G ∩ U. Removing the unused scopes and replacing the
/// wildcards, in either order, ends in the same text: `dotnet format` may run the rules in any order.
/// </summary>
public class NarrowGrantTests
{
    private const string Principal = """
            public sealed class Partner
            {
                public string Read(string id) => MessagesApi.Read(id);

                public int Contacts() => ContactsApi.List().Length + ContactsApi.Read("me").Length;
            }
            """;

    private static readonly string Original = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",
                {|PA0003:"messages:archive"|},
                {|PA0007:"contacts:*"|},
                {|PA0002:"messages:delete"|})]
            {{Principal}}

            {{Apis.Source}}
            """;

    private static readonly string Removed = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",
                {|PA0007:"contacts:*"|})]
            {{Principal}}

            {{Apis.Source}}
            """;

    private static readonly string Replaced = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",
                {|PA0003:"messages:archive"|},
                "contacts:list",
                "contacts:read",
                {|PA0002:"messages:delete"|})]
            {{Principal}}

            {{Apis.Source}}
            """;

    private static readonly string Narrowed = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(
                "messages:read",
                "contacts:list",
                "contacts:read")]
            {{Principal}}

            {{Apis.Source}}
            """;

    [Fact]
    public Task Narrow_RemovesUnusedAndReplacesWildcards() =>
        Verify.FixAsync(Original, Narrowed, EquivalenceKeys.NarrowGrant);

    [Fact]
    public Task RemoveScope_LeavesTheWildcard() =>
        Verify.FixAsync(Original, Removed, EquivalenceKeys.RemoveScope);

    [Fact]
    public Task ReplaceWildcard_AfterRemoving_EndsAsNarrow() =>
        Verify.FixAsync(Removed, Narrowed, EquivalenceKeys.ReplaceWildcard);

    [Fact]
    public Task ReplaceWildcard_LeavesTheUnusedScopes() =>
        Verify.FixAsync(Original, Replaced, EquivalenceKeys.ReplaceWildcard);

    [Fact]
    public Task RemoveScope_AfterReplacing_EndsAsNarrow() =>
        Verify.FixAsync(Replaced, Narrowed, EquivalenceKeys.RemoveScope);

    [Fact]
    public async Task Narrow_AssemblyPrincipal_NarrowsEveryAssemblyGrant()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes({|PA0007:"messages:*"|})]
            [assembly: GrantedScopes({|PA0003:"contacts:list"|}, "contacts:read")]

            public static class Job
            {
                public static string Run(string id) => MessagesApi.Read(ContactsApi.Read(id));
            }

            {{Apis.Source}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes("messages:read")]
            [assembly: GrantedScopes("contacts:read")]

            public static class Job
            {
                public static string Run(string id) => MessagesApi.Read(ContactsApi.Read(id));
            }

            {{Apis.Source}}
            """;

        await Verify.FixAssemblyAsync(source, fixedSource, EquivalenceKeys.NarrowGrant);
    }
}
