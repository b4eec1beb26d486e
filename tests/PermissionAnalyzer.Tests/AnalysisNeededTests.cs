using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests;

/// <summary>
/// The analyzers register nothing when no source writes an attribute's name (so unannotated code costs
/// nothing); these are the ways source can apply an attribute without writing its usual spelling.
/// </summary>
public class AnalysisNeededTests
{
    [Fact]
    public async Task PrincipalThroughGlobalAliasInAnotherFile_IsStillAnalyzed()
    {
        const string aliases = """
            global using Grant = PermissionAnalyzer.GrantedScopesAttribute;
            """;
        const string principal = """
            [Grant({|#0:"messages:delete"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { principal, aliases },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "no code uses"));
    }

    [Fact]
    public async Task AttributeNameWithUnicodeEscape_IsStillAnalyzed()
    {
        const string source = """
            [PermissionAnalyzer.Gr\u0061ntedScopes({|#0:"messages:read"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"));
    }

    [Fact]
    public async Task CodeWithoutAttributes_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Service
            {
                public int Count() => System.Environment.ProcessorCount;
            }
            """;

        await Verify.AnalyzerAsync(source);
    }
}
