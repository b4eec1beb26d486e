using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// Scope arguments as literals, constants, explicit arrays and named arguments: each verdict lands on the
/// expression that wrote the scope (the constant, or the array element).
/// </summary>
public class ScopeArgumentTests
{
    private const string Scopes = """
        public static class Scopes
        {
            public const string Prefix = "messages";
            public const string Read = Prefix + ":read";
            public const string Send = $"{Prefix}:send";
            public const string Delete = "messages:delete";
        }
        """;

    [Fact]
    public async Task ConstantsOneByOne_ReportOnTheConstant()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:Scopes.Read|}, {|#1:Scopes.Send|}, {|#2:Scopes.Delete|})]
            [FeatureNeeds("Share", Scopes.Send, {|#3:Scopes.Prefix|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Scopes, source },
            Verify.Diagnostic("PA0001").WithLocation(0).WithArguments("Partner", "messages:read"),
            Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("Partner", "messages:send"),
            Verify.Diagnostic("PA0002").WithLocation(2).WithArguments("Partner", "messages:delete", "no declared feature needs and no code uses"),
            Verify.Diagnostic("PA0006").WithLocation(3).WithArguments("Share", "Partner", "messages"));
    }

    [Fact]
    public async Task ExplicitArrays_ReportOnTheElements()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes(new[] { {|#0:Scopes.Read|}, {|#1:Scopes.Delete|} })]
            [GrantedScopes(new string[] { {|#2:"contacts:read"|} })]
            [FeatureNeeds("Share", new[] { Scopes.Read, {|#3:"photos:read"|} })]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Scopes, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"),
            Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Partner", "messages:delete", "no declared feature needs and no code uses"),
            Verify.Diagnostic("PA0001").WithLocation(2).WithArguments("Partner", "contacts:read"),
            Verify.Diagnostic("PA0006").WithLocation(3).WithArguments("Share", "Partner", "photos:read"));
    }

    [Fact]
    public async Task InvalidArrayElements_ReportOnTheElement()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes(new[] { {|#0:Scopes.Read|}, {|#1:""|}, {|#2:null|} })]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Scopes, source },
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"),
            Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("GrantedScopes", "the scope is empty or whitespace"),
            Verify.Diagnostic("PA0008").WithLocation(2).WithArguments("GrantedScopes", "the scope is null"));
    }

    [Fact]
    public async Task NamedArgumentsInAnyOrder_AreRead()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes(scopes: new[] { {|#0:Scopes.Read|} })]
            [FeatureNeeds(scopes: new[] { {|#1:"photos:read"|} }, feature: "Share")]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Scopes, source },
            Verify.Diagnostic("PA0001").WithLocation(0).WithArguments("Partner", "messages:read"),
            Verify.Diagnostic("PA0006").WithLocation(1).WithArguments("Share", "Partner", "photos:read"));
    }

    [Fact]
    public async Task ConstantsInRequirements_AreResolved()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope(Scopes.Read)] public static string ReadThread(string id) => id;

                [RequiresScope(new[] { Scopes.Send, Scopes.Delete })] public static void Move(string id) { }
            }

            [GrantedScopes(Scopes.Read, Scopes.Send)]
            public sealed class Partner
            {
                public void Run(string id)
                {
                    MessagesApi.ReadThread(id);
                    {|#0:MessagesApi.Move(id)|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Scopes, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:delete", "MessagesApi.Move", "Partner"));
    }
}
