using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>
/// PA0012 Undeclared requirement on a public API: in a library, a member other assemblies can call, owned by no
/// principal, uses a scope it does not declare; callers in other assemblies see only declarations.
/// </summary>
public class PA0012Tests
{
    private static AnalyzerTest Test(params string[] sources) => BoundaryRuleTest.Of(sources);

    [Fact]
    public async Task PublicHelperUsingAnUndeclaredScope_IsReportedAtItsName()
    {
        const string source = """
            public static class Helpers
            {
                public static string {|#0:LastMessage|}(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.LastMessage", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task Message_ReadsAsTheContractSays()
    {
        const string source = """
            public static class Helpers
            {
                public static string {|#0:LastMessage|}(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithMessage(
                "'Helpers.LastMessage' uses 'messages:read' via MessagesApi.ReadThread but does not declare it; callers in other assemblies will not see the requirement"))
            .RunAsync();
    }

    [Fact]
    public async Task SeveralUndeclaredScopes_AreReportedOncePerScopeInOrdinalOrder()
    {
        const string source = """
            public static class Helpers
            {
                public static void {|#0:Forward|}(string id, string to)
                {
                    MessagesApi.Send(to, MessagesApi.ReadThread(id));
                    MessagesApi.Send(to, MessagesApi.ReadThread(id + "2"));
                    MessagesApi.Delete(id);
                }
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.Forward", "messages:delete", "MessagesApi.Delete"),
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.Forward", "messages:read", "MessagesApi.ReadThread"),
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.Forward", "messages:send", "MessagesApi.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task DeclaredOnTheMember_IsSilent()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Helpers
            {
                [RequiresScope("messages:read")]
                public static string LastMessage(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task DeclaredOnTheContainingType_IsSilent()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("messages:read")]
            public static class Helpers
            {
                public static string LastMessage(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task PartlyDeclared_ReportsOnlyTheUndeclaredScope()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Helpers
            {
                [RequiresScope("messages:read")]
                public static void {|#0:Forward|}(string id, string to) => MessagesApi.Send(to, MessagesApi.ReadThread(id));
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.Forward", "messages:send", "MessagesApi.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task InternalMember_IsSilent()
    {
        const string source = """
            public static class Helpers
            {
                internal static string LastMessage(string id) => MessagesApi.ReadThread(id);
            }

            internal static class Inbox
            {
                public static string LastMessage(string id) => MessagesApi.ReadThread(id);
            }

            public class Outer
            {
                private class Nested
                {
                    public static string LastMessage(string id) => MessagesApi.ReadThread(id);
                }
            }

            public sealed class Sealed
            {
                protected internal static string LastMessage(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task ProtectedMemberOfAnUnsealedType_IsReported()
    {
        const string source = """
            public class Base
            {
                protected string {|#0:LastMessage|}(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Base.LastMessage", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task Application_IsSilent()
    {
        const string source = """
            public static class Helpers
            {
                public static string LastMessage(string id) => MessagesApi.ReadThread(id);
            }

            public static class Program
            {
                public static void Main() { }
            }
            """;

        await Test(source).AsApplication().RunAsync();
    }

    [Fact]
    public async Task MemberOwnedByATypePrincipal_IsSilent()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public sealed class Partner
            {
                public string LastMessage(string id) => MessagesApi.ReadThread(id);

                public static class Nested
                {
                    public static string Peek(string id) => MessagesApi.ReadThread(id);
                }
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task CodeOwnedByAnAssemblyPrincipal_IsSilent()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("messages:read")]

            public static class Helpers
            {
                public static string LastMessage(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task PrivateHelperReachedByAPublicMember_IsReportedOnThePublicMemberOnly()
    {
        const string source = """
            public static class Helpers
            {
                public static string {|#0:Summary|}(string id) => Fetch(id).Trim();

                private static string Fetch(string id) => Inner(id);

                private static string Inner(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.Summary", "messages:read", "Helpers.Fetch → Helpers.Inner → MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task PublicCallerOfAnUndeclaredPublicHelper_IsReportedToo()
    {
        const string source = """
            public static class Helpers
            {
                public static string {|#0:Fetch|}(string id) => MessagesApi.ReadThread(id);

                public static string {|#1:Summary|}(string id) => Fetch(id).Trim();
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.Fetch", "messages:read", "MessagesApi.ReadThread"),
                Verify.Diagnostic("PA0012").WithLocation(1).WithArguments("Helpers.Summary", "messages:read", "Helpers.Fetch → MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task PropertyAccessors_AreReportedOnceAtThePropertyName()
    {
        const string source = """
            public class Inbox
            {
                public string {|#0:Last|}
                {
                    get => MessagesApi.ReadThread("t");
                    set => MessagesApi.Send(value, MessagesApi.ReadThread("t"));
                }
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Inbox.Last", "messages:read", "MessagesApi.ReadThread"),
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Inbox.Last", "messages:send", "MessagesApi.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task PrivateSetter_IsNotPartOfThePublicApi()
    {
        const string source = """
            public class Inbox
            {
                public string {|#0:Last|}
                {
                    get => MessagesApi.ReadThread("t");
                    private set => MessagesApi.Delete(value);
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Inbox.Last", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task PropertyDeclaringTheScope_IsSilent()
    {
        const string source = """
            using PermissionAnalyzer;

            public class Inbox
            {
                [RequiresScope("messages:read")]
                public string Last => MessagesApi.ReadThread("t");

                public string this[string id]
                {
                    [RequiresScope("messages:read")] get => MessagesApi.ReadThread(id);
                }
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task EventAccessors_AreReportedAtTheEventName()
    {
        const string source = """
            public class Inbox
            {
                public event System.Action {|#0:Changed|}
                {
                    add => MessagesApi.ReadThread("t");
                    remove => MessagesApi.ReadThread("u");
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Inbox.Changed", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task Constructor_IsReportedAtItsName()
    {
        const string source = """
            public class Inbox
            {
                private readonly string last;

                public {|#0:Inbox|}(string id)
                {
                    last = MessagesApi.ReadThread(id);
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Inbox.Inbox", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task ImplicitConstructorRunningAnInitializer_IsReportedAtTheTypeName()
    {
        const string source = """
            public class {|#0:Inbox|}
            {
                private readonly string last = MessagesApi.ReadThread("t");
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Inbox.Inbox", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task Operator_IsReportedAtItsOperatorToken()
    {
        const string source = """
            public readonly struct ThreadId
            {
                public ThreadId(string value) => Value = value;

                public string Value { get; }

                public static string operator {|#0:+|}(ThreadId id, string suffix) => MessagesApi.ReadThread(id.Value) + suffix;
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("ThreadId.operator +", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task Cycle_ReportsEachPublicMemberOnce()
    {
        const string source = """
            public static class Walker
            {
                public static string {|#0:Ping|}(string id, int n) => n == 0 ? MessagesApi.ReadThread(id) : Pong(id, n - 1);

                public static string {|#1:Pong|}(string id, int n) => Ping(id, n);
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Walker.Ping", "messages:read", "MessagesApi.ReadThread"),
                Verify.Diagnostic("PA0012").WithLocation(1).WithArguments("Walker.Pong", "messages:read", "Walker.Ping → MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task DefaultInterfaceMethod_IsReported()
    {
        const string source = """
            public interface IInbox
            {
                string {|#0:Last|}(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("IInbox.Last", "messages:read", "MessagesApi.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_IsNeverReportedIn()
    {
        const string generated = """
            // <auto-generated/>
            public static class GeneratedClient
            {
                public static string Fetch(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Verify.Test(BoundaryRuleTest.MessagesApi).WithDeclaredRequirementRules().WithSource("/0/GeneratedClient.cs", generated).RunAsync();
    }

    [Fact]
    public async Task UndeterminedUse_IsNotARequirement()
    {
        const string source = """
            public static class Helpers
            {
                public static object Call(dynamic target) => target.Run();
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task Override_GetsPA0013InsteadOfPA0012()
    {
        const string source = """
            public abstract class Job
            {
                public abstract string Run(string id);
            }

            public class ReadJob : Job
            {
                public override string {|#0:Run|}(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("ReadJob.Run", "messages:read", "via MessagesApi.ReadThread", "Job.Run"))
            .RunAsync();
    }

    [Fact]
    public async Task MemberWithoutAnyUse_IsSilent()
    {
        const string source = """
            public static class Helpers
            {
                public static int Twice(int n) => n * 2;
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task LibraryWrappingAnAnnotatedSdk_WithNoAttributeInItsSource_IsReported()
    {
        var sdk = await CompiledLibrary.FromSourceAsync("""
            using PermissionAnalyzer;

            namespace Sdk;

            public static class MessagesClient
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }
            """);
        const string source = """
            public static class Helpers
            {
                public static string {|#0:LastMessage|}(string id) => Sdk.MessagesClient.ReadThread(id);
            }
            """;

        await Verify.Test(source)
            .WithDeclaredRequirementRules()
            .WithReference(sdk)
            .Expecting(Verify.Diagnostic("PA0012").WithLocation(0).WithArguments("Helpers.LastMessage", "messages:read", "MessagesClient.ReadThread"))
            .RunAsync();
    }

    [Fact]
    public async Task LibraryWithoutAnyAnnotationInSourceOrReferences_ReportsNothing()
    {
        const string source = """
            public static class Helpers
            {
                public static string LastMessage(string id) => id.Trim();
            }
            """;

        await Verify.Test(source).WithDeclaredRequirementRules().RunAsync();
    }
}
