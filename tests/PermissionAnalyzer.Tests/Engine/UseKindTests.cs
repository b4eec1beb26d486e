using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// Every kind of use DESIGN.md lists, each seen from a principal granted nothing: the use shows as PA0004
/// at the syntax the contract names, with the member, scope and chain in the message.
/// </summary>
public class UseKindTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult NotGranted(int location, string member, string scope, string chain, string principal = "Partner") =>
        Verify.Diagnostic("PA0004").WithLocation(location).WithArguments(member, scope, chain, principal);

    [Fact]
    public async Task Invocation_IsUse()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:MessagesApi.ReadThread("t1")|};
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Run", "messages:read", "MessagesApi.ReadThread"));
    }

    [Fact]
    public async Task PropertyGetAndSet_UseTheirOwnAccessorsRequirement()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Mailbox
            {
                public string Subject
                {
                    [RequiresScope("mail:read")] get => "";
                    [RequiresScope("mail:write")] set { }
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Read(Mailbox box) => {|#0:box.Subject|};

                public void Write(Mailbox box) => {|#1:box.Subject|} = "hello";

                public void Append(Mailbox box) => {|#2:box.Subject|} += "!";
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Read", "mail:read", "Mailbox.Subject"),
            NotGranted(1, "Partner.Write", "mail:write", "Mailbox.Subject"),
            NotGranted(2, "Partner.Append", "mail:read", "Mailbox.Subject"),
            NotGranted(2, "Partner.Append", "mail:write", "Mailbox.Subject"));
    }

    [Fact]
    public async Task PropertyRequirement_AppliesToBothAccessors()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Profile
            {
                [RequiresScope("profile:email")] public string Email { get; set; } = "";
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(Profile profile)
                {
                    var email = {|#0:profile.Email|};
                    {|#1:profile.Email|} = email;
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "profile:email", "Profile.Email"),
            NotGranted(1, "Partner.Run", "profile:email", "Profile.Email"));
    }

    [Fact]
    public async Task Indexer_IsUse()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Inbox
            {
                [RequiresScope("messages:read")] public string this[int index] => "";
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string First(Inbox inbox) => {|#0:inbox[0]|};
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.First", "messages:read", "Inbox.this[]"));
    }

    [Fact]
    public async Task EventAddAndRemove_UseTheirOwnAccessorsRequirement()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public sealed class Inbox
            {
                public event EventHandler? Received
                {
                    [RequiresScope("messages:subscribe")] add { }
                    [RequiresScope("messages:unsubscribe")] remove { }
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Start(Inbox inbox) => {|#0:inbox.Received|} += OnReceived;

                public void Stop(Inbox inbox) => {|#1:inbox.Received|} -= OnReceived;

                private void OnReceived(object? sender, EventArgs e) { }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Start", "messages:subscribe", "Inbox.Received"),
            NotGranted(1, "Partner.Stop", "messages:unsubscribe", "Inbox.Received"));
    }

    [Fact]
    public async Task EventRequirement_AppliesToAddAndRemove()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public sealed class Inbox
            {
                [RequiresScope("messages:subscribe")] public event EventHandler? Received;

                public void Raise() => Received?.Invoke(this, EventArgs.Empty);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Start(Inbox inbox) => {|#0:inbox.Received|} += (_, _) => { };
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Start", "messages:subscribe", "Inbox.Received"));
    }

    [Fact]
    public async Task FieldOfAnnotatedType_IsUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("config:read")]
            public static class Settings
            {
                public static string ConnectionString = "server=.";
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Connect() => {|#0:Settings.ConnectionString|};
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Connect", "config:read", "Settings.ConnectionString"));
    }

    [Fact]
    public async Task ObjectCreation_IsUseOfTheConstructor()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class MessagesClient
            {
                [RequiresScope("messages:connect")] public MessagesClient() { }

                public MessagesClient(string token) { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public MessagesClient Connect() => {|#0:new MessagesClient()|};

                public MessagesClient ConnectTargetTyped()
                {
                    MessagesClient client = {|#1:new()|};
                    return client;
                }

                public MessagesClient ConnectWithToken() => new MessagesClient("token");
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Connect", "messages:connect", "MessagesClient.MessagesClient"),
            NotGranted(1, "Partner.ConnectTargetTyped", "messages:connect", "MessagesClient.MessagesClient"));
    }

    [Fact]
    public async Task TypeLevelRequirementOnClass_AppliesToEveryMemberAndAddsToMemberRequirements()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("drive:access")]
            public sealed class Drive
            {
                public string List() => "";

                [RequiresScope("drive:delete")] public void Delete(string file) { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run()
                {
                    var drive = {|#0:new Drive()|};
                    {|#1:drive.List()|};
                    {|#2:drive.Delete("a")|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "drive:access", "Drive.Drive"),
            NotGranted(1, "Partner.Run", "drive:access", "Drive.List"),
            NotGranted(2, "Partner.Run", "drive:access", "Drive.Delete"),
            NotGranted(2, "Partner.Run", "drive:delete", "Drive.Delete"));
    }

    [Fact]
    public async Task TypeLevelRequirementOnStruct_AppliesToItsMembers()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("location:read")]
            public struct Position
            {
                public double Latitude() => 0;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public double Where(Position position) => {|#0:position.Latitude()|};
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Where", "location:read", "Position.Latitude"));
    }

    [Fact]
    public async Task TypeLevelRequirementOnInterface_AppliesToItsMembersAndImplementations()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("calendar:read")]
            public interface ICalendar
            {
                string Next();
            }

            public sealed class Calendar : ICalendar
            {
                public string Next() => "";
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string ViaInterface(ICalendar calendar) => {|#0:calendar.Next()|};

                public string ViaClass(Calendar calendar) => {|#1:calendar.Next()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.ViaInterface", "calendar:read", "ICalendar.Next"),
            NotGranted(1, "Partner.ViaClass", "calendar:read", "Calendar.Next"));
    }

    [Fact]
    public async Task MethodGroup_IsUse()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public sealed class Inbox
            {
                [RequiresScope("messages:delete")] public void DeleteAll() { }

                [RequiresScope("messages:read")] public static string Read() => "";
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Action Later(Inbox inbox) => {|#0:inbox.DeleteAll|};

                public Func<string> Reader() => new Func<string>({|#1:Inbox.Read|});
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Later", "messages:delete", "Inbox.DeleteAll"),
            NotGranted(1, "Partner.Reader", "messages:read", "Inbox.Read"));
    }

    [Fact]
    public async Task LambdaBody_IsCodeOfTheEnclosingMember()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Func<string, string> Reader() => id => {|#0:MessagesApi.ReadThread(id)|};
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Reader", "messages:read", "MessagesApi.ReadThread"));
    }

    [Fact]
    public async Task LocalFunctionBody_IsCodeOfTheEnclosingMember()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run()
                {
                    return Fetch("t1") + Fetch("t2");

                    static string Fetch(string id) => {|#0:MessagesApi.ReadThread(id)|};
                }
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Run", "messages:read", "MessagesApi.ReadThread"));
    }

    [Fact]
    public async Task FieldAndPropertyInitializers_AreCodeOfTheirMember()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;

                [RequiresScope("messages:list")] public static string[] List() => new string[0];
            }

            [GrantedScopes]
            public sealed class Partner
            {
                private readonly string first = {|#0:MessagesApi.ReadThread("t1")|};

                private static readonly string[] All = {|#1:MessagesApi.List()|};

                public string Latest { get; } = {|#2:MessagesApi.ReadThread("t2")|};

                public Partner() { }

                public Partner(string other) { first = other; }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.first", "messages:read", "MessagesApi.ReadThread"),
            NotGranted(1, "Partner.All", "messages:list", "MessagesApi.List"),
            NotGranted(2, "Partner.Latest", "messages:read", "MessagesApi.ReadThread"));
    }

    [Fact]
    public async Task NestedNonPrincipalType_IsCodeOfThePrincipal()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                private sealed class Worker
                {
                    public string Run() => {|#0:MessagesApi.ReadThread("t1")|};

                    public struct Step
                    {
                        public string Run() => {|#1:MessagesApi.ReadThread("t2")|};
                    }
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Worker.Run", "messages:read", "MessagesApi.ReadThread"),
            NotGranted(1, "Step.Run", "messages:read", "MessagesApi.ReadThread"));
    }

    [Fact]
    public async Task Foreach_UsesGetEnumeratorMoveNextAndCurrent()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Feed
            {
                [RequiresScope("feed:open")] public FeedEnumerator GetEnumerator() => new FeedEnumerator();
            }

            public sealed class FeedEnumerator
            {
                [RequiresScope("feed:next")] public bool MoveNext() => false;

                public string Current { [RequiresScope("feed:read")] get => ""; }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public int Count(Feed feed)
                {
                    var count = 0;
                    foreach (var item in {|#0:feed|})
                    {
                        count++;
                    }

                    return count;
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Count", "feed:open", "Feed.GetEnumerator"),
            NotGranted(0, "Partner.Count", "feed:next", "FeedEnumerator.MoveNext"),
            NotGranted(0, "Partner.Count", "feed:read", "FeedEnumerator.Current"));
    }

    [Fact]
    public async Task UsingStatement_UsesTheResourceClassDispose()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public sealed class Session : IDisposable
            {
                [RequiresScope("session:close")] public void Dispose() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Declared()
                {
                    using (var {|#0:session = new Session()|})
                    {
                    }
                }

                public void Expression(Session session)
                {
                    using ({|#1:session|})
                    {
                    }
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Declared", "session:close", "Session.Dispose"),
            NotGranted(1, "Partner.Expression", "session:close", "Session.Dispose"));
    }

    [Fact]
    public async Task UsingDeclaration_UsesTheResourceClassDispose()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public sealed class Session : IDisposable
            {
                [RequiresScope("session:close")] void IDisposable.Dispose() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run()
                {
                    using var {|#0:session = new Session()|};
                }
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Run", "session:close", "Session.Dispose"));
    }

    [Fact]
    public async Task UsingOfInterfaceTypedResource_DoesNotGuessTheImplementation()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public sealed class Session : IDisposable
            {
                [RequiresScope("session:close")] public void Dispose() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run()
                {
                    using (IDisposable session = new Session())
                    {
                    }
                }
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Await_UsesGetAwaiterAndGetResultOfACustomAwaitable()
    {
        const string source = """
            using System;
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            using PermissionAnalyzer;

            public sealed class ExportJob
            {
                [RequiresScope("export:start")] public ExportAwaiter GetAwaiter() => new ExportAwaiter();
            }

            public sealed class ExportAwaiter : INotifyCompletion
            {
                public bool IsCompleted => true;

                [RequiresScope("export:read")] public string GetResult() => "";

                public void OnCompleted(Action continuation) => continuation();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public async Task<string> Run(ExportJob job) => {|#0:await job|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "export:start", "ExportJob.GetAwaiter"),
            NotGranted(0, "Partner.Run", "export:read", "ExportAwaiter.GetResult"));
    }

    [Fact]
    public async Task Deconstruction_UsesDeconstruct()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Contact
            {
                [RequiresScope("contacts:read")]
                public void Deconstruct(out string name, out string phone)
                {
                    name = "";
                    phone = "";
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run(Contact contact)
                {
                    {|#0:var (name, phone) = contact|};
                    return name + phone;
                }
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Run", "contacts:read", "Contact.Deconstruct"));
    }

    [Fact]
    public async Task CollectionInitializer_UsesAdd()
    {
        const string source = """
            using System.Collections;
            using System.Collections.Generic;
            using PermissionAnalyzer;

            public sealed class Recipients : IEnumerable<string>
            {
                [RequiresScope("contacts:write")] public void Add(string contact) { }

                public IEnumerator<string> GetEnumerator() => new List<string>().GetEnumerator();

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Recipients Run() => new Recipients { {|#0:"alice"|}, {|#1:"bob"|} };
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "contacts:write", "Recipients.Add"),
            NotGranted(1, "Partner.Run", "contacts:write", "Recipients.Add"));
    }

    [Fact]
    public async Task UserDefinedOperatorsAndConversions_AreUse()
    {
        const string source = """
            using PermissionAnalyzer;

            public readonly struct Balance
            {
                [RequiresScope("billing:add")] public static Balance operator +(Balance a, Balance b) => a;

                [RequiresScope("billing:negate")] public static Balance operator -(Balance a) => a;

                [RequiresScope("billing:read")] public static implicit operator decimal(Balance a) => 0m;

                [RequiresScope("billing:format")] public static explicit operator string(Balance a) => "";
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Balance Sum(Balance a, Balance b) => {|#0:a + b|};

                public Balance Refund(Balance a) => {|#1:-a|};

                public decimal Amount(Balance a) => {|#2:a|};

                public string Show(Balance a) => {|#3:(string)a|};

                public Balance Accumulate(Balance a, Balance b)
                {
                    {|#4:a += b|};
                    return a;
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Sum", "billing:add", "Balance.operator +"),
            NotGranted(1, "Partner.Refund", "billing:negate", "Balance.operator -"),
            NotGranted(2, "Partner.Amount", "billing:read", "Balance.implicit operator decimal"),
            NotGranted(3, "Partner.Show", "billing:format", "Balance.explicit operator string"),
            NotGranted(4, "Partner.Accumulate", "billing:add", "Balance.operator +"));
    }

    [Fact]
    public async Task ImplicitBaseConstructorCall_IsReportedOnTheBaseTypeInTheClassDeclaration()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class ApiClientBase
            {
                [RequiresScope("client:connect")] protected ApiClientBase() { }
            }

            [GrantedScopes]
            public sealed class Partner : {|#0:ApiClientBase|}
            {
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Partner", "client:connect", "ApiClientBase.ApiClientBase"));
    }

    [Fact]
    public async Task ImplicitBaseConstructorCallOfSeveralConstructors_IsReportedOncePerScope()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class ApiClientBase
            {
                [RequiresScope("client:connect")] protected ApiClientBase() { }
            }

            [GrantedScopes]
            public sealed class Partner : {|#0:ApiClientBase|}
            {
                public Partner() { }

                public Partner(string name) { }
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Partner", "client:connect", "ApiClientBase.ApiClientBase"));
    }

    [Fact]
    public async Task ExplicitBaseConstructorCall_IsReportedAtTheInitializer()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class ApiClientBase
            {
                [RequiresScope("client:connect")] protected ApiClientBase(string token) { }
            }

            [GrantedScopes]
            public sealed class Partner : ApiClientBase
            {
                public Partner() {|#0:: base("token")|} { }
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Partner", "client:connect", "ApiClientBase.ApiClientBase"));
    }

    [Fact]
    public async Task PrimaryConstructorBaseCall_IsReportedAtTheBaseType()
    {
        const string source = """
            using PermissionAnalyzer;

            public abstract class ApiClientBase
            {
                [RequiresScope("client:connect")] protected ApiClientBase(string token) { }
            }

            [GrantedScopes]
            public sealed class Partner(string token) : {|#0:ApiClientBase(token)|}
            {
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Partner", "client:connect", "ApiClientBase.ApiClientBase"));
    }

    [Fact]
    public async Task ExtensionMethods_AreUseAndAreFollowed()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Inbox
            {
                [RequiresScope("messages:read")] public string Read() => "";
            }

            public static class InboxExtensions
            {
                [RequiresScope("messages:purge")] public static void Purge(this Inbox inbox) { }

                public static string ReadTwice(this Inbox inbox) => inbox.Read() + inbox.Read();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Clean(Inbox inbox) => {|#0:inbox.Purge()|};

                public string Show(Inbox inbox) => {|#1:inbox.ReadTwice()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Clean", "messages:purge", "InboxExtensions.Purge"),
            NotGranted(1, "Partner.Show", "messages:read", "InboxExtensions.ReadTwice → Inbox.Read"));
    }

    [Fact]
    public async Task GenericMethodsAndTypes_AreJudgedByTheirDefinition()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Repository<T>
            {
                [RequiresScope("db:write")] public void Save(T item) { }
            }

            [RequiresScope("cache:read")]
            public sealed class Cache<TKey, TValue>
            {
                public TValue? Get(TKey key) => default;
            }

            public static class Store
            {
                public static void SaveAll<T>(Repository<T> repository, T[] items)
                {
                    foreach (var item in items)
                    {
                        repository.Save(item);
                    }
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Save(Repository<string> names, Repository<int> numbers)
                {
                    {|#0:names.Save("a")|};
                    {|#1:Store.SaveAll(numbers, new[] { 1, 2 })|};
                }

                public int Lookup(Cache<string, int> cache) => {|#2:cache.Get("a")|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Save", "db:write", "Repository.Save"),
            NotGranted(1, "Partner.Save", "db:write", "Store.SaveAll → Repository.Save"),
            NotGranted(2, "Partner.Lookup", "cache:read", "Cache.Get"));
    }

    [Fact]
    public async Task RecursivePatternWithDeconstruct_IsUse()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Contact
            {
                [RequiresScope("contacts:read")]
                public void Deconstruct(out string name, out int age)
                {
                    name = "";
                    age = 0;
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public bool IsAdult(Contact contact) => contact is {|#0:(_, >= 18)|};
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.IsAdult", "contacts:read", "Contact.Deconstruct"));
    }

    [Fact]
    public async Task ObjectInitializer_UsesThePropertySetter()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Profile
            {
                public string Email { get => ""; [RequiresScope("profile:write")] set { } }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Profile Create() => new Profile { {|#0:Email|} = "a@b.c" };
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Create", "profile:write", "Profile.Email"));
    }

    [Fact]
    public async Task AwaitUsingAndAwaitForeach_UseTheAsyncPattern()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using PermissionAnalyzer;

            public sealed class Upload : IAsyncDisposable
            {
                [RequiresScope("files:commit")] public ValueTask DisposeAsync() => default;
            }

            public sealed class Changes
            {
                [RequiresScope("changes:read")] public ChangeCursor GetAsyncEnumerator(CancellationToken token = default) => new ChangeCursor();
            }

            public sealed class ChangeCursor
            {
                public string Current => "";

                public ValueTask<bool> MoveNextAsync() => new ValueTask<bool>(false);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public async Task Run(Changes changes)
                {
                    await using var {|#0:upload = new Upload()|};
                    await foreach (var change in {|#1:changes|})
                    {
                    }
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "files:commit", "Upload.DisposeAsync"),
            NotGranted(1, "Partner.Run", "changes:read", "Changes.GetAsyncEnumerator"));
    }

    [Fact]
    public async Task DeconstructingAssignmentIntoAProperty_UsesItsSetterNotItsGetter()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Mailbox
            {
                public string Subject
                {
                    [RequiresScope("mail:read")] get => "";
                    [RequiresScope("mail:write")] set { }
                }
            }

            public sealed class Draft
            {
                public void Deconstruct(out string subject, out int size)
                {
                    subject = "";
                    size = 0;
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(Mailbox box, Draft draft)
                {
                    int size;
                    ({|#0:box.Subject|}, size) = ("hello", 1);
                    (({|#1:box.Subject|}, size), size) = (("hello", 1), 2);
                    ({|#2:box.Subject|}, size) = draft;
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "mail:write", "Mailbox.Subject"),
            NotGranted(1, "Partner.Run", "mail:write", "Mailbox.Subject"),
            NotGranted(2, "Partner.Run", "mail:write", "Mailbox.Subject"));
    }

    [Fact]
    public async Task AwaitUsingOfAPatternDisposeAsync_UsesIt()
    {
        const string source = """
            using System.Threading.Tasks;
            using PermissionAnalyzer;

            public sealed class Upload
            {
                [RequiresScope("files:commit")] public ValueTask DisposeAsync() => default;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public async Task Run(Upload existing)
                {
                    await using var {|#0:upload = new Upload()|};
                    await using ({|#1:existing|})
                    {
                    }
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "files:commit", "Upload.DisposeAsync"),
            NotGranted(1, "Partner.Run", "files:commit", "Upload.DisposeAsync"));
    }

    [Fact]
    public async Task UsingOfARefStructAndAwaitForeach_UseTheirPatternMembers()
    {
        const string source = """
            using System.Threading.Tasks;
            using PermissionAnalyzer;

            public ref struct Lease
            {
                [RequiresScope("locks:release")] public void Dispose() { }
            }

            public sealed class Changes
            {
                public ChangeCursor GetAsyncEnumerator() => new ChangeCursor();
            }

            public sealed class ChangeCursor
            {
                public string Current { [RequiresScope("changes:read")] get => ""; }

                [RequiresScope("changes:next")] public ValueTask<bool> MoveNextAsync() => new ValueTask<bool>(false);

                [RequiresScope("changes:close")] public ValueTask DisposeAsync() => default;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public async Task Run(Changes changes)
                {
                    Hold();
                    await foreach (var change in {|#1:changes|})
                    {
                    }
                }

                private static void Hold()
                {
                    using var {|#0:lease = new Lease()|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Hold", "locks:release", "Lease.Dispose"),
            NotGranted(1, "Partner.Run", "changes:close", "ChangeCursor.DisposeAsync"),
            NotGranted(1, "Partner.Run", "changes:next", "ChangeCursor.MoveNextAsync"),
            NotGranted(1, "Partner.Run", "changes:read", "ChangeCursor.Current"));
    }

    [Fact]
    public async Task IndexFromEndAndRanges_UseTheLengthAndTheIndexerOrSliceTheyBindTo()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Thread
            {
                public int Length { [RequiresScope("thread:count")] get => 0; }

                public string this[int index]
                {
                    [RequiresScope("thread:read")] get => "";
                    [RequiresScope("thread:edit")] set { }
                }

                [RequiresScope("thread:slice")] public Thread Slice(int start, int length) => this;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Last(Thread thread) => {|#0:thread[^1]|};

                public void Edit(Thread thread) => {|#1:thread[^1]|} = "";

                public Thread Rest(Thread thread) => {|#2:thread[1..]|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Last", "thread:count", "Thread.Length"),
            NotGranted(0, "Partner.Last", "thread:read", "Thread.this[]"),
            NotGranted(1, "Partner.Edit", "thread:count", "Thread.Length"),
            NotGranted(1, "Partner.Edit", "thread:edit", "Thread.this[]"),
            NotGranted(2, "Partner.Rest", "thread:count", "Thread.Length"),
            NotGranted(2, "Partner.Rest", "thread:slice", "Thread.Slice"));
    }

    [Fact]
    public async Task ListPatterns_UseTheLengthTheIndexerAndSlice()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Thread
            {
                public int Count { [RequiresScope("thread:count")] get => 0; }

                public string this[int index] { [RequiresScope("thread:read")] get => ""; }

                [RequiresScope("thread:slice")] public Thread Slice(int start, int length) => this;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public bool Ends(Thread thread) => thread is {|#0:[var first, .., var last]|};

                public bool Middle(Thread thread) => thread is {|#1:[_, {|#2:.. var middle|}]|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Ends", "thread:count", "Thread.Count"),
            NotGranted(0, "Partner.Ends", "thread:read", "Thread.this[]"),
            NotGranted(1, "Partner.Middle", "thread:count", "Thread.Count"),
            NotGranted(1, "Partner.Middle", "thread:read", "Thread.this[]"),
            NotGranted(2, "Partner.Middle", "thread:slice", "Thread.Slice"));
    }

    [Fact]
    public async Task AnnotatedLocalFunction_IsUseWhenInvokedOrTurnedIntoADelegate()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            [GrantedScopes]
            [RequiresScope("partner:all")]
            public sealed class Partner
            {
                public Action Run()
                {
                    {|#0:Purge()|};
                    return {|#1:Purge|};

                    [RequiresScope("messages:purge")] static void Purge() { }
                }

                public void Unused()
                {
                    [RequiresScope("messages:purge")] static void Purge() { }
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "messages:purge", "Partner.Purge"),
            NotGranted(1, "Partner.Run", "messages:purge", "Partner.Purge"));
    }

    [Fact]
    public async Task FieldLikeEventInitializer_IsCodeOfItsOwner()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public static class Hooks
            {
                [RequiresScope("hooks:create")] public static Action Make() => () => { };
            }

            public sealed class Feed
            {
                public event Action Changed = Hooks.Make();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public event Action Changed = {|#0:Hooks.Make()|};

                public Feed Open() => {|#1:new Feed()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Changed", "hooks:create", "Hooks.Make"),
            NotGranted(1, "Partner.Open", "hooks:create", "Feed.Feed → Hooks.Make"));
    }

    [Fact]
    public async Task ImplicitConversionsTheTreeDoesNotShow_AreUse()
    {
        const string source = """
            using System.Collections.Generic;
            using PermissionAnalyzer;

            public readonly struct Money
            {
                [RequiresScope("fx:read")] public static implicit operator decimal(Money money) => 0;

                [RequiresScope("fx:write")] public static implicit operator Money(decimal value) => default;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public decimal Sum(List<Money> amounts)
                {
                    decimal sum = 0;
                    foreach (decimal amount in {|#0:amounts|})
                    {
                        sum += amount;
                    }

                    return sum;
                }

                public void Add(ref Money money) => {|#1:money += 1m|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Sum", "fx:read", "Money.implicit operator decimal"),
            NotGranted(1, "Partner.Add", "fx:read", "Money.implicit operator decimal"),
            NotGranted(1, "Partner.Add", "fx:write", "Money.implicit operator Money"));
    }

    [Fact]
    public async Task WithExpression_UsesTheCloneAndTheCopyConstructorWrittenForIt()
    {
        const string source = """
            using PermissionAnalyzer;

            public record Contact(string Name)
            {
                [RequiresScope("contacts:copy")]
                protected Contact(Contact original)
                {
                    Name = original.Name;
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Contact Rename(Contact contact) => {|#0:contact with { Name = "x" }|};
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Rename", "contacts:copy", "Contact.Contact"));
    }

    [Fact]
    public async Task InterpolatedStringHandler_UsesItsConstructorAndAppendMethods()
    {
        const string source = """
            using System.Runtime.CompilerServices;
            using PermissionAnalyzer;

            [InterpolatedStringHandler]
            public ref struct AuditHandler
            {
                [RequiresScope("audit:open")] public AuditHandler(int literalLength, int formattedCount) { }

                [RequiresScope("audit:text")] public void AppendLiteral(string text) { }

                [RequiresScope("audit:value")] public void AppendFormatted<T>(T value) { }
            }

            public static class Audit
            {
                public static void Write(AuditHandler handler) { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(int id) => Audit.Write({|#0:$"{|#1:id |}{|#2:{id}|}"|});
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Run", "audit:open", "AuditHandler.AuditHandler"),
            NotGranted(1, "Partner.Run", "audit:text", "AuditHandler.AppendLiteral"),
            NotGranted(2, "Partner.Run", "audit:value", "AuditHandler.AppendFormatted"));
    }

    [Fact]
    public async Task TupleEqualityAndShortCircuitOperators_UseTheUserDefinedOperators()
    {
        const string source = """
            using PermissionAnalyzer;

            public readonly struct Flag
            {
                [RequiresScope("flags:compare")] public static bool operator ==(Flag a, Flag b) => true;

                public static bool operator !=(Flag a, Flag b) => false;

                [RequiresScope("flags:and")] public static Flag operator &(Flag a, Flag b) => a;

                [RequiresScope("flags:test")] public static bool operator true(Flag flag) => true;

                [RequiresScope("flags:false")] public static bool operator false(Flag flag) => false;

                public override bool Equals(object? obj) => false;

                public override int GetHashCode() => 0;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public bool Same(Flag a, Flag b) => {|#0:(a, 1) == (b, 1)|};

                public bool Both(Flag a, Flag b) => {|#1:{|#2:a && b|}|} ? true : false;
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Same", "flags:compare", "Flag.operator =="),
            NotGranted(1, "Partner.Both", "flags:test", "Flag.operator true"),
            NotGranted(2, "Partner.Both", "flags:and", "Flag.operator &"),
            NotGranted(2, "Partner.Both", "flags:false", "Flag.operator false"));
    }

    [Fact]
    public async Task CollectionExpressions_UseTheBuilderOrTheConstructorAndAdd()
    {
        const string source = """
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using PermissionAnalyzer;

            public sealed class Recipients : IEnumerable<string>
            {
                [RequiresScope("contacts:write")] public void Add(string contact) { }

                public IEnumerator<string> GetEnumerator() => new List<string>().GetEnumerator();

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            [CollectionBuilder(typeof(Labels), nameof(Labels.Create))]
            public sealed class Labels : IEnumerable<string>
            {
                [RequiresScope("labels:create")] public static Labels Create(ReadOnlySpan<string> items) => new Labels();

                public IEnumerator<string> GetEnumerator() => new List<string>().GetEnumerator();

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public Recipients To() => {|#0:["alice", "bob"]|};

                public Labels Tags() => {|#1:["urgent"]|};

                public int[] None() => [1, 2];

                public string[] Spread(Feed feed) => {|#2:[.. feed]|};
            }

            public sealed class Feed
            {
                [RequiresScope("feed:open")] public FeedCursor GetEnumerator() => new FeedCursor();
            }

            public sealed class FeedCursor
            {
                public string Current => "";

                public bool MoveNext() => false;
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.To", "contacts:write", "Recipients.Add"),
            NotGranted(1, "Partner.Tags", "labels:create", "Labels.Create"),
            NotGranted(2, "Partner.Spread", "feed:open", "Feed.GetEnumerator"));
    }

    [Fact]
    public async Task FixedStatement_UsesGetPinnableReference()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Buffer
            {
                private int value;

                [RequiresScope("memory:pin")] public ref int GetPinnableReference() => ref value;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public unsafe int Read(Buffer buffer)
                {
                    fixed (int* pointer = {|#0:buffer|})
                    {
                        return *pointer;
                    }
                }
            }
            """;

        var test = Verify.Test(source).Expecting(NotGranted(0, "Partner.Read", "memory:pin", "Buffer.GetPinnableReference"));
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectCompilationOptions(projectId, ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)));
        await test.RunAsync();
    }

    [Fact]
    public async Task PropertyPatternAndOverrideOfOneAccessor_UseTheAccessorThatRuns()
    {
        const string source = """
            using PermissionAnalyzer;

            public class Profile
            {
                public virtual string Email
                {
                    [RequiresScope("profile:read")] get => "";
                    [RequiresScope("profile:write")] set { }
                }
            }

            public sealed class CachedProfile : Profile
            {
                public override string Email { get => ""; }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public bool IsEmpty(Profile profile) => profile is { {|#0:Email|}: "" };

                public void Clear(CachedProfile profile) => {|#1:profile.Email|} = "";
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.IsEmpty", "profile:read", "Profile.Email"),
            NotGranted(1, "Partner.Clear", "profile:write", "Profile.Email"));
    }

    [Fact]
    public async Task AnnotatedLambda_IsUseWhereItIsTurnedIntoADelegate()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public Action Purge() => {|#0:[RequiresScope("messages:purge")] () => { }|};

                public Action Plain() => () => { };
            }
            """;

        await Verify.AnalyzerAsync(source, NotGranted(0, "Partner.Purge", "messages:purge", "Partner.Purge (lambda)"));
    }

    [Fact]
    public async Task TupleConversionsAndQueryExpressions_UseTheMembersTheyRunImplicitly()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public readonly struct Money
            {
                [RequiresScope("fx:read")] public static implicit operator decimal(Money money) => 0;
            }

            public sealed class Feed
            {
                [RequiresScope("feed:query")] public Feed Select(Func<string, string> selector) => this;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public (decimal, int) Convert((Money, int) pair) => {|#0:pair|};

                public Feed Query(Feed feed) => from item in feed {|#1:select item|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Convert", "fx:read", "Money.implicit operator decimal"),
            NotGranted(1, "Partner.Query", "feed:query", "Feed.Select"));
    }

    [Fact]
    public async Task UsingOfANullableStructAndDeconstructionIntoConvertedParts_UseDisposeAndTheConversions()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public struct Lease : IDisposable
            {
                [RequiresScope("locks:release")] public void Dispose() { }
            }

            public readonly struct Money
            {
                [RequiresScope("fx:read")] public static implicit operator decimal(Money money) => 0;
            }

            public sealed class Invoice
            {
                public void Deconstruct(out Money total, out int lines)
                {
                    total = default;
                    lines = 0;
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Hold(Lease? lease)
                {
                    using ({|#0:lease|})
                    {
                    }
                }

                public decimal Total(Invoice invoice)
                {
                    {|#1:(decimal total, int lines) = invoice|};
                    return total;
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            NotGranted(0, "Partner.Hold", "locks:release", "Lease.Dispose"),
            NotGranted(1, "Partner.Total", "fx:read", "Money.implicit operator decimal"));
    }
}
