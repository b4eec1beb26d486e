using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests;

public class SmokeTests
{
    [Fact]
    public async Task Partner_WithDeleteGrant_GetsCreep()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
                [RequiresScope("messages:send")] public static void Send(string to, string text) { }
                [RequiresScope("messages:delete")] public static void DeleteThread(string id) { }
            }

            static class Helper
            {
                public static string Fetch(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes("messages:read", "messages:send", {|#0:"messages:delete"|})]
            [FeatureNeeds("Share a song", "messages:send")]
            public sealed class SpotifyIntegration
            {
                public void Share(string friend)
                {
                    var thread = {|#1:Helper.Fetch(friend)|};
                    MessagesApi.Send(friend, thread);
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("SpotifyIntegration", "messages:delete", "no declared feature needs and no code uses"),
            Verify.Diagnostic("PA0005").WithLocation(1).WithArguments("SpotifyIntegration.Share", "messages:read", "Helper.Fetch → MessagesApi.ReadThread", "SpotifyIntegration"));
    }
}
