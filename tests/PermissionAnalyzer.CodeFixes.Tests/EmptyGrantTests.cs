using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// Removing the last scope of a principal leaves <c>[GrantedScopes]</c> with no argument: the type stays a
/// principal granted nothing, its code does not move to an enclosing principal. Of several grant attributes
/// the first (by file path, then position) stays; the others go with their last scope.
/// </summary>
public class EmptyGrantTests
{
    private const string Api = Apis.Source;

    [Fact]
    public async Task RemoveScope_NestedPrincipalsLastScope_StaysAPrincipalSoItsCodeDoesNotMoveToTheOuterOne()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:delete")]
            public sealed class Outer
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void Purge(string id) => MessagesApi.Delete(id);

                [GrantedScopes({|PA0003:"contacts:list"|})]
                public sealed class Inner
                {
                }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:delete")]
            public sealed class Outer
            {
                public string Read(string id) => MessagesApi.Read(id);

                public void Purge(string id) => MessagesApi.Delete(id);

                [GrantedScopes]
                public sealed class Inner
                {
                }
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task RemoveScope_ArrayAndNamedArgument_LeaveGrantedScopesWithoutArguments()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes(new[] { {|PA0003:"messages:read"|} })]
            public sealed class First
            {
            }

            [GrantedScopes(scopes: {|PA0003:"messages:send"|})]
            public sealed class Second
            {
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class First
            {
            }

            [GrantedScopes]
            public sealed class Second
            {
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task Narrow_SeveralGrantAttributesAllUnused_KeepsTheFirstWithoutArguments()
    {
        var source = $$"""
            using PermissionAnalyzer;

            /// <summary>Calls nothing.</summary>
            [GrantedScopes({|PA0003:"messages:read"|})]
            [GrantedScopes({|PA0003:"contacts:list"|}, {|PA0002:"messages:delete"|})]
            [GrantedScopes({|PA0007:"contacts:*"|})]
            public sealed class Idle
            {
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            /// <summary>Calls nothing.</summary>
            [GrantedScopes]
            public sealed class Idle
            {
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.NarrowGrant);
    }

    [Fact]
    public async Task Narrow_FirstGrantAttributeUnusedOthersUsed_TheFirstStaysWithoutArguments()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0003:"messages:archive"|})]
            [GrantedScopes("messages:read", {|PA0003:"contacts:list"|})]
            public sealed class Reader
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes]
            [GrantedScopes("messages:read")]
            public sealed class Reader
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.NarrowGrant);
    }

    [Fact]
    public async Task RemoveScope_AssemblyPrincipalLastScope_LeavesAssemblyGrantedScopes()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes({|PA0003:"messages:read"|})]
            [assembly: GrantedScopes({|PA0003:"contacts:list"|})]

            public static class Job
            {
                public static int Run() => 0;
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [assembly: GrantedScopes]

            public static class Job
            {
                public static int Run() => 0;
            }

            {{Api}}
            """;

        await Verify.FixAssemblyAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task ReplaceWildcard_OnlyGrantCoversNothingUsed_LeavesGrantedScopesWithoutArguments()
    {
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0007:"contacts:*"|})]
            public sealed class Idle
            {
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Idle
            {
            }

            {{Api}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceWildcard);
    }
}
