using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0003 Granted scope never used: no code reachable from the principal uses the scope.</summary>
public class PA0003Tests
{
    [Fact]
    public async Task UnusedGrant_ReportsNeverUsed()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class PhotosApi
            {
                [RequiresScope("photos:read")] public static byte[] Download(string id) => new byte[0];
            }

            [GrantedScopes("photos:read", {|#0:"photos:write"|})]
            public sealed class Partner
            {
                public int Size(string id) => PhotosApi.Download(id).Length;
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "photos:write"));
    }

    [Fact]
    public async Task NeededButUnusedGrant_ReportsNeverUsed()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"photos:write"|})]
            [FeatureNeeds("Upload a photo", "photos:write")]
            public struct Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "photos:write"));
    }

    [Fact]
    public async Task GrantUsedThroughHelpers_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class PhotosApi
            {
                [RequiresScope("photos:read")] public static byte[] Download(string id) => new byte[0];
            }

            internal static class Thumbnails
            {
                public static int Size(string id) => Load(id).Length;

                private static byte[] Load(string id) => PhotosApi.Download(id);
            }

            [GrantedScopes("photos:read")]
            public sealed class Partner
            {
                public int Preview(string id) => Thumbnails.Size(id);
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task GrantUsedOnlyByAnotherPrincipal_ReportsNeverUsed()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class PhotosApi
            {
                [RequiresScope("photos:read")] public static byte[] Download(string id) => new byte[0];
            }

            [GrantedScopes({|#0:"photos:read"|})]
            public sealed class Idle
            {
            }

            [GrantedScopes("photos:read")]
            public sealed class Busy
            {
                public byte[] Run(string id) => PhotosApi.Download(id);
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Idle", "photos:read"));
    }

    [Fact]
    public async Task GrantOfScopeUsedOnlyUnderAnotherName_ReportsNeverUsed()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MailApi
            {
                [RequiresScope("Mail.Read")] public static string Inbox() => "";
            }

            [GrantedScopes({|#0:"mail.read"|})]
            public sealed class Partner
            {
                public string Run() => {|#1:MailApi.Inbox()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "mail.read"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "Mail.Read", "MailApi.Inbox", "Partner"));
    }
}
