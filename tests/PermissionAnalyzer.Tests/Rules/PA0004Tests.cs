using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0004 Scope used but not granted: at the last hop inside the principal, once per site and scope.</summary>
public class PA0004Tests
{
    private const string MessagesApi = """
        using PermissionAnalyzer;

        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            [RequiresScope("messages:send")] public static void Send(string to, string text) { }
            [RequiresScope("messages:read", "messages:delete")] public static void ReadAndDelete(string id) { }
        }

        public static class Helper
        {
            public static string Fetch(string id) => MessagesApi.ReadThread(id);
        }
        """;

    [Fact]
    public async Task UseThroughHelperNotGranted_ReportsAtTheCallWithTheChain()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:send")]
            public sealed class SpotifyIntegration
            {
                public void Share(string friend)
                {
                    var thread = {|#0:Helper.Fetch(friend)|};
                    MessagesApi.Send(friend, thread);
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("SpotifyIntegration.Share", "messages:read", "Helper.Fetch → MessagesApi.ReadThread", "SpotifyIntegration"));
    }

    [Fact]
    public async Task UseGranted_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend, Helper.Fetch(friend));
            }
            """;

        await Verify.AnalyzerAsync(new[] { MessagesApi, source });
    }

    [Fact]
    public async Task CallIntoOwnMember_IsReportedAtTheLastHopInsideThePrincipal()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => Load("t1") + Load("t2");

                private string Load(string id) => {|#0:MessagesApi.ReadThread(id)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Load", "messages:read", "MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task EverySiteAndEveryScope_IsReportedOnce()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(string id)
                {
                    {|#0:MessagesApi.ReadThread(id)|};
                    {|#1:MessagesApi.ReadThread(id)|};
                    {|#2:MessagesApi.ReadAndDelete(id)|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "MessagesApi.ReadThread", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "messages:read", "MessagesApi.ReadThread", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(2).WithArguments("Partner.Run", "messages:delete", "MessagesApi.ReadAndDelete", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(2).WithArguments("Partner.Run", "messages:read", "MessagesApi.ReadAndDelete", "Partner"));
    }

    [Fact]
    public async Task CodeOutsideAnyPrincipal_ReportsNothing()
    {
        const string source = """
            public sealed class Maintenance
            {
                public void Run(string id) => MessagesApi.ReadAndDelete(id);
            }
            """;

        await Verify.AnalyzerAsync(new[] { MessagesApi, source });
    }

    [Fact]
    public async Task PrincipalWithFeaturesButNoGrant_ReportsEveryUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [FeatureNeeds("Share a song", {|#0:"messages:send"|})]
            public sealed class Partner
            {
                public void Share(string friend) => {|#1:MessagesApi.Send(friend, "song")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0006").WithLocation(0).WithArguments("Share a song", "Partner", "messages:send"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Share", "messages:send", "MessagesApi.Send", "Partner"));
    }
}
