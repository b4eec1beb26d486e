using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// Overrides and interface implementations inherit their base member's requirement; a call is judged by the
/// bound member and, for a class- or struct-typed receiver, by that type's implementation. Behind an
/// interface-typed or abstract receiver nothing is guessed.
/// </summary>
public class ReceiverTests
{
    [Fact]
    public async Task OverrideOfAnnotatedAbstractMember_InheritsTheRequirement()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class Store
            {
                [RequiresScope("store:wipe")] public abstract void Wipe();
            }

            public sealed class SqlStore : Store
            {
                public override void Wipe() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void ViaBase(Store store) => {|#0:store.Wipe()|};

                public void ViaDerived(SqlStore store) => {|#1:store.Wipe()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.ViaBase", "store:wipe", "Store.Wipe", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.ViaDerived", "store:wipe", "SqlStore.Wipe", "Partner"));
    }

    [Fact]
    public async Task ImplementationsOfAnnotatedInterfaceMember_InheritTheRequirement()
    {
        const string source = """
            using PermissionAnalyzer;

            public interface IMailbox
            {
                [RequiresScope("mail:read")] string Read();

                [RequiresScope("mail:delete")] void Purge();
            }

            public sealed class Mailbox : IMailbox
            {
                public string Read() => "";

                void IMailbox.Purge() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string ViaClass(Mailbox mailbox) => {|#0:mailbox.Read()|};

                public void ViaInterface(IMailbox mailbox) => {|#1:mailbox.Purge()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.ViaClass", "mail:read", "Mailbox.Read", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.ViaInterface", "mail:delete", "IMailbox.Purge", "Partner"));
    }

    [Fact]
    public async Task ClassTypedReceiver_CountsTheClassOverride()
    {
        const string source = """
            using PermissionAnalyzer;

            public class Exporter
            {
                public virtual void Export() { }
            }

            public class PurgingExporter : Exporter
            {
                [RequiresScope("data:purge")] public override void Export() { }
            }

            public sealed class QuietPurgingExporter : PurgingExporter
            {
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Exact(PurgingExporter exporter) => {|#0:exporter.Export()|};

                public void Inherited(QuietPurgingExporter exporter) => {|#1:exporter.Export()|};

                public void Base(Exporter exporter) => exporter.Export();
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Exact", "data:purge", "PurgingExporter.Export", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Inherited", "data:purge", "PurgingExporter.Export", "Partner"));
    }

    [Fact]
    public async Task ClassTypedReceiver_CountsTheClassImplementationOfAnInterfaceMember()
    {
        const string source = """
            using PermissionAnalyzer;

            public interface IJob
            {
                void Execute();
            }

            public sealed class DeleteJob : IJob
            {
                [RequiresScope("files:delete")] public void Execute() { }
            }

            public struct WipeJob : IJob
            {
                [RequiresScope("files:wipe")] void IJob.Execute() { }
            }

            public static class Runner
            {
                public static void Run<T>(T job) where T : IJob => job.Execute();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void ViaClass(DeleteJob job) => {|#0:job.Execute()|};

                public void ViaInterface(IJob job) => job.Execute();

                public void ViaCast(DeleteJob job) => ((IJob)job).Execute();

                public void ViaGeneric(WipeJob job) => Runner.Run(job);
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.ViaClass", "files:delete", "DeleteJob.Execute", "Partner"));
    }

    [Fact]
    public async Task AbstractTypedReceiver_DoesNotGuessTheOverride()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class Store
            {
                public abstract void Wipe();
            }

            public sealed class SqlStore : Store
            {
                [RequiresScope("store:wipe")] public override void Wipe() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void ViaAbstract(Store store) => store.Wipe();

                public void ViaConcrete(SqlStore store) => {|#0:store.Wipe()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.ViaConcrete", "store:wipe", "SqlStore.Wipe", "Partner"));
    }

    [Fact]
    public async Task TypeLevelRequirementOfABaseClass_IsInherited()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("crm:access")]
            public class CrmClient
            {
                public string Name() => "";
            }

            public sealed class LeadsClient : CrmClient
            {
                [RequiresScope("crm:leads")] public string[] Leads() => new string[0];
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string[] Run(LeadsClient client) => {|#0:client.Leads()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "crm:access", "LeadsClient.Leads", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "crm:leads", "LeadsClient.Leads", "Partner"));
    }

    [Fact]
    public async Task OverrideInSourceOfAVirtualHelper_IsFollowedThroughAClassReceiver()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            public class Loader
            {
                public virtual string Load(string id) => id;
            }

            public sealed class ThreadLoader : Loader
            {
                public override string Load(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string ViaDerived(ThreadLoader loader) => {|#0:loader.Load("t")|};

                public string ViaBase(Loader loader) => loader.Load("t");
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.ViaDerived", "messages:read", "ThreadLoader.Load → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task StaticImplementationsOfStaticAbstractOrVirtualInterfaceMembers_InheritTheRequirement()
    {
        const string source = """
            using PermissionAnalyzer;

            public interface IFactory<T> where T : IFactory<T>
            {
                [RequiresScope("items:create")] static abstract T Create();

                [RequiresScope("items:count")] static virtual int Count() => 0;

                [RequiresScope("items:merge")] static abstract T operator +(T a, T b);
            }

            public sealed class Item : IFactory<Item>
            {
                public static Item Create() => new Item();

                public static int Count() => 1;

                public static Item operator +(Item a, Item b) => a;
            }

            public sealed class Other : IFactory<Other>
            {
                static Other IFactory<Other>.Create() => new Other();

                public static Other operator +(Other a, Other b) => a;
            }

            public static class Factories
            {
                public static T Make<T>() where T : IFactory<T> => T.Create();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Item Make() => {|#0:Item.Create()|};

                public int Count() => {|#1:Item.Count()|};

                public Item Merge(Item a, Item b) => {|#2:a + b|};

                public Other ViaGeneric() => {|#3:Factories.Make<Other>()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Make", "items:create", "Item.Create", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Count", "items:count", "Item.Count", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(2).WithArguments("Partner.Merge", "items:merge", "Item.operator +", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(3).WithArguments("Partner.ViaGeneric", "items:create", "Factories.Make → IFactory.Create", "Partner"));
    }

    [Fact]
    public async Task OverrideThatDoesNotCallBase_CountsTheBaseRequirementButNotTheBaseBody()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Store
            {
                [RequiresScope("store:write")] public static void Write() { }
            }

            public class Sync
            {
                [RequiresScope("sync:run")] public virtual void Run() => Store.Write();
            }

            public sealed class ReadSync : Sync
            {
                public override void Run() { }
            }

            public sealed class FullSync : Sync
            {
                public override void Run() => base.Run();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Read() => {|#0:new ReadSync().Run()|};

                public void Full() => {|#1:new FullSync().Run()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Read", "sync:run", "ReadSync.Run", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Full", "store:write", "FullSync.Run → Sync.Run → Store.Write", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Full", "sync:run", "FullSync.Run", "Partner"));
    }

    [Fact]
    public async Task DefaultInterfaceBodyOverriddenByTheReceiverClass_IsNotFollowed()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public static class Store
            {
                [RequiresScope("store:wipe")] public static void Wipe() { }
            }

            public interface IWipingDisposable : IDisposable
            {
                void IDisposable.Dispose() => Store.Wipe();
            }

            public sealed class Quiet : IWipingDisposable
            {
                public void Dispose() { }
            }

            public sealed class Loud : IWipingDisposable
            {
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Calm()
                {
                    using var quiet = new Quiet();
                }

                public void Noisy()
                {
                    using var {|#0:loud = new Loud()|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Noisy", "store:wipe", "IWipingDisposable.Dispose → Store.Wipe", "Partner"));
    }

    [Fact]
    public async Task InterfaceMemberImplementedVirtuallyInABaseClass_CountsTheReceiverTypesOverride()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public class Connection : IDisposable
            {
                public virtual void Dispose() { }
            }

            public sealed class PurgingConnection : Connection
            {
                [RequiresScope("cache:purge")] public override void Dispose() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run()
                {
                    using var {|#0:connection = new PurgingConnection()|};
                    using var plain = new Connection();
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "cache:purge", "PurgingConnection.Dispose", "Partner"));
    }
}
