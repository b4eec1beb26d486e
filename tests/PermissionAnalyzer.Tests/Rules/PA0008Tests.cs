using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>
/// PA0008 Invalid scope: null, empty, whitespace, not a compile-time constant, or a wildcard in
/// <c>FeatureNeeds</c>. An invalid argument gets no other verdict, and the analyzer does not fail on it.
/// </summary>
public class PA0008Tests
{
    [Fact]
    public async Task NullArrayAsOnlyGrantArgument_ReportsNull()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:null|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("GrantedScopes", "the scope is null"));
    }

    [Fact]
    public async Task NullScopeAmongGrants_ReportsNullAndJudgesTheOthers()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:read"|}, {|#1:(string)null!|})]
            [GrantedScopes({|#2:(string)null!|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("GrantedScopes", "the scope is null"),
            Verify.Diagnostic("PA0008").WithLocation(2).WithArguments("GrantedScopes", "the scope is null"));
    }

    [Fact]
    public async Task EmptyAndWhitespaceScopes_ReportEmpty()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:""|}, {|#1:"   "|})]
            [FeatureNeeds("Share", {|#2:"\t"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("GrantedScopes", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("GrantedScopes", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(2).WithArguments("FeatureNeeds", "the scope is empty or whitespace"));
    }

    [Fact]
    public async Task NonConstantScope_ReportsNotConstantNextToTheCompilerError()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Scopes
            {
                public static readonly string Read = "messages:read";
            }

            [GrantedScopes({|#0:Scopes.Read|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.CompilerError("CS0182").WithLocation(0),
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("GrantedScopes", "the scope is not a compile-time constant"));
    }

    [Fact]
    public async Task WildcardInFeatureNeeds_ReportsWildcardNeedAndNoOtherVerdict()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes("messages:read")]
            [FeatureNeeds("Read everything", "messages:read", {|#0:"messages:*"|}, {|#1:"*"|})]
            public sealed class Partner
            {
                public string Run(string id) => MessagesApi.ReadThread(id);
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("FeatureNeeds", "a feature must need concrete scopes, not a wildcard"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("FeatureNeeds", "a feature must need concrete scopes, not a wildcard"));
    }

    [Fact]
    public async Task WildcardInGrant_IsValid()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:*"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("Partner", "messages:*"));
    }

    [Fact]
    public async Task InvalidRequiresScopeArguments_ReportOnEveryAnnotatedKindOfSymbol()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope({|#0:""|})]
            public sealed class Api
            {
                [RequiresScope({|#1:null|})] public Api() { }

                [RequiresScope("messages:read", {|#2:" "|})] public void Read() { }

                [RequiresScope({|#3:(string)null!|})] public string Name { get; } = "";

                public string Title { [RequiresScope({|#4:""|})] get => ""; }

                [RequiresScope({|#5:""|})] public event System.EventHandler? Changed;
            }

            [RequiresScope({|#6:""|})]
            public interface IApi
            {
            }

            [RequiresScope({|#7:""|})]
            public struct Record
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("RequiresScope", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("RequiresScope", "the scope is null"),
            Verify.Diagnostic("PA0008").WithLocation(2).WithArguments("RequiresScope", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(3).WithArguments("RequiresScope", "the scope is null"),
            Verify.Diagnostic("PA0008").WithLocation(4).WithArguments("RequiresScope", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(5).WithArguments("RequiresScope", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(6).WithArguments("RequiresScope", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(7).WithArguments("RequiresScope", "the scope is empty or whitespace"));
    }

    [Fact]
    public async Task InvalidRequirement_RequiresNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Api
            {
                [RequiresScope({|#0:""|})] public static void Nothing() { }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run() => Api.Nothing();
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("RequiresScope", "the scope is empty or whitespace"));
    }

    [Fact]
    public async Task InvalidArgumentsOfAnAssemblyPrincipal_AreReportedAtCompilationEnd()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes({|#0:""|})]
            [assembly: FeatureNeeds("Sync", {|#1:"files:*"|})]
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("GrantedScopes", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("FeatureNeeds", "a feature must need concrete scopes, not a wildcard"));
    }
}
