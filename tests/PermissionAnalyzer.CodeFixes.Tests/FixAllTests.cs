using System.Threading.Tasks;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.CodeFixes.Fixes;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>Fix All across projects, and Fix All as `dotnet format analyzers` invokes it.</summary>
public class FixAllTests
{
    private const string Api = Apis.Source;

    [Fact]
    public async Task RemoveScope_TwoProjects_FixAllInSolutionFixesBoth()
    {
        var main = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|PA0003:"messages:archive"|})]
            public sealed class Reader
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var mainFixed = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public sealed class Reader
            {
                public string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var second = $$"""
            using PermissionAnalyzer;

            [GrantedScopes({|PA0002:"messages:delete"|}, "messages:send")]
            public sealed class Sender
            {
                public void Send(string to) => MessagesApi.Send(to);
            }

            {{Api}}
            """;
        var secondFixed = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:send")]
            public sealed class Sender
            {
                public void Send(string to) => MessagesApi.Send(to);
            }

            {{Api}}
            """;

        await Verify.FixAsync(new[] { main }, new[] { mainFixed }, EquivalenceKeys.RemoveScope, test =>
        {
            var secondProject = new ProjectState("Second", test.Language, "/1/Test", "cs");
            secondProject.Sources.Add(second);
            secondProject.AdditionalReferences.Add(FixTest.Annotations);
            test.TestState.AdditionalProjects.Add("Second", secondProject);

            var secondFixedProject = new ProjectState("Second", test.Language, "/1/Test", "cs");
            secondFixedProject.Sources.Add(secondFixed);
            secondFixedProject.AdditionalReferences.Add(FixTest.Annotations);
            test.FixedState.AdditionalProjects.Add("Second", secondFixedProject);
        });
    }

    private const string Overbroad = $$"""
        using PermissionAnalyzer;

        [GrantedScopes({|PA0007:"contacts:*"|}, "messages:read", {|PA0003:"messages:archive"|}, {|PA0002:"messages:delete"|})]
        public sealed class Partner
        {
            public string Read(string id) => MessagesApi.Read(ContactsApi.Read(id));
        }

        {{Apis.Source}}
        """;

    [Theory]
    [InlineData(null)]
    [InlineData(EquivalenceKeys.RemoveScope)]
    [InlineData(EquivalenceKeys.ReplaceWildcard)]
    public async Task DotnetFormat_RemovalsWithoutKeyOrWithAnotherRulesKey_RemoveEveryUnusedScope(string? key)
    {
        var fixedText = await Verify.FixAllLikeDotnetFormatAsync(Markup(Overbroad), new OverBroadGrantFixer(), key, "PA0003", "PA0002");

        Assert.Contains("""[GrantedScopes("contacts:*", "messages:read")]""", fixedText);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(EquivalenceKeys.RemoveScope)]
    public async Task DotnetFormat_WildcardsWithoutKeyOrWithAnotherRulesKey_AreReplaced(string? key)
    {
        var fixedText = await Verify.FixAllLikeDotnetFormatAsync(Markup(Overbroad), new WildcardGrantFixer(), key, "PA0007");

        Assert.Contains("""[GrantedScopes("contacts:read", "messages:read", "messages:archive", "messages:delete")]""", fixedText);
    }

    [Fact]
    public async Task DotnetFormat_NarrowKey_NarrowsTheWholeGrant()
    {
        var fixedText = await Verify.FixAllLikeDotnetFormatAsync(Markup(Overbroad), new OverBroadGrantFixer(), EquivalenceKeys.NarrowGrant, "PA0001", "PA0002", "PA0003");

        Assert.Contains("""[GrantedScopes("contacts:read", "messages:read")]""", fixedText);
    }

    /// <summary>The source without its diagnostic markup.</summary>
    private static string Markup(string source) => Regex.Replace(source, @"\{\|PA\d{4}:(.*?)\|\}", "$1");
}
