using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// An assembly principal (<c>[assembly: GrantedScopes(...)]</c>) owns all code of the assembly outside type
/// principals: its grant verdicts come at compilation end, the uses of its code live. The test assembly is
/// named TestProject.
/// </summary>
public class AssemblyPrincipalTests
{
    private const string FilesApi = """
        using PermissionAnalyzer;

        public static class FilesApi
        {
            [RequiresScope("files:read")] public static string Read(string path) => path;
            [RequiresScope("files:write")] public static void Write(string path, string text) { }
            [RequiresScope("files:delete")] public static void Delete(string path) { }
        }
        """;

    [Fact]
    public async Task GrantVerdicts_AreReportedOnTheAssemblyAttribute()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("files:read", {|#0:"files:delete"|}, {|#1:"files:write"|})]

            internal static class Sync
            {
                public static string Pull(string path) => FilesApi.Read(path);
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { FilesApi, source },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("TestProject", "files:delete", "no code uses"),
            Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("TestProject", "files:write"));
    }

    [Fact]
    public async Task UsesOfAssemblyCode_AreReportedAtTheirSites()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("files:read")]
            [assembly: FeatureNeeds("Back up files", "files:read")]

            internal sealed class Sync
            {
                public string Pull(string path) => FilesApi.Read(path);

                public void Clean(string path) => {|#0:FilesApi.Delete(path)|};

                private sealed class Nested
                {
                    public void Push(string path) => {|#1:FilesApi.Write(path, "")|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { FilesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Sync.Clean", "files:delete", "FilesApi.Delete", "TestProject"),
            Verify.Diagnostic("PA0005").WithLocation(0).WithArguments("Sync.Clean", "files:delete", "FilesApi.Delete", "TestProject"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Nested.Push", "files:write", "FilesApi.Write", "TestProject"),
            Verify.Diagnostic("PA0005").WithLocation(1).WithArguments("Nested.Push", "files:write", "FilesApi.Write", "TestProject"));
    }

    [Fact]
    public async Task TypePrincipalInsideAssemblyPrincipal_OwnsItsOwnCode()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("files:read", {|#0:"files:write"|})]

            internal static class Sync
            {
                public static string Pull(string path) => FilesApi.Read(path);
            }

            [GrantedScopes("files:write")]
            public sealed class Uploader
            {
                public void Push(string path) => FilesApi.Write(path, "");

                public string Peek(string path) => {|#1:FilesApi.Read(path)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { FilesApi, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("TestProject", "files:write"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Uploader.Peek", "files:read", "FilesApi.Read", "Uploader"));
    }

    [Fact]
    public async Task AssemblyHelperCalledByTypePrincipal_CountsForBoth()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("files:write")]

            internal static class Helper
            {
                public static string Load(string path) => {|#0:FilesApi.Read(path)|};

                public static void Save(string path) => FilesApi.Write(path, "");
            }

            [GrantedScopes]
            public sealed class Uploader
            {
                public string Run(string path) => {|#1:Helper.Load(path)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { FilesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Helper.Load", "files:read", "FilesApi.Read", "TestProject"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Uploader.Run", "files:read", "Helper.Load → FilesApi.Read", "Uploader"));
    }

    [Fact]
    public async Task FeaturesOfAnAssemblyPrincipal_AreJudgedAtCompilationEnd()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("files:read", {|#0:"files:write"|}, {|#1:"files:*"|})]
            [assembly: FeatureNeeds("Back up files", "files:read", {|#2:"photos:read"|})]

            internal static class Sync
            {
                public static string Pull(string path) => FilesApi.Read(path);
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { FilesApi, source },
            Verify.Diagnostic("PA0001").WithLocation(0).WithArguments("TestProject", "files:write"),
            Verify.Diagnostic("PA0007").WithLocation(1).WithArguments("TestProject", "files:*"),
            Verify.Diagnostic("PA0006").WithLocation(2).WithArguments("Back up files", "TestProject", "photos:read"));
    }

    [Fact]
    public async Task AssemblyPrincipalWithoutCode_ReportsEveryGrantUnused()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes({|#0:"files:read"|})]
            [assembly: GrantedScopes({|#1:"files:delete"|})]
            """;

        await Verify.AnalyzerAsync(
            new[] { FilesApi, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("TestProject", "files:read"),
            Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("TestProject", "files:delete", "no code uses"));
    }

    [Fact]
    public async Task TopLevelStatements_AreCodeOfTheAssemblyPrincipal()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("files:read", {|#0:"files:write"|})]

            System.Console.WriteLine(FilesApi.Read("a"));
            {|#1:FilesApi.Delete("a")|};
            """;

        var test = Verify.Test(FilesApi, source);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test
            .Expecting(
                Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("TestProject", "files:write"),
                Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("top-level statements", "files:delete", "FilesApi.Delete", "TestProject"))
            .RunAsync();
    }

    [Fact]
    public async Task DynamicCallInAssemblyCode_ReportsUndeterminedUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("files:read")]

            internal static class Sync
            {
                public static string Pull(string path) => FilesApi.Read(path);

                public static void Push(dynamic client) => {|#0:client.Upload()|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { FilesApi, source },
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Sync.Push", "a dynamic call", "TestProject"));
    }
}
