using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0002 Delete-access creep: a destructive grant no declared feature needs, or no code uses.</summary>
public class PA0002Tests
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
    public async Task DeleteGrantNeverNeeded_ReportsCreep()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:send", {|#0:"messages:delete"|})]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class SpotifyIntegration
            {
                public void Share(string friend)
                {
                    MessagesApi.Send(friend, "listen");
                    {|#1:MessagesApi.DeleteThread(friend)|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("SpotifyIntegration", "messages:delete", "no declared feature needs"),
            Verify.Diagnostic("PA0005").WithLocation(1).WithArguments("SpotifyIntegration.Share", "messages:delete", "MessagesApi.DeleteThread", "SpotifyIntegration"));
    }

    [Fact]
    public async Task DeleteGrantNeededButNeverUsed_ReportsCreep()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:send", {|#0:"messages:delete"|})]
            [FeatureNeeds("Share a song", "messages:send")]
            [FeatureNeeds("Unsend", "messages:delete")]
            public sealed class Partner
            {
                public void Share(string friend) => MessagesApi.Send(friend, "listen");
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "no code uses"));
    }

    [Fact]
    public async Task DeleteGrantNeitherNeededNorUsed_ReportsCreep()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "messages:send", {|#0:"messages:delete"|})]
            [FeatureNeeds("Recommend a movie", "messages:read", "messages:send")]
            public sealed class NetflixIntegration
            {
                public void Recommend(string friend)
                {
                    var thread = MessagesApi.ReadThread(friend);
                    MessagesApi.Send(friend, thread);
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("NetflixIntegration", "messages:delete", "no declared feature needs and no code uses"));
    }

    [Fact]
    public async Task DeleteGrantUnusedWithoutFeatures_ReportsCreep()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", {|#0:"messages:delete"|})]
            public sealed class DropboxIntegration
            {
                public string Preview(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("DropboxIntegration", "messages:delete", "no code uses"));
    }

    [Fact]
    public async Task DeleteGrantNeededAndUsed_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:delete")]
            [FeatureNeeds("Unsend", "messages:delete")]
            public sealed class Partner
            {
                public void Unsend(string id) => MessagesApi.DeleteThread(id);
            }
            """;

        await Verify.AnalyzerAsync(new[] { MessagesApi, source });
    }

    [Fact]
    public async Task DeleteGrantUsedWithoutFeatures_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:delete")]
            public sealed class Partner
            {
                public void Unsend(string id) => MessagesApi.DeleteThread(id);
            }
            """;

        await Verify.AnalyzerAsync(new[] { MessagesApi, source });
    }

    [Fact]
    public async Task NonDestructiveUnusedGrant_IsNotCreep()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:read"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"));
    }

    [Fact]
    public async Task TheFourPartnersOf2018_EachGetCreepOnTheirOwnGrant()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes("messages:send", {|#0:"messages:delete"|})]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class Spotify
            {
                public void Share(string friend) => MessagesApi.Send(friend, "song");
            }

            [GrantedScopes("messages:send", {|#1:"messages:delete"|})]
            [FeatureNeeds("Recommend a show", "messages:send")]
            public sealed class Netflix
            {
                public void Recommend(string friend) => MessagesApi.Send(friend, "show");
            }

            [GrantedScopes("messages:send", {|#2:"messages:delete"|})]
            [FeatureNeeds("Share a file", "messages:send")]
            public sealed class Dropbox
            {
                public void ShareFile(string friend) => MessagesApi.Send(friend, "file");
            }

            [GrantedScopes("messages:send", {|#3:"messages:delete"|})]
            [FeatureNeeds("Send money", "messages:send")]
            public sealed class RoyalBankOfCanada
            {
                public void Pay(string friend) => MessagesApi.Send(friend, "$10");
            }
            """;

        const string reason = "no declared feature needs and no code uses";
        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Spotify", "messages:delete", reason),
            Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Netflix", "messages:delete", reason),
            Verify.Diagnostic("PA0002").WithLocation(2).WithArguments("Dropbox", "messages:delete", reason),
            Verify.Diagnostic("PA0002").WithLocation(3).WithArguments("RoyalBankOfCanada", "messages:delete", reason));
    }
}
