using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0005 Use not covered by a declared feature: the principal declares features and none needs the used scope.</summary>
public class PA0005Tests
{
    private const string MessagesApi = """
        using PermissionAnalyzer;

        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            [RequiresScope("messages:send")] public static void Send(string to, string text) { }
        }
        """;

    [Fact]
    public async Task GrantedUseNoFeatureNeeds_ReportsUncoveredUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend, {|#0:MessagesApi.ReadThread(friend)|});
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0005").WithLocation(0).WithArguments("Partner.Share", "messages:read", "MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task UngrantedUseNoFeatureNeeds_ReportsBothAtTheSite()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:send")]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend, {|#0:MessagesApi.ReadThread(friend)|});
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Share", "messages:read", "MessagesApi.ReadThread", "Partner"),
            Verify.Diagnostic("PA0005").WithLocation(0).WithArguments("Partner.Share", "messages:read", "MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task UseNeededByAnyFeature_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            [FeatureNeeds("Share a song", "messages:send")]
            [FeatureNeeds("Show the thread", "messages:read")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend, MessagesApi.ReadThread(friend));
            }
            """;

        await Verify.AnalyzerAsync(new[] { MessagesApi, source });
    }

    [Fact]
    public async Task UseWithoutDeclaredFeatures_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend, MessagesApi.ReadThread(friend));
            }
            """;

        await Verify.AnalyzerAsync(new[] { MessagesApi, source });
    }

    [Fact]
    public async Task UseCoveredByWildcardGrantButNoFeature_ReportsUncoveredUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:*"|})]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend, {|#1:MessagesApi.ReadThread(friend)|});
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Partner", "messages:*"),
            Verify.Diagnostic("PA0005").WithLocation(1).WithArguments("Partner.Share", "messages:read", "MessagesApi.ReadThread", "Partner"));
    }
}
