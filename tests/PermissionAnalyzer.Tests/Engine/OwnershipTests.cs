using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// Which principal owns which code: a type principal owns its members and its nested types that are not
/// principals; uses follow calls wherever they lead, into helpers and into other principals.
/// </summary>
public class OwnershipTests
{
    private const string MessagesApi = """
        using PermissionAnalyzer;

        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            [RequiresScope("messages:send")] public static void Send(string to, string text) { }
            [RequiresScope("messages:delete")] public static void DeleteThread(string id) { }
        }
        """;

    [Fact]
    public async Task PartialPrincipalAcrossFiles_IsOnePrincipal()
    {
        const string first = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|#0:"messages:delete"|})]
            public sealed partial class Partner
            {
                public string Read(string id) => MessagesApi.ReadThread(id);
            }
            """;
        const string second = """
            using PermissionAnalyzer;

            [FeatureNeeds("Show a thread", "messages:read")]
            public sealed partial class Partner
            {
                public void Reply(string to) => {|#1:MessagesApi.Send(to, "ok")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, first, second },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "no declared feature needs and no code uses"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Reply", "messages:send", "MessagesApi.Send", "Partner"),
            Verify.Diagnostic("PA0005").WithLocation(1).WithArguments("Partner.Reply", "messages:send", "MessagesApi.Send", "Partner"));
    }

    [Fact]
    public async Task NestedPrincipal_OwnsItsOwnCode()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:read"|})]
            public sealed class Outer
            {
                [GrantedScopes("messages:read")]
                public sealed class Inner
                {
                    public string Read(string id) => MessagesApi.ReadThread(id);

                    public void Purge(string id) => {|#1:MessagesApi.DeleteThread(id)|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Outer", "messages:read"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Inner.Purge", "messages:delete", "MessagesApi.DeleteThread", "Inner"));
    }

    [Fact]
    public async Task CallIntoAnotherPrincipal_CountsForTheCallerToo()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read")]
            public sealed class Reader
            {
                public static string Read(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:Reader.Read("t")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "Reader.Read → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task HelperOwnedByNobody_CountsForEveryPrincipalThatCallsIt()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Helper
            {
                public static string Fetch(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Spotify
            {
                public string Run() => {|#0:Helper.Fetch("t")|};
            }

            [GrantedScopes("messages:read")]
            public sealed class Netflix
            {
                public string Run() => Helper.Fetch("t");
            }

            [GrantedScopes]
            public struct Dropbox
            {
                public string Run() => {|#1:Helper.Fetch("t")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Spotify.Run", "messages:read", "Helper.Fetch → MessagesApi.ReadThread", "Spotify"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Dropbox.Run", "messages:read", "Helper.Fetch → MessagesApi.ReadThread", "Dropbox"));
    }

    [Fact]
    public async Task DerivedClassOfAPrincipal_IsNotAPrincipal()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:read"|})]
            public class Partner
            {
            }

            public sealed class DerivedPartner : Partner
            {
                public void Run(string id)
                {
                    MessagesApi.ReadThread(id);
                    MessagesApi.DeleteThread(id);
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"));
    }

    [Fact]
    public async Task GenericAndStaticPrincipals_AreAnalyzed()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:send"|})]
            public sealed class Partner<T>
            {
                public string Run(T value) => {|#1:MessagesApi.ReadThread(value!.ToString()!)|};
            }

            [GrantedScopes({|#2:"messages:send"|})]
            public static class Job
            {
                public static void Run(string id) => {|#3:MessagesApi.DeleteThread(id)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:send"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "messages:read", "MessagesApi.ReadThread", "Partner"),
            Verify.Diagnostic("PA0003").WithLocation(2).WithArguments("Job", "messages:send"),
            Verify.Diagnostic("PA0004").WithLocation(3).WithArguments("Job.Run", "messages:delete", "MessagesApi.DeleteThread", "Job"));
    }

    [Fact]
    public async Task OwnMemberWithARequirement_CountsAtItsCallersAndInItsBody()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run() => {|#0:Clean("t")|};

                [RequiresScope("messages:delete")]
                private void Clean(string id) => {|#1:MessagesApi.DeleteThread(id)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:delete", "Partner.Clean", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Clean", "messages:delete", "MessagesApi.DeleteThread", "Partner"));
    }

    [Fact]
    public async Task EveryKindOfMemberBody_IsCodeOfThePrincipal()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                private static readonly string Cached;

                static Partner() => Cached = {|#0:MessagesApi.ReadThread("static")|};

                public Partner() => {|#1:MessagesApi.Send("a", "constructed")|};

                ~Partner() => {|#2:MessagesApi.DeleteThread("finalized")|};

                public string Latest => {|#3:MessagesApi.ReadThread("latest")|};

                public string Draft
                {
                    get { return {|#4:MessagesApi.ReadThread("draft")|}; }
                    set { {|#5:MessagesApi.Send("a", value)|}; }
                }

                public string this[string id] => {|#6:MessagesApi.ReadThread(id)|};

                public event EventHandler? Changed
                {
                    add => {|#7:MessagesApi.Send("a", "subscribed")|};
                    remove => {|#8:MessagesApi.DeleteThread("unsubscribed")|};
                }

                public static Partner operator +(Partner a, Partner b)
                {
                    {|#9:MessagesApi.Send("a", "added")|};
                    return a;
                }
            }
            """;

        static Microsoft.CodeAnalysis.Testing.DiagnosticResult Use(int location, string member, string scope, string api) =>
            Verify.Diagnostic("PA0004").WithLocation(location).WithArguments(member, scope, api, "Partner");

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Use(0, "Partner.Partner", "messages:read", "MessagesApi.ReadThread"),
            Use(1, "Partner.Partner", "messages:send", "MessagesApi.Send"),
            Use(2, "Partner.~Partner", "messages:delete", "MessagesApi.DeleteThread"),
            Use(3, "Partner.Latest", "messages:read", "MessagesApi.ReadThread"),
            Use(4, "Partner.Draft", "messages:read", "MessagesApi.ReadThread"),
            Use(5, "Partner.Draft", "messages:send", "MessagesApi.Send"),
            Use(6, "Partner.this[]", "messages:read", "MessagesApi.ReadThread"),
            Use(7, "Partner.Changed", "messages:send", "MessagesApi.Send"),
            Use(8, "Partner.Changed", "messages:delete", "MessagesApi.DeleteThread"),
            Use(9, "Partner.operator +", "messages:send", "MessagesApi.Send"));
    }

    [Fact]
    public async Task ChainThatComesBackIntoThePrincipal_IsReportedAtTheLastHopInside()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Relay
            {
                public static void Forward(Partner partner) => partner.Purge("t");
            }

            [GrantedScopes({|#1:"messages:read"|})]
            public sealed class Partner
            {
                public void Start() => Relay.Forward(this);

                public void Purge(string id) => {|#0:MessagesApi.DeleteThread(id)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("Partner", "messages:read"),
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Purge", "messages:delete", "MessagesApi.DeleteThread", "Partner"));
    }
}
