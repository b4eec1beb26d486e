using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// Which scopes are destructive: a word part (split on <c>: . _ - /</c> and lower-to-upper case changes) equals
/// a destructive word, ignoring case; <c>permission_analyzer.destructive_words</c> replaces the default list.
/// An unused grant without features shows it: PA0002 when destructive, PA0003 when not.
/// </summary>
public class DestructiveWordsTests
{
    private static string UnusedGrant(string scope) => $$"""
        using PermissionAnalyzer;

        [GrantedScopes({|#0:"{{scope}}"|})]
        public sealed class Partner
        {
        }
        """;

    [Theory]
    [InlineData("messages:delete")]
    [InlineData("purgeHistory")]
    [InlineData("Mail.DELETE")]
    [InlineData("repo_remove")]
    [InlineData("files/Erase")]
    [InlineData("device-wipe")]
    [InlineData("org:admin")]
    [InlineData("DestroyAll")]
    [InlineData("delete")]
    public async Task ScopeWithADestructiveWordPart_IsDestructive(string scope)
    {
        await Verify.AnalyzerAsync(UnusedGrant(scope), Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", scope, "no code uses"));
    }

    [Theory]
    [InlineData("messages:deleted")]
    [InlineData("messages:read")]
    [InlineData("contacts:removal")]
    [InlineData("administrator")]
    [InlineData("Mail.Undelete")]
    [InlineData("PURGEALL")]
    public async Task ScopeWithoutADestructiveWordPart_IsNotDestructive(string scope)
    {
        await Verify.AnalyzerAsync(UnusedGrant(scope), Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", scope));
    }

    [Fact]
    public async Task EditorConfigOption_ReplacesTheDefaultList()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"tokens:revoke"|}, {|#1:"messages:delete"|}, {|#2:"NUKE_all"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.Test(source)
            .WithEditorConfig("permission_analyzer.destructive_words = revoke, nuke")
            .Expecting(
                Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "tokens:revoke", "no code uses"),
                Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("Partner", "messages:delete"),
                Verify.Diagnostic("PA0002").WithLocation(2).WithArguments("Partner", "NUKE_all", "no code uses"))
            .RunAsync();
    }

    [Fact]
    public async Task GlobalConfigOption_ReplacesTheDefaultListForAssemblyPrincipalsToo()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes({|#0:"tokens:revoke"|}, {|#1:"messages:delete"|})]

            [GrantedScopes({|#2:"tokens:revoke"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.Test(source)
            .WithGlobalConfig("permission_analyzer.destructive_words = revoke")
            .Expecting(
                Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("TestProject", "tokens:revoke", "no code uses"),
                Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("TestProject", "messages:delete"),
                Verify.Diagnostic("PA0002").WithLocation(2).WithArguments("Partner", "tokens:revoke", "no code uses"))
            .RunAsync();
    }
}
