using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>
/// PA0013 Implementation requires more than its contract: an override or interface implementation uses (or
/// declares) a scope the member it overrides or implements does not declare; calls through that member miss it.
/// </summary>
public class PA0013Tests
{
    private static AnalyzerTest Test(params string[] sources) => BoundaryRuleTest.Of(sources);

    [Fact]
    public async Task ImplicitInterfaceImplementation_IsReportedAtItsName()
    {
        const string source = """
            public interface IMessenger
            {
                void Purge(string id);
            }

            internal sealed class Messenger : IMessenger
            {
                public void {|#0:Purge|}(string id) => MessagesApi.Delete(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Messenger.Purge", "messages:delete", "via MessagesApi.Delete", "IMessenger.Purge"))
            .RunAsync();
    }

    [Fact]
    public async Task Message_ReadsAsTheContractSays()
    {
        const string source = """
            public interface IMessenger
            {
                void Purge(string id);
            }

            internal sealed class Messenger : IMessenger
            {
                public void {|#0:Purge|}(string id) => MessagesApi.Delete(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithMessage(
                "'Messenger.Purge' requires 'messages:delete' via MessagesApi.Delete, but 'IMessenger.Purge' does not declare it; calls through 'IMessenger.Purge' will not count it"))
            .RunAsync();
    }

    [Fact]
    public async Task ExplicitInterfaceImplementation_IsReported()
    {
        const string source = """
            public interface IMessenger
            {
                void Purge(string id);
            }

            internal sealed class Messenger : IMessenger
            {
                void IMessenger.{|#0:Purge|}(string id) => MessagesApi.Delete(id);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Messenger.Purge", "messages:delete", "via MessagesApi.Delete", "IMessenger.Purge"))
            .RunAsync();
    }

    [Fact]
    public async Task InterfaceMemberDeclaringTheScope_IsSilent()
    {
        const string source = """
            using PermissionAnalyzer;

            public interface IMessenger
            {
                [RequiresScope("messages:delete")]
                void Purge(string id);
            }

            [RequiresScope("messages:read")]
            public interface IReader
            {
                string Read(string id);
            }

            public sealed class Messenger : IMessenger, IReader
            {
                public void Purge(string id) => MessagesApi.Delete(id);

                public string Read(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task AbstractOverride_IsReportedOncePerScope()
    {
        const string source = """
            public abstract class Job
            {
                public abstract void Run(string id);
            }

            public sealed class ForwardJob : Job
            {
                public override void {|#0:Run|}(string id)
                {
                    MessagesApi.Send("a", MessagesApi.ReadThread(id));
                    MessagesApi.Send("b", MessagesApi.ReadThread(id));
                }
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("ForwardJob.Run", "messages:read", "via MessagesApi.ReadThread", "Job.Run"),
                Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("ForwardJob.Run", "messages:send", "via MessagesApi.Send", "Job.Run"))
            .RunAsync();
    }

    [Fact]
    public async Task VirtualOverrideOfADeclaringBase_IsSilent()
    {
        const string source = """
            using PermissionAnalyzer;

            public class Job
            {
                [RequiresScope("messages:read")]
                public virtual string Run(string id) => MessagesApi.ReadThread(id);
            }

            public class CachedJob : Job
            {
                public override string Run(string id) => MessagesApi.ReadThread(id) + "!";
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task OverrideIsJudgedAgainstTheNearestBase()
    {
        const string source = """
            using PermissionAnalyzer;

            public class Job
            {
                public virtual string Run(string id) => id;
            }

            public class ReadJob : Job
            {
                [RequiresScope("messages:read")]
                public override string {|#0:Run|}(string id) => MessagesApi.ReadThread(id);
            }

            public sealed class CachedReadJob : ReadJob
            {
                public override string Run(string id) => MessagesApi.ReadThread(id) + "!";
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("ReadJob.Run", "messages:read", "via MessagesApi.ReadThread", "Job.Run"))
            .RunAsync();
    }

    [Fact]
    public async Task OwnDeclarationTheBaseLacks_IsReported()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class Job
            {
                public abstract void Run(string id);
            }

            public sealed class ExternalJob : Job
            {
                // Calls an SDK nobody annotated: the requirement is declared by hand.
                [RequiresScope("messages:delete")]
                public override void {|#0:Run|}(string id) { }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("ExternalJob.Run", "messages:delete", "by its own [RequiresScope]", "Job.Run"))
            .RunAsync();
    }

    [Fact]
    public async Task TypeLevelRequirementOfTheImplementation_IsNotItsOwnDeclaration()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("messages:read")]
            public sealed class Thread
            {
                public override string ToString() => "thread";
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task PropertyImplementation_IsReportedAtThePropertyName()
    {
        const string source = """
            public interface IInbox
            {
                string Last { get; set; }
            }

            public abstract class InboxBase
            {
                public abstract string Next { get; }
            }

            public sealed class Inbox : InboxBase, IInbox
            {
                public string {|#0:Last|}
                {
                    get => MessagesApi.ReadThread("t");
                    set => MessagesApi.Send(value, MessagesApi.ReadThread("t"));
                }

                public override string {|#1:Next|} => MessagesApi.ReadThread("n");
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Inbox.Last", "messages:read", "via MessagesApi.ReadThread", "IInbox.Last"),
                Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Inbox.Last", "messages:send", "via MessagesApi.Send", "IInbox.Last"),
                Verify.Diagnostic("PA0013").WithLocation(1).WithArguments("Inbox.Next", "messages:read", "via MessagesApi.ReadThread", "InboxBase.Next"))
            .RunAsync();
    }

    [Fact]
    public async Task EventImplementation_IsReportedAtTheEventName()
    {
        const string source = """
            public interface IInbox
            {
                event System.Action Changed;
            }

            public sealed class Inbox : IInbox
            {
                public event System.Action {|#0:Changed|}
                {
                    add => MessagesApi.ReadThread("t");
                    remove { }
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Inbox.Changed", "messages:read", "via MessagesApi.ReadThread", "IInbox.Changed"))
            .RunAsync();
    }

    [Fact]
    public async Task StaticAbstractImplementation_IsReported()
    {
        const string source = """
            public interface IFactory<TSelf> where TSelf : IFactory<TSelf>
            {
                static abstract TSelf Create(string id);
            }

            public sealed class Thread : IFactory<Thread>
            {
                public static Thread {|#0:Create|}(string id)
                {
                    MessagesApi.ReadThread(id);
                    return new Thread();
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Thread.Create", "messages:read", "via MessagesApi.ReadThread", "IFactory.Create"))
            .RunAsync();
    }

    [Fact]
    public async Task OneMemberImplementingTwoContracts_IsReportedOncePerContract()
    {
        const string source = """
            public interface IPurger
            {
                void Purge(string id);
            }

            public interface ICleaner
            {
                void Purge(string id);
            }

            public sealed class Messenger : IPurger, ICleaner
            {
                public void {|#0:Purge|}(string id) => MessagesApi.Delete(id);
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Messenger.Purge", "messages:delete", "via MessagesApi.Delete", "IPurger.Purge"),
                Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Messenger.Purge", "messages:delete", "via MessagesApi.Delete", "ICleaner.Purge"))
            .RunAsync();
    }

    [Fact]
    public async Task FrameworkContracts_NobodyCanAnnotate_AreSilent()
    {
        // object.ToString and IDisposable.Dispose live in assemblies that cannot carry [RequiresScope]: a report
        // would have no fix, and their callers are the framework.
        const string source = """
            public sealed class Thread : System.IDisposable
            {
                public override string ToString() => MessagesApi.ReadThread("t");

                public void Dispose() => MessagesApi.Delete("t");
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task BaseInAReferencedAssembly_DeclaringTheScope_IsSilent()
    {
        var sdk = await CompiledLibrary.FromSourceAsync("""
            using PermissionAnalyzer;

            public interface IMessenger
            {
                [RequiresScope("messages:delete")]
                void Purge(string id);
            }

            public interface IReader
            {
                string Read(string id);
            }
            """);
        const string source = """
            public sealed class Messenger : IMessenger, IReader
            {
                public void Purge(string id) => MessagesApi.Delete(id);

                public string {|#0:Read|}(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Test(source)
            .WithReference(sdk)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Messenger.Read", "messages:read", "via MessagesApi.ReadThread", "IReader.Read"))
            .RunAsync();
    }

    [Fact]
    public async Task ApplicationsAndPrincipals_AreJudgedToo()
    {
        const string source = """
            using PermissionAnalyzer;

            public interface IMessenger
            {
                void Purge(string id);
            }

            [GrantedScopes("messages:delete")]
            public sealed class Partner : IMessenger
            {
                public void {|#0:Purge|}(string id) => MessagesApi.Delete(id);
            }

            public static class Program
            {
                public static void Main() { }
            }
            """;

        await Test(source)
            .AsApplication()
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Partner.Purge", "messages:delete", "via MessagesApi.Delete", "IMessenger.Purge"))
            .RunAsync();
    }

    [Fact]
    public async Task ImplementationWithoutUses_IsSilent()
    {
        const string source = """
            public interface IMessenger
            {
                void Purge(string id);
            }

            public sealed class Messenger : IMessenger
            {
                public void Purge(string id) { }

                public override string ToString() => "messenger";
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task GeneratedImplementation_IsNeverReportedIn()
    {
        const string generated = """
            // <auto-generated/>
            public interface IMessenger
            {
                void Purge(string id);
            }

            public sealed class GeneratedMessenger : IMessenger
            {
                public void Purge(string id) => MessagesApi.Delete(id);
            }
            """;

        await Verify.Test(BoundaryRuleTest.MessagesApi).WithDeclaredRequirementRules().WithSource("/0/GeneratedMessenger.cs", generated).RunAsync();
    }

    [Fact]
    public async Task RecursiveImplementation_IsReportedOnce()
    {
        const string source = """
            public interface IWalker
            {
                string Walk(string id, int n);
            }

            public sealed class Walker : IWalker
            {
                public string {|#0:Walk|}(string id, int n) => n == 0 ? MessagesApi.ReadThread(id) : Walk(id, n - 1);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Walker.Walk", "messages:read", "via MessagesApi.ReadThread", "IWalker.Walk"))
            .RunAsync();
    }

    [Fact]
    public async Task BrokenContracts_NeverThrow()
    {
        const string source = """
            public interface IMessenger
            {
                void Purge(string id);
                void Missing();
            }

            public sealed class Messenger : IMessenger, IUnknown
            {
                public void Purge(string id) => MessagesApi.Delete(id);

                public override void NoSuchBase() => MessagesApi.Delete("x");

                void IUnknown.Run() => MessagesApi.ReadThread("t");
            }
            """;

        await Test(source)
            .IgnoringCompilerDiagnostics()
            .Expecting(Verify.Diagnostic("PA0013").WithSpan("/0/Test1.cs", 9, 17, 9, 22).WithArguments("Messenger.Purge", "messages:delete", "via MessagesApi.Delete", "IMessenger.Purge"))
            .RunAsync();
    }
}
