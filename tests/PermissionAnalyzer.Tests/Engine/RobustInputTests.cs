using System.Text;
using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// Inputs an analyzer meets while the user types: broken code, odd attribute arguments, their own copies of
/// the attributes. None may throw (an exception would surface as AD0001, an unexpected diagnostic here).
/// </summary>
public class RobustInputTests
{
    private const string AttributeCopies = """
        using System;

        namespace PermissionAnalyzer
        {
            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Event | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = true, Inherited = true)]
            internal sealed class RequiresScopeAttribute : Attribute
            {
                public RequiresScopeAttribute(params string[] scopes) => Scopes = scopes;

                public string[] Scopes { get; }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
            internal sealed class GrantedScopesAttribute : Attribute
            {
                public GrantedScopesAttribute(params string[] scopes) => Scopes = scopes;

                public string[] Scopes { get; }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
            internal sealed class FeatureNeedsAttribute : Attribute
            {
                public FeatureNeedsAttribute(string feature, params string[] scopes)
                {
                    Feature = feature;
                    Scopes = scopes;
                }

                public string Feature { get; }

                public string[] Scopes { get; }
            }
        }
        """;

    private const string Partner = """
        using PermissionAnalyzer;

        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            [RequiresScope("messages:delete")] public static void DeleteThread(string id) { }
        }

        [GrantedScopes("messages:read", {|#0:"messages:delete"|})]
        [FeatureNeeds("Show a thread", "messages:read")]
        public sealed class Partner
        {
            public string Show(string id) => MessagesApi.ReadThread(id);
        }
        """;

    [Fact]
    public async Task UserDeclaredAttributeCopiesNextToThePackage_AreRecognized()
    {
        await Verify.AnalyzerAsync(
            new[] { AttributeCopies, Partner },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "no declared feature needs and no code uses"));
    }

    [Fact]
    public async Task UserDeclaredAttributeCopiesWithoutThePackage_AreRecognized()
    {
        await Verify.Test(AttributeCopies, Partner)
            .WithoutAnnotationsReference()
            .Expecting(Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "no declared feature needs and no code uses"))
            .RunAsync();
    }

    [Fact]
    public async Task SameNamedAttributesInAnotherNamespace_AreIgnored()
    {
        const string source = """
            using System;

            namespace Other
            {
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class GrantedScopesAttribute : Attribute
                {
                    public GrantedScopesAttribute(params string[] scopes) { }
                }

                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class RequiresScopeAttribute : Attribute
                {
                    public RequiresScopeAttribute(params string[] scopes) { }
                }

                public static class Api
                {
                    [RequiresScope("messages:delete")] public static void Delete() { }
                }

                [GrantedScopes("messages:read", "")]
                public sealed class Partner
                {
                    public void Run() => Api.Delete();
                }
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task CodeWithoutAnyAnnotation_ReportsNothing()
    {
        await Verify.Test("public sealed class Plain { public void Run() { } }")
            .WithoutAnnotationsReference()
            .RunAsync();
        await Verify.AnalyzerAsync(string.Empty);
    }

    [Fact]
    public async Task MissingBracesAndUnresolvedCalls_AnalyzeWhatBinds()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes({|#0:"messages:send"|})]
            public sealed class Partner
            {
                public void Run(string id)
                {
                    {|#1:MessagesApi.ReadThread(id)|};
                    Unknown.Call(id);
                    this.Missing(MessagesApi.Nothing());
                    var client = new Nowhere(id);
                    client.Send(
            """;

        await Verify.Test(source)
            .IgnoringCompilerDiagnostics()
            .Expecting(
                Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:send"),
                Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "messages:read", "MessagesApi.ReadThread", "Partner"))
            .RunAsync();
    }

    [Fact]
    public async Task IncompleteAttributes_DoNotFailTheAnalysis()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope(
                public static string ReadThread(string id) => id;

                [RequiresScope("messages:send",{|#0:|})] public static void Send() { }
            }

            [GrantedScopes({|#1:"messages:read"
            [FeatureNeeds(]
            [FeatureNeeds("Share", ]
            [GrantedScopes(,)]
            |}public sealed class Partner
            {
                public string Run(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes(42, {|#2:Unknown.Scope|}, {|#3:nameof(Partner)|})]
            [FeatureNeeds(null, "messages:read")]
            public sealed class Other
            {
            }
            """;

        // Whatever the parser makes of the broken attributes is judged as written: a missing or unresolved
        // argument is not a constant; `nameof(Partner)` is the constant scope "Partner".
        await Verify.Test(source)
            .IgnoringCompilerDiagnostics()
            .Expecting(
                Verify.Diagnostic("PA0008").WithLocation(0).WithArguments("RequiresScope", "the scope is not a compile-time constant"),
                Verify.Diagnostic("PA0008").WithLocation(1).WithArguments("GrantedScopes", "the scope is not a compile-time constant"),
                Verify.Diagnostic("PA0008").WithLocation(2).WithArguments("GrantedScopes", "the scope is not a compile-time constant"),
                Verify.Diagnostic("PA0003").WithLocation(3).WithArguments("Other", "Partner"))
            .RunAsync();
    }

    [Fact]
    public async Task AttributeWithWrongArgumentType_IsLeftToTheCompiler()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:42|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.CompilerError("CS1503").WithLocation(0).WithArguments("1", "int", "string"));
    }

    [Fact]
    public async Task VeryLongExpression_IsWalkedWithoutRecursion()
    {
        var terms = new StringBuilder("MessagesApi.ReadThread(\"t\")");
        for (var i = 0; i < 3000; i++)
        {
            terms.Append(" + MessagesApi.ReadThread(\"t\")");
        }

        var source = $$"""
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes("messages:read")]
            public sealed class Partner
            {
                public string Run() => {{terms}};
            }
            """;

        await Verify.Test(source).RunningOnce().RunAsync();
    }

    [Fact]
    public async Task BrokenImplicitShapes_AnalyzeWithoutThrowing()
    {
        const string source = """
            using System.Threading.Tasks;
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public async Task Run(Unknown thing, dynamic value, object plain)
                {
                    var last = thing[^1];
                    var rest = plain[1..];
                    var copy = plain with { Name = 1 };
                    await using var resource = new Missing();
                    await foreach (var item in thing) { }
                    var matched = plain is [var first, .. var middle];
                    (thing.Name, plain.Other) = (1, 2);
                    (Nowhere.Value, var x) = thing;
                    Missing.Call(value);
                    new Missing(value);
                    Unknown list = [1, .. thing];
                    var same = (thing, 1) == (plain, 1);
                    (decimal, int) pair = (thing, 1);
                    var read = {|#0:MessagesApi.ReadThread("t")|};
                    fixed (int* pointer = thing) { }
                    Local({|#1:value|});
                    void Local(int n) { }
                }
            }
            """;

        await Verify.Test(source)
            .IgnoringCompilerDiagnostics()
            .Expecting(
                Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "MessagesApi.ReadThread", "Partner"),
                Verify.Diagnostic("PA0009").WithLocation(1).WithArguments("Partner.Run", "a dynamic call", "Partner"))
            .RunAsync();
    }

    [Fact]
    public async Task DeepDynamicExpressionsAndNestedTuples_DoNotOverflow()
    {
        var sum = "{|#0:value + value|}" + string.Concat(System.Linq.Enumerable.Repeat(" + value", 3000));
        var tuple = string.Concat(System.Linq.Enumerable.Repeat("(", 200)) + "1, 2" + string.Concat(System.Linq.Enumerable.Repeat(", 3)", 200));
        var source = $$"""
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public object Run(dynamic value) => {{sum}};

                public bool Same() => {{tuple}} == {{tuple}};
            }
            """;

        await Verify.Test(source)
            .RunningOnce()
            .Expecting(Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "a dynamic call", "Partner"))
            .RunAsync();
    }
}
