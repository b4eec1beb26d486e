using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Catalog;

/// <summary>
/// [assembly: ScopeImplies]: a grant or a need covers what it implies, transitively; cycles are reported
/// and terminate; [assembly: DestructiveScope] adds to the word rule.
/// </summary>
public class ImplicationTests
{
    private const string MailApi = """
        using PermissionAnalyzer;

        [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]
        [assembly: ScopeImplies("Mail.Read", "Mail.ReadBasic")]

        public static class MailApi
        {
            [RequiresScope("Mail.ReadBasic")] public static string Subject(string id) => id;
            [RequiresScope("Mail.Read")] public static string Body(string id) => id;
            [RequiresScope("Mail.ReadWrite")] public static void Flag(string id) { }
            [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")] public static string[] List() => new string[0];
        }
        """;

    [Fact]
    public async Task GrantImplyingTheRequiredScope_CoversTheUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.ReadWrite")]
            public sealed class Client
            {
                public void Run(string id)
                {
                    MailApi.Body(id);
                    MailApi.Flag(id);
                }
            }
            """;

        await Verify.AnalyzerAsync(new[] { MailApi, source });
    }

    [Fact]
    public async Task ChainOfImplications_IsTransitive()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.ReadWrite")]
            [FeatureNeeds("Triage", "Mail.ReadWrite")]
            public sealed class Client
            {
                public void Run(string id)
                {
                    MailApi.Subject(id);
                    MailApi.Flag(id);
                }
            }
            """;

        await Verify.AnalyzerAsync(new[] { MailApi, source });
    }

    [Fact]
    public async Task NeedImplyingTheUsedScope_CoversTheUse_AndTheImpliedGrantIsAlreadyGranted()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Mail.Read"|}, "Mail.ReadWrite")]
            [FeatureNeeds("Triage", "Mail.ReadWrite")]
            public sealed class Client
            {
                public void Run(string id)
                {
                    MailApi.Body(id);
                    MailApi.Flag(id);
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0010").WithLocation(0).WithArguments("Client", "Mail.Read", "is already granted by 'Mail.ReadWrite'"));
    }

    [Fact]
    public async Task NeedCoveredByAnImplyingGrant_IsNoPA0006()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.ReadWrite")]
            [FeatureNeeds("Read", "Mail.Read")]
            public sealed class Client
            {
                public void Run(string id) => {|#0:MailApi.Flag(id)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0005").WithLocation(0).WithArguments("Client.Run", "Mail.ReadWrite", "MailApi.Flag", "Client"));
    }

    [Fact]
    public async Task GrantOfTheBroaderAlternative_IsBroaderThanNeeded()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Mail.ReadWrite"|})]
            public sealed class Client
            {
                public int Count() => MailApi.List().Length;
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0010").WithLocation(0).WithArguments("Client", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"));
    }

    [Fact]
    public async Task GrantHoldingBothAlternatives_TheNarrowerIsUsedTheBroaderIsBroaderThanNeeded()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Read", {|#0:"Mail.ReadWrite"|})]
            public sealed class Client
            {
                public int Count() => MailApi.List().Length;
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0010").WithLocation(0).WithArguments("Client", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"));
    }

    [Fact]
    public async Task BroaderScopeOverSeveralUses_NamesEveryScopeThatSuffices()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("files:all", "files:read", "files:write")]

            public static class Files
            {
                [RequiresScope("files:read")] public static void Read() { }
                [RequiresScope("files:write")] public static void Write() { }
            }

            [GrantedScopes({|#0:"files:all"|})]
            public sealed class Sync
            {
                public void Run()
                {
                    Files.Read();
                    Files.Write();
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0010").WithLocation(0).WithArguments("Sync", "files:all", "is broader than its code needs: 'files:read' and 'files:write' suffice"));
    }

    [Fact]
    public async Task DestructiveBroaderScope_IsDeleteAccessCreepNamingWhatSuffices()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("messages:delete", "messages:read")]

            public static class Messages
            {
                [RequiresAnyScope("messages:read", "messages:delete")] public static string Read(string id) => id;
            }

            [GrantedScopes({|#0:"messages:delete"|})]
            public sealed class Partner
            {
                public string Show(string id) => Messages.Read(id);
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "is broader than its code needs: 'messages:read' suffices"));
    }

    [Fact]
    public async Task DestructiveScopeAttribute_MarksAScopeWithoutADestructiveWord()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: DestructiveScope("administration:write")]

            [GrantedScopes({|#0:"administration:write"|}, {|#1:"issues:read"|})]
            public sealed class Bot
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Bot", "administration:write", "no code uses"),
            Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("Bot", "issues:read"));
    }

    [Fact]
    public async Task EqualAlternativesWithoutImplication_TheHeldOneIsChosenTheOtherIsNeverUsed()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("issues:write", "issues:read")]

            public static class Github
            {
                [RequiresAnyScope("issues:write", "pull_requests:write")] public static void Comment() { }
            }

            [GrantedScopes("pull_requests:write")]
            public sealed class Bot
            {
                public void Run() => Github.Comment();
            }

            [GrantedScopes("issues:write", {|#0:"pull_requests:write"|})]
            public sealed class Both
            {
                public void Run() => Github.Comment();
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Both", "pull_requests:write"));
    }

    [Fact]
    public async Task ImplicationCycle_IsReportedOnEachEdgeAndAnalysisTerminates()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("a", {|#0:"b"|})]
            [assembly: ScopeImplies("b", {|#1:"c"|}, "d")]
            [assembly: ScopeImplies("c", {|#2:"a"|})]

            public static class Api
            {
                [RequiresAnyScope("a", "b", "c")] public static void Run() { }
                [RequiresScope("d")] public static void Other() { }
            }

            [GrantedScopes("b")]
            public sealed class Client
            {
                public void Go()
                {
                    Api.Run();
                    Api.Other();
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("ScopeImplies", "the implication forms a cycle: 'a' → 'b' → 'c' → 'a'"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("ScopeImplies", "the implication forms a cycle: 'b' → 'c' → 'a' → 'b'"),
            Verify.Diagnostic("PA0008").WithLocation(2).WithArguments("ScopeImplies", "the implication forms a cycle: 'c' → 'a' → 'b' → 'c'"));
    }

    [Fact]
    public async Task InvalidCatalogArguments_ArePA0008()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies({|#0:""|}, "a")]
            [assembly: ScopeImplies("a", {|#1:"b*"|})]
            [assembly: DestructiveScope({|#2:null|})]
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("ScopeImplies", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("ScopeImplies", "a scope catalog states concrete scopes, not a wildcard"),
            Verify.Diagnostic("PA0008").WithLocation(2).WithArguments("DestructiveScope", "the scope is null"));
    }

    [Fact]
    public async Task WildcardGrantMixedWithImplications_CoversByPrefixAndImpliedScopesStillCount()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("repo:admin", "contents:write")]

            public static class Github
            {
                [RequiresScope("contents:write")] public static void Push() { }
                [RequiresScope("issues:read")] public static void Issues() { }
            }

            [GrantedScopes({|#0:"issues:*"|}, {|#1:"repo:admin"|})]
            public sealed class Bot
            {
                public void Run()
                {
                    Github.Push();
                    Github.Issues();
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Bot", "issues:*"),
            Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Bot", "repo:admin", "is broader than its code needs: 'contents:write' suffices"));
    }

    [Fact]
    public async Task CatalogOfAReferencedAssembly_FlowsToItsConsumers()
    {
        const string sdk = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]
            [assembly: DestructiveScope("Mail.Manage")]

            namespace Contoso.Mail;

            public static class MailApi
            {
                [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")] public static string[] List() => new string[0];
            }
            """;
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Mail.ReadWrite"|}, {|#1:"Mail.Manage"|})]
            public sealed class Client
            {
                public int Count() => Contoso.Mail.MailApi.List().Length;
            }
            """;

        await Verify.Test(source)
            .WithReference(await CompiledLibrary.FromSourceAsync(sdk, "ContosoMail"))
            .Expecting(
                Verify.Diagnostic("PA0010").WithLocation(0).WithArguments("Client", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"),
                Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Client", "Mail.Manage", "no code uses"))
            .RunAsync();
    }

    [Fact]
    public async Task AssemblyPrincipal_BroaderGrant_IsPA0010FromTheAssemblyAnalyzer()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes({|#0:"Mail.ReadWrite"|})]

            public static class Digest
            {
                public static int Count() => MailApi.List().Length;
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0010").WithLocation(0).WithArguments("TestProject", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"));
    }

    [Fact]
    public async Task WithoutAnyCatalogOrAlternative_VerdictsAreTheEarlierOnes()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Api
            {
                [RequiresScope("a:read")] public static void Read() { }
            }

            [GrantedScopes("a:read", {|#0:"a:write"|}, {|#1:"a:delete"|})]
            public sealed class Client
            {
                public void Run() => Api.Read();
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Client", "a:write"),
            Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Client", "a:delete", "no code uses"));
    }

    [Fact]
    public async Task ScopeThatAloneCoversAUseOutsideL_IsNotReportedUnused()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]

            public static class Api
            {
                [RequiresScope("Mail.Read")] public static void Read() { }
                [RequiresScope("Mail.ReadWrite")] public static void Write() { }
            }

            [GrantedScopes("Mail.Read")]
            public sealed class Client
            {
                public void Run()
                {
                    Api.Read();
                    {|#0:Api.Write()|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Client.Run", "Mail.ReadWrite", "Api.Write", "Client"));
    }
}
