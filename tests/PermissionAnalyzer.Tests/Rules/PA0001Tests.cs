using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0001 Grant exceeds declared needs: features declared, none needs the scope, no code uses it.</summary>
public class PA0001Tests
{
    [Fact]
    public async Task GrantNeitherNeededNorUsed_ReportsExceedsNeeds()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:send")] public static void Send(string to, string text) { }
            }

            [GrantedScopes("messages:send", {|#0:"contacts:read"|})]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class SpotifyIntegration
            {
                public void Share(string friend) => MessagesApi.Send(friend, "listen to this");
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0001").WithLocation(0).WithArguments("SpotifyIntegration", "contacts:read"));
    }

    [Fact]
    public async Task EveryUnneededUnusedGrant_ReportsOnItsOwnArgument()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"contacts:read"|}, {|#1:"calendar:read"|})]
            [GrantedScopes({|#2:"photos:read"|})]
            [FeatureNeeds("Nothing yet")]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0001").WithLocation(0).WithArguments("Partner", "contacts:read"),
            Verify.Diagnostic("PA0001").WithLocation(1).WithArguments("Partner", "calendar:read"),
            Verify.Diagnostic("PA0001").WithLocation(2).WithArguments("Partner", "photos:read"));
    }

    [Fact]
    public async Task UnusedGrantWithoutFeatures_ReportsNeverUsedInstead()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"contacts:read"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "contacts:read"));
    }

    [Fact]
    public async Task GrantNeededBySecondFeatureButUnused_ReportsNeverUsedInstead()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:send")] public static void Send(string to) { }
            }

            [GrantedScopes("messages:send", {|#0:"contacts:read"|})]
            [FeatureNeeds("Share a song", "messages:send")]
            [FeatureNeeds("Find friends", "contacts:read")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend);
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "contacts:read"));
    }

    [Fact]
    public async Task GrantUsedButNotNeeded_ReportsTheUseNotTheGrant()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class ContactsApi
            {
                [RequiresScope("contacts:read")] public static string[] All() => new string[0];
            }

            [GrantedScopes("contacts:read")]
            [FeatureNeeds("Share a song")]
            public sealed class Partner
            {
                public int Count() => {|#0:ContactsApi.All()|}.Length;
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0005").WithLocation(0).WithArguments("Partner.Count", "contacts:read", "ContactsApi.All", "Partner"));
    }

    [Fact]
    public async Task DestructiveGrantNeitherNeededNorUsed_ReportsCreepInstead()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"contacts:delete"|})]
            [FeatureNeeds("Share a song")]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "contacts:delete", "no declared feature needs and no code uses"));
    }
}
