using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0006 Feature needs an ungranted scope: on the scope argument of <c>FeatureNeeds</c>.</summary>
public class PA0006Tests
{
    [Fact]
    public async Task FeatureNeedNotGranted_ReportsOnTheNeed()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:send"|})]
            [FeatureNeeds("Share a song", "messages:send", {|#1:"contacts:read"|})]
            [FeatureNeeds("Invite friends", {|#2:"contacts:read"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:send"),
            Verify.Diagnostic("PA0006").WithLocation(1).WithArguments("Share a song", "Partner", "contacts:read"),
            Verify.Diagnostic("PA0006").WithLocation(2).WithArguments("Invite friends", "Partner", "contacts:read"));
    }

    [Fact]
    public async Task FeatureNeedGranted_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:send")] public static void Send(string to) { }
            }

            [GrantedScopes("messages:send")]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend);
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task FeatureNeedCoveredByWildcardGrant_ReportsOnlyTheWildcard()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"contacts:*"|})]
            [FeatureNeeds("Invite friends", "contacts:read")]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Partner", "contacts:*"));
    }

    [Fact]
    public async Task FeatureNeedGrantedWithDifferentCase_ReportsNotGranted()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Contacts.Read"|})]
            [FeatureNeeds("Invite friends", {|#1:"contacts.read"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0001").WithLocation(0).WithArguments("Partner", "Contacts.Read"),
            Verify.Diagnostic("PA0006").WithLocation(1).WithArguments("Invite friends", "Partner", "contacts.read"));
    }
}
