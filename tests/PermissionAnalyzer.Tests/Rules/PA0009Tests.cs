using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>PA0009 Use cannot be determined: reachable code calls through dynamic or reflection.</summary>
public class PA0009Tests
{
    [Fact]
    public async Task DynamicCallInOwnCode_ReportsAtTheCall()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(dynamic client)
                {
                    {|#0:client.Messages.Send("hi")|};
                    var count = {|#1:client.Count|};
                    {|#2:client[0]|} = 1;
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "a dynamic call", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(1).WithArguments("Partner.Run", "a dynamic call", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(2).WithArguments("Partner.Run", "a dynamic call", "Partner"));
    }

    [Fact]
    public async Task DynamicCallInHelper_ReportsAtTheCallIntoTheHelper()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Bridge
            {
                public static void Forward(object client) => Call(client);

                private static void Call(object client) => ((dynamic)client).Send();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(object client) => {|#0:Bridge.Forward(client)|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "Bridge.Forward → Bridge.Call → a dynamic call", "Partner"));
    }

    [Fact]
    public async Task ReflectionEntryPoints_ReportAtTheCall()
    {
        const string source = """
            using System;
            using System.Reflection;
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(MethodInfo method, Type type)
                {
                    {|#0:method.Invoke(null, null)|};
                    {|#1:Activator.CreateInstance(type)|};
                    {|#2:type.InvokeMember("Delete", BindingFlags.InvokeMethod, null, null, null)|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "MethodBase.Invoke", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(1).WithArguments("Partner.Run", "Activator.CreateInstance", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(2).WithArguments("Partner.Run", "Type.InvokeMember", "Partner"));
    }

    [Fact]
    public async Task ReflectionInHelper_ReportsTheChain()
    {
        const string source = """
            using System;
            using PermissionAnalyzer;

            public static class Plugins
            {
                public static T Load<T>() => Activator.CreateInstance<T>();
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public object Run() => {|#0:Plugins.Load<object>()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "Plugins.Load → Activator.CreateInstance", "Partner"));
    }

    [Fact]
    public async Task ReflectionWithoutInvocation_ReportsNothing()
    {
        const string source = """
            using System.Reflection;
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public MethodInfo? Find() => typeof(Partner).GetMethod("Find");

                public string Describe(object value) => value.GetType().Name;
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task UndeterminedUse_DoesNotCountAsUseOfAnyGrant()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"messages:read"|})]
            public sealed class Partner
            {
                public object Run(dynamic inbox) => {|#1:inbox.Read()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"),
            Verify.Diagnostic("PA0009").WithLocation(1).WithArguments("Partner.Run", "a dynamic call", "Partner"));
    }

    [Fact]
    public async Task DynamicCodeOutsideAnyPrincipal_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("messages:read")]
            public static class MessagesApi
            {
                public static void Read(dynamic d) => d.Read();
            }

            public static class Tool
            {
                public static void Run(dynamic d) => d.Go();
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task DynamicCallWithKnownCandidates_CountsEveryCandidateAndIsStillUndetermined()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Api
            {
                public Api() { }

                [RequiresScope("api:open")] public Api(int port) { }

                [RequiresScope("messages:send")] public static void Send(int id) { }

                [RequiresScope("messages:post")] public static void Send(string text) { }

                [RequiresScope("messages:delete")] public void Delete(int id) { }

                public string this[int index] { [RequiresScope("messages:read")] get => ""; }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public void Run(dynamic value, Api api)
                {
                    {|#0:Api.Send(value)|};
                    {|#1:api.Delete(value)|};
                    {|#2:new Api(value)|};
                    var text = {|#3:api[value]|};
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:post", "Api.Send", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:send", "Api.Send", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "a dynamic call", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Run", "messages:delete", "Api.Delete", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(1).WithArguments("Partner.Run", "a dynamic call", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(2).WithArguments("Partner.Run", "api:open", "Api.Api", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(2).WithArguments("Partner.Run", "a dynamic call", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(3).WithArguments("Partner.Run", "messages:read", "Api.this[]", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(3).WithArguments("Partner.Run", "a dynamic call", "Partner"));
    }

    [Fact]
    public async Task ConstructorInfoInvoke_IsAReflectionEntryPoint()
    {
        const string source = """
            using System.Reflection;
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public object Run(ConstructorInfo constructor) => {|#0:constructor.Invoke(new object[0])|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "ConstructorInfo.Invoke", "Partner"));
    }

    [Fact]
    public async Task OperatorsAndConversionsOnDynamicValues_AreUndetermined()
    {
        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public object Run(dynamic amount, dynamic other)
                {
                    var sum = {|#0:amount + 1|};
                    int total = {|#1:other|};
                    object boxed = amount;
                    dynamic same = amount;
                    return {|#2:amount.Next()|} + 1;
                }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Partner.Run", "a dynamic call", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(1).WithArguments("Partner.Run", "a dynamic call", "Partner"),
            Verify.Diagnostic("PA0009").WithLocation(2).WithArguments("Partner.Run", "a dynamic call", "Partner"));
    }
}
