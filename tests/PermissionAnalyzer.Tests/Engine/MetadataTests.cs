using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// Annotated APIs in a referenced compiled assembly: their declared requirements are seen, their bodies are
/// not (an analyzer cannot see them), so an unannotated SDK method that calls an annotated one is no use.
/// </summary>
public class MetadataTests
{
    private const string Sdk = """
        using System;
        using PermissionAnalyzer;

        namespace Vendor.Sdk;

        public static class SdkScopes
        {
            public const string Delete = "files:delete";
        }

        public static class FilesApi
        {
            [RequiresScope("files:read")] public static string Read(string path) => path;

            [RequiresScope(SdkScopes.Delete)] public static void Delete(string path) { }

            public static void CleanUp(string path) => Delete(path);
        }

        [RequiresScope("drive:access")]
        public class DriveClient
        {
            public string[] List() => Array.Empty<string>();

            [RequiresScope("drive:share")] public virtual void Share(string file) { }

            public event EventHandler? Changed
            {
                [RequiresScope("drive:watch")] add { }
                remove { }
            }
        }

        public interface IMailbox
        {
            [RequiresScope("mail:read")] string Read();
        }
        """;

    [Fact]
    public async Task AnnotatedApiInReferencedAssembly_RequirementSeenBodiesInvisible()
    {
        const string source = """
            using PermissionAnalyzer;
            using Vendor.Sdk;

            [GrantedScopes({|#0:"files:read"|})]
            public sealed class Partner
            {
                public void Run(string path)
                {
                    {|#1:FilesApi.Delete(path)|};
                    FilesApi.CleanUp(path);
                }
            }
            """;

        await Verify.Test(source)
            .WithReference(await CompiledLibrary.FromSourceAsync(Sdk))
            .Expecting(
                Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "files:read"),
                Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "files:delete", "FilesApi.Delete", "Partner"))
            .RunAsync();
    }

    [Fact]
    public async Task TypeLevelRequirementsEventsAndOverridesFromMetadata_AreSeen()
    {
        const string source = """
            using PermissionAnalyzer;
            using Vendor.Sdk;

            public sealed class TeamDrive : DriveClient
            {
                public override void Share(string file) { }
            }

            public sealed class LocalMailbox : IMailbox
            {
                public string Read() => "";
            }

            [GrantedScopes("drive:access")]
            public sealed class Partner
            {
                public void Run(TeamDrive drive, LocalMailbox mailbox)
                {
                    drive.List();
                    {|#0:drive.Share("a")|};
                    {|#1:drive.Changed|} += (_, _) => { };
                    {|#2:mailbox.Read()|};
                }
            }
            """;

        await Verify.Test(source)
            .WithReference(await CompiledLibrary.FromSourceAsync(Sdk))
            .Expecting(
                Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "drive:share", "TeamDrive.Share", "Partner"),
                Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "drive:watch", "DriveClient.Changed", "Partner"),
                Verify.Diagnostic("PA0004").WithLocation(2).WithArguments("Partner.Run", "mail:read", "LocalMailbox.Read", "Partner"))
            .RunAsync();
    }
}
