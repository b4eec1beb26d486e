using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0007 Wildcard grant: <c>*</c> or a scope ending in <c>*</c>; it covers every scope with its prefix.</summary>
public class PA0007Tests
{
    private const string Apis = """
        using PermissionAnalyzer;

        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            [RequiresScope("messages:delete")] public static void DeleteThread(string id) { }
        }

        public static class FilesApi
        {
            [RequiresScope("files:read")] public static string Open(string path) => path;
        }
        """;

    [Fact]
    public async Task PrefixWildcardCoveringUses_ReportsOnlyTheWildcard()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:*"|})]
            public sealed class Partner
            {
                public void Run(string id)
                {
                    MessagesApi.ReadThread(id);
                    MessagesApi.DeleteThread(id);
                }
            }
            """;

        await Verify.AnalyzerAsync(new[] { Apis, source }, Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Partner", "messages:*"));
    }

    [Fact]
    public async Task StarCoveringEveryUse_ReportsOnlyTheWildcard()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"*"|})]
            public sealed class Partner
            {
                public void Run(string id)
                {
                    MessagesApi.DeleteThread(id);
                    FilesApi.Open(id);
                }
            }
            """;

        await Verify.AnalyzerAsync(new[] { Apis, source }, Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Partner", "*"));
    }

    [Fact]
    public async Task WildcardOfAnotherPrefix_DoesNotCoverTheUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:*"|})]
            public sealed class Partner
            {
                public string Run(string path) => {|#1:FilesApi.Open(path)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Apis, source },
            Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Partner", "messages:*"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "files:read", "FilesApi.Open", "Partner"));
    }

    [Fact]
    public async Task UnusedDestructiveWildcard_GetsOnlyTheWildcardVerdict()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:delete*"|})]
            [FeatureNeeds("Nothing")]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(new[] { Apis, source }, Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Partner", "messages:delete*"));
    }

    [Fact]
    public async Task StarInsideAScope_IsNotAWildcard()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:*:read"|})]
            public sealed class Partner
            {
                public string Run(string id) => {|#1:MessagesApi.ReadThread(id)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Apis, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:*:read"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "messages:read", "MessagesApi.ReadThread", "Partner"));
    }
}
