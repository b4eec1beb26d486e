using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Catalog;

/// <summary>
/// [RequiresAnyScope]: a term of alternatives, covered by a grant of any one of them; messages name the
/// alternatives the way a sentence does.
/// </summary>
public class AlternativesTests
{
    private const string MailApi = """
        using PermissionAnalyzer;

        public static class MailApi
        {
            [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")] public static string[] List() => new string[0];
            [RequiresAnyScope("Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite")] public static string Subject(string id) => id;
            [RequiresScope("Mail.Send")] public static void Send(string to) { }
        }

        public static class Inbox
        {
            public static int Count() => MailApi.List().Length;
        }
        """;

    [Fact]
    public async Task UngrantedTermOfTwoAlternatives_PA0004NamesBoth()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Send")]
            public sealed class Mailer
            {
                public int Unread() => {|#0:Inbox.Count()|};

                public void Hello() => MailApi.Send("a");
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Mailer.Unread", "Mail.Read' or 'Mail.ReadWrite", "Inbox.Count → MailApi.List", "Mailer"));
    }

    [Fact]
    public async Task UncoveredTermOfThreeAlternatives_PA0005ListsThemWithCommasAndOr()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.ReadBasic", "Mail.Send")]
            [FeatureNeeds("Send", "Mail.Send")]
            public sealed class Mailer
            {
                public string Peek(string id) => {|#0:MailApi.Subject(id)|};

                public void Hello() => MailApi.Send("a");
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0005").WithLocation(0).WithArguments("Mailer.Peek", "Mail.ReadBasic', 'Mail.Read' or 'Mail.ReadWrite", "MailApi.Subject", "Mailer"));
    }

    [Fact]
    public async Task GrantOfAnyAlternative_CoversTheTerm()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.ReadWrite")]
            [FeatureNeeds("Count mail", "Mail.ReadWrite")]
            public sealed class Counter
            {
                public int Unread() => Inbox.Count();
            }
            """;

        await Verify.AnalyzerAsync(new[] { MailApi, source });
    }

    [Fact]
    public async Task WithoutACatalog_AlternativesAreEquals_TheHeldOneIsUsedTheOtherUnused()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Read", {|#0:"Mail.ReadWrite"|})]
            public sealed class Counter
            {
                public int Unread() => Inbox.Count();
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Counter", "Mail.ReadWrite"));
    }

    [Fact]
    public async Task WildcardGrant_CoversAnAlternative()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Mail.*"|})]
            public sealed class Counter
            {
                public int Unread() => Inbox.Count();
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MailApi, source },
            Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Counter", "Mail.*"));
    }

    [Fact]
    public async Task InvalidAlternative_IsPA0008AndTheOthersStillCount()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Api
            {
                [RequiresAnyScope("files:read", {|#0:""|})] public static void Read() { }
            }

            [GrantedScopes("files:read")]
            public sealed class Reader
            {
                public void Run() => Api.Read();
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("RequiresAnyScope", "the scope is empty or whitespace"));
    }

    [Fact]
    public async Task OverrideInheritsTheTermOfItsBase()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class Store
            {
                [RequiresAnyScope("files:read", "files:write")] public abstract void Load();
            }

            public sealed class DiskStore : Store
            {
                public override void Load() { }
            }

            [GrantedScopes({|#1:"files:send"|})]
            public sealed class Sync
            {
                public void Run(DiskStore store) => {|#0:store.Load()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Sync.Run", "files:read' or 'files:write", "DiskStore.Load", "Sync"),
            Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("Sync", "files:send"));
    }

    [Fact]
    public async Task PublicHelperReachingAlternatives_PA0012NamesThem_AndDeclaringTheSameTermSilencesIt()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Helpers
            {
                public static int {|#0:Count|}() => Inbox.Count();

                [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")]
                public static int Declared() => Inbox.Count();
            }
            """;

        await Verify.Test(MailApi, source)
            .WithDeclaredRequirementRules()
            .Expecting(
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.Count", "Mail.Read' or 'Mail.ReadWrite", "Inbox.Count → MailApi.List"),
                Verify.Diagnostic("PA0012").WithSpan(12, 23, 12, 28).WithArguments("Inbox.Count", "Mail.Read' or 'Mail.ReadWrite", "MailApi.List"))
            .RunAsync();
    }
}
