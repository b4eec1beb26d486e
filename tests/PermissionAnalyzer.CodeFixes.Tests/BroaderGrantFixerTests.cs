using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// PA0010 and PA0002 on a scope broader than needed: "Replace 'x' with 'y'" grants what suffices instead; an
/// already-granted scope is removed; "Narrow grant to what is used" replaces rather than removes, so no use
/// loses its cover.
/// </summary>
public class BroaderGrantFixerTests
{
    private const string MailApi = """

        public static class MailApi
        {
            [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")] public static string[] List() => new string[0];
            [RequiresScope("Mail.Read")] public static string Body(string id) => id;
            [RequiresScope("Mail.ReadWrite")] public static void Flag(string id) { }
        }
        """;

    private const string Catalog = """
        using PermissionAnalyzer;

        [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]
        [assembly: ScopeImplies("Mail.Manage", "Mail.ReadWrite", "Mail.Send")]
        """;

    [Fact]
    public async Task BroaderScope_IsReplacedByTheScopeThatSuffices()
    {
        var source = $$"""
            {{Catalog}}

            [GrantedScopes({|PA0010:"Mail.ReadWrite"|})]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;
        var fixedSource = $$"""
            {{Catalog}}

            [GrantedScopes("Mail.Read")]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceScope);
    }

    [Fact]
    public async Task DestructiveBroaderScope_PA0002_IsReplacedToo()
    {
        var source = $$"""
            {{Catalog}}

            [GrantedScopes({|PA0002:"Mail.Manage"|})]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;
        var fixedSource = $$"""
            {{Catalog}}

            [GrantedScopes("Mail.Read")]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.ReplaceScope, test =>
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npermission_analyzer.destructive_words = manage\n")));
    }

    [Fact]
    public async Task AlreadyGrantedScope_IsRemoved()
    {
        var source = $$"""
            {{Catalog}}

            [GrantedScopes({|PA0010:"Mail.Read"|}, "Mail.ReadWrite")]
            public sealed class Triage
            {
                public void Run(string id)
                {
                    MailApi.Body(id);
                    MailApi.Flag(id);
                }
            }
            {{MailApi}}
            """;
        var fixedSource = $$"""
            {{Catalog}}

            [GrantedScopes("Mail.ReadWrite")]
            public sealed class Triage
            {
                public void Run(string id)
                {
                    MailApi.Body(id);
                    MailApi.Flag(id);
                }
            }
            {{MailApi}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task Narrow_ReplacesTheBroaderScopeAndRemovesTheUnusedOne()
    {
        var source = $$"""
            {{Catalog}}

            [GrantedScopes({|PA0010:"Mail.ReadWrite"|}, {|PA0003:"Mail.Send"|})]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;
        var fixedSource = $$"""
            {{Catalog}}

            [GrantedScopes("Mail.Read")]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.NarrowGrant);
    }

    [Fact]
    public async Task OfferedActions_ReadAsDesignSaysAndNeverRemoveABroaderScope()
    {
        var source = $$"""
            {{Catalog}}

            [GrantedScopes("Mail.ReadWrite", "Mail.Read")]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;

        var offered = await Verify.OfferedAsync(source, "PA0010");

        var actions = Assert.Single(offered);
        Assert.Equal(
            new[]
            {
                "Replace 'Mail.ReadWrite' with 'Mail.Read' | " + EquivalenceKeys.ReplaceScope,
                "Narrow grant to what is used | " + EquivalenceKeys.NarrowGrant,
            },
            actions);
    }

    [Fact]
    public async Task UngrantedTermOfAlternatives_GrantFixGrantsTheLeastPrivilegedAlternative()
    {
        var source = $$"""
            {{Catalog}}

            [GrantedScopes("Mail.Send")]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;

        var offered = await Verify.OfferedAsync(source, "PA0004");

        Assert.Equal(new[] { "Grant 'Mail.Read' | " }, Assert.Single(offered));
    }

    [Fact]
    public async Task WhileAUseCannotBeDetermined_NoScopeIsReplacedOrRemoved()
    {
        var source = $$"""
            {{Catalog}}

            [GrantedScopes("Mail.ReadWrite")]
            public sealed class Digest
            {
                public int Count() => MailApi.List().Length;

                public object Run(System.Reflection.MethodInfo method) => method.Invoke(null, null);
            }
            {{MailApi}}
            """;

        var offered = await Verify.OfferedAsync(source, "PA0010");

        Assert.Empty(Assert.Single(offered));
    }

    [Fact]
    public async Task PublicHelperReachingAnApiWithAlternatives_DeclaresThemAsOneRequiresAnyScope()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                public static int {|PA0012:Count|}() => MailApi.List().Length;
            }
            {{MailApi}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")]
                public static int Count() => MailApi.List().Length;
            }
            {{MailApi}}
            """;

        await Verify.FixAsync(source, fixedSource, EquivalenceKeys.DeclareRequirement, test => test.IncludeDeclaredRequirementAnalyzer = true);
    }
}
