using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>
/// Grant requests in code (DESIGN.md): the scope constants passed to <c>GraphServiceClient</c>'s <c>scopes</c> are a
/// grant of the enclosing principal (a type that requests becomes one), or of the assembly in top-level statements.
/// The grant verdicts land on each scope element of the request. A stand-in for Microsoft.Graph is declared in source;
/// <see cref="GrantRequestPackageTests"/> runs the same against the real package.
/// </summary>
public class GrantRequestTests
{
    internal const string GraphStub = """
        namespace Azure.Core
        {
            public abstract class TokenCredential { }
        }

        namespace Microsoft.Graph
        {
            public class GraphServiceClient
            {
                public GraphServiceClient(Azure.Core.TokenCredential tokenCredential, System.Collections.Generic.IEnumerable<string> scopes = null, string baseUrl = null) { }

                public GraphServiceClient(System.Net.Http.HttpClient httpClient, Azure.Core.TokenCredential tokenCredential = null, System.Collections.Generic.IEnumerable<string> scopes = null, string baseUrl = null) { }
            }
        }
        """;

    /// <summary>Stand-in Graph APIs: what the built-in map gives the real SDK's request builders.</summary>
    internal const string MailApi = """
        using PermissionAnalyzer;

        [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]
        [assembly: DestructiveScope("Mail.ReadWrite")]

        public static class MailApi
        {
            [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")] public static string[] Latest(Microsoft.Graph.GraphServiceClient client) => new string[0];
            [RequiresScope("Mail.Send")] public static void Send(Microsoft.Graph.GraphServiceClient client, string to) { }
            [RequiresScope("Calendars.Read")] public static string[] Events(Microsoft.Graph.GraphServiceClient client) => new string[0];
        }
        """;

    private static AnalyzerTest Test(string source) => Verify.Test(GraphStub, MailApi, source);

    [Fact]
    public async Task TypeRequestingTheDeleteCapableScope_GetsDeleteAccessCreepOnTheLiteral()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                private readonly GraphServiceClient client;

                public MailPartner(Azure.Core.TokenCredential credential)
                {
                    client = new GraphServiceClient(credential, new[] { {|#0:"Mail.ReadWrite"|}, "Mail.Send" });
                }

                public string[] Show() => MailApi.Latest(client);

                public void Reply(string to) => MailApi.Send(client, to);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("MailPartner", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"))
            .RunAsync();
    }

    [Fact]
    public async Task TypeRequestingExactlyWhatItUses_ReportsNothing()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                private readonly GraphServiceClient client;

                public MailReader(Azure.Core.TokenCredential credential) => client = new GraphServiceClient(credential, new[] { "Mail.Read", "Mail.Send" });

                public string[] Show() => MailApi.Latest(client);

                public void Reply(string to) => MailApi.Send(client, to);
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task UnusedRequestedScope_ReportsNeverUsedOnItsElement()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, new string[] { "Mail.Read", {|#0:"Calendars.Read"|} }));
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Calendars.Read"))
            .RunAsync();
    }

    [Fact]
    public async Task UseTheRequestDoesNotCover_ReportsNotGrantedAtTheUse()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public void Run(Azure.Core.TokenCredential credential)
                {
                    var client = new GraphServiceClient(credential, new[] { "Mail.Read" });
                    MailApi.Latest(client);
                    {|#0:MailApi.Send(client, "a@b.c")|};
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("MailReader.Run", "Mail.Send", "MailApi.Send", "MailReader"))
            .RunAsync();
    }

    [Fact]
    public async Task CollectionExpression_IsReadElementByElement()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, ["Mail.Read", {|#0:"Mail.Send"|}]));
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task ListWithCollectionInitializer_NamedArgument_AndHttpClientConstructor_AreRead()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(System.Net.Http.HttpClient http, Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(http, credential, scopes: new List<string> { "Mail.Read", {|#0:"Mail.Send"|} }));
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task StaticReadonlyFieldAndConstants_AreReadWhereTheyAreWritten()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                private const string Send = "Mail.Send";
                private static readonly string[] Scopes = { "Mail.Read", {|#0:Send|} };

                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, Scopes));
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task LocalNeverWrittenAgain_IsRead()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential)
                {
                    string[] scopes = ["Mail.Read", {|#0:"Mail.Send"|}];
                    var client = new GraphServiceClient(credential, scopes);
                    return MailApi.Latest(client);
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task TwoRequestsOfOnePrincipal_AreOneGrant_AndEachUnusedLiteralIsReported()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read", {|#0:"Calendars.Read"|} }));

                public void Reply(Azure.Core.TokenCredential credential, string to) =>
                    MailApi.Send(new GraphServiceClient(credential, new[] { "Mail.Send", {|#1:"Calendars.Read"|} }), to);
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailPartner", "Calendars.Read"),
                Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("MailPartner", "Calendars.Read"))
            .RunAsync();
    }

    [Fact]
    public async Task RequestInsideAnAttributePrincipal_AddsToItsGrant()
    {
        const string source = """
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Read")]
            [FeatureNeeds("Show mail", "Mail.Read")]
            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(Factory.Create(credential));

                private static class Factory
                {
                    public static GraphServiceClient Create(Azure.Core.TokenCredential credential) =>
                        new(credential, new[] { "Mail.Read", {|#0:"Mail.Send"|} });
                }
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0001").WithLocation(0).WithArguments("MailPartner", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task EachRequestingType_IsItsOwnPrincipal()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class Reader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read" }));
            }

            public sealed class Sender
            {
                public void Reply(Azure.Core.TokenCredential credential, string to) =>
                    MailApi.Send(new GraphServiceClient(credential, new[] { "Mail.Send", {|#0:"Mail.Read"|} }), to);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Sender", "Mail.Read"))
            .RunAsync();
    }

    [Fact]
    public async Task NestedRequestingType_IsItsOwnPrincipal_AndRecordsAndStructsRequestToo()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class Outer
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read", {|#0:"Mail.Send"|} }));

                public sealed class Inner
                {
                    public void Reply(Azure.Core.TokenCredential credential) => MailApi.Send(new GraphServiceClient(credential, new[] { "Mail.Send", {|#1:"Mail.Read"|} }), "a@b.c");
                }
            }

            public sealed record Agenda(Azure.Core.TokenCredential Credential)
            {
                public string[] Events() => MailApi.Events(new GraphServiceClient(Credential, ["Calendars.Read", {|#2:"Mail.Send"|}]));
            }

            public readonly struct Digest
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read" }));
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Outer", "Mail.Send"),
                Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("Inner", "Mail.Read"),
                Verify.Diagnostic("PA0003").WithLocation(2).WithArguments("Agenda", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task PartialTypeRequestingInOneFile_UsesInTheOther()
    {
        const string first = """
            public sealed partial class MailReader
            {
                private readonly Microsoft.Graph.GraphServiceClient client;

                public MailReader(Azure.Core.TokenCredential credential) => client = new(credential, new[] { "Mail.Read", {|#0:"Mail.Send"|} });
            }
            """;
        const string second = """
            public sealed partial class MailReader
            {
                public string[] Show() => MailApi.Latest(client);
            }
            """;

        await Verify.Test(GraphStub, MailApi, first, second)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task FieldSharedByTwoPrincipals_IsJudgedForEach()
    {
        const string source = """
            using Microsoft.Graph;

            internal static class GraphScopes
            {
                public static readonly string[] Mail = { "Mail.Read", {|#0:"Mail.Send"|} };
            }

            public sealed class Reader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, GraphScopes.Mail));
            }

            public sealed class Archiver
            {
                public string[] Keep(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, GraphScopes.Mail));
            }
            """;

        await Test(source)
            .Expecting(
                Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Archiver", "Mail.Send"),
                Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Reader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task WildcardRequested_ReportsWildcardGrant()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, new[] { {|#0:"Mail.*"|} }));
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0007").WithLocation(0).WithArguments("MailReader", "Mail.*"))
            .RunAsync();
    }

    [Fact]
    public async Task GraphResourcePrefix_IsTheSameScope_AndSignInScopesAreNoGrant()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, new[] { "https://graph.microsoft.com/Mail.Read", "openid", "offline_access", {|#0:"https://graph.microsoft.com/Mail.Send"|} }));
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task TopLevelStatements_GrantToTheAssembly()
    {
        const string program = """
            using Microsoft.Graph;

            var client = new GraphServiceClient(new Credential(), new[] { "Mail.Read", {|#0:"Mail.Send"|} });
            System.Console.WriteLine(Mailbox.Count(client));

            internal sealed class Credential : Azure.Core.TokenCredential { }
            """;
        const string mailbox = """
            internal static class Mailbox
            {
                public static int Count(Microsoft.Graph.GraphServiceClient client) => MailApi.Latest(client).Length;
            }
            """;

        await Verify.Test(GraphStub, MailApi, program, mailbox)
            .AsApplication()
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("TestProject", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task RequestInCodeOfADeclaredAssemblyPrincipal_AddsToTheAssemblysGrant()
    {
        // A factory that builds the client for the rest of the app: its request is the assembly's grant, and the
        // service that uses the client is the assembly's code too.
        const string source = """
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [assembly: FeatureNeeds("Show mail", "Mail.Read", "Calendars.Read")]

            public static class GraphFactory
            {
                public static GraphServiceClient Create(Azure.Core.TokenCredential credential) =>
                    new GraphServiceClient(credential, new[] { "Mail.Read", {|#0:"Calendars.Read"|} });
            }

            public sealed class MailService
            {
                public string[] Show(GraphServiceClient client) => MailApi.Latest(client);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("TestProject", "Calendars.Read"))
            .RunAsync();
    }

    [Fact]
    public async Task FactoryTypeWithoutAnyDeclaredPrincipal_IsItsOwnPrincipal()
    {
        // Without an assembly principal the factory that requests becomes a principal: it uses nothing itself.
        const string source = """
            using Microsoft.Graph;

            public static class GraphFactory
            {
                public static GraphServiceClient Create(Azure.Core.TokenCredential credential) =>
                    new GraphServiceClient(credential, new[] { {|#0:"Mail.Read"|} });
            }

            public sealed class MailService
            {
                public string[] Show(GraphServiceClient client) => MailApi.Latest(client);
            }
            """;

        await Test(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("GraphFactory", "Mail.Read"))
            .RunAsync();
    }

    /// <summary>Stand-ins for MSAL and Microsoft.Identity.Web, with the real packages' names.</summary>
    internal const string IdentityStub = """
        namespace Microsoft.Identity.Client
        {
            using System.Collections.Generic;

            public sealed class AuthenticationResult { }

            public sealed class TokenBuilder
            {
                public System.Threading.Tasks.Task<AuthenticationResult> ExecuteAsync() => null;
            }

            public interface IPublicClientApplication
            {
                TokenBuilder AcquireTokenInteractive(IEnumerable<string> scopes);

                TokenBuilder AcquireTokenSilent(IEnumerable<string> scopes, string loginHint);
            }
        }

        namespace Microsoft.Identity.Web
        {
            using System.Collections.Generic;

            public class MicrosoftIdentityWebAppAuthenticationBuilder
            {
                public MicrosoftIdentityWebAppAuthenticationBuilder EnableTokenAcquisitionToCallDownstreamApi(IEnumerable<string> initialScopes = null) => this;
            }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public sealed class AuthorizeForScopesAttribute : System.Attribute
            {
                public string[] Scopes { get; set; }

                public string ScopeKeySection { get; set; }
            }
        }
        """;

    [Fact]
    public async Task MsalAcquireToken_IsARequest_AndBothCallsReadingOneFieldAreOneGrant()
    {
        const string source = """
            using Microsoft.Identity.Client;

            public sealed class MailReader
            {
                private static readonly string[] Scopes = { "Mail.Read", {|#0:"Mail.Send"|}, "offline_access" };

                public async System.Threading.Tasks.Task<string[]> Show(IPublicClientApplication app, string user)
                {
                    await app.AcquireTokenSilent(Scopes, user).ExecuteAsync();
                    await app.AcquireTokenInteractive(Scopes).ExecuteAsync();
                    return MailApi.Latest(null);
                }
            }
            """;

        await Verify.Test(GraphStub, IdentityStub, MailApi, source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Fact]
    public async Task IdentityWebInitialScopes_InTopLevelStatements_GrantToTheAssembly()
    {
        const string program = """
            using Microsoft.Identity.Web;

            new MicrosoftIdentityWebAppAuthenticationBuilder().EnableTokenAcquisitionToCallDownstreamApi(["Mail.Read", {|#0:"Mail.ReadWrite"|}]);
            System.Console.WriteLine(MailApi.Latest(null).Length);
            """;

        await Verify.Test(GraphStub, IdentityStub, MailApi, program)
            .AsApplication()
            .Expecting(Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("TestProject", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"))
            .RunAsync();
    }

    [Fact]
    public async Task AuthorizeForScopes_IsARequestOfItsController()
    {
        const string source = """
            using Microsoft.Identity.Web;

            [AuthorizeForScopes(Scopes = new[] { "Mail.Read" })]
            public sealed class InboxController
            {
                public string[] Index() => MailApi.Latest(null);

                [AuthorizeForScopes(Scopes = new[] { {|#0:"Calendars.Read"|} })]
                public string[] Compose() => MailApi.Latest(null);

                [AuthorizeForScopes(ScopeKeySection = "DownstreamApi:Scopes")]
                public string[] Configured() => MailApi.Latest(null);
            }
            """;

        await Verify.Test(GraphStub, IdentityStub, MailApi, source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("InboxController", "Calendars.Read"))
            .RunAsync();
    }

    [Fact]
    public async Task MsalForClientWithDefault_IsNoGrant()
    {
        const string source = """
            using Microsoft.Identity.Client;

            public sealed class Daemon
            {
                public string[] Run(IPublicClientApplication app)
                {
                    app.AcquireTokenInteractive(new[] { "https://graph.microsoft.com/.default" });
                    return MailApi.Latest(null);
                }
            }
            """;

        await Verify.Test(GraphStub, IdentityStub, MailApi, source).RunAsync();
    }

    [Fact]
    public async Task SourceWritingOnlyARequest_IsAnalyzed()
    {
        // No attribute name in source: the API's requirement comes from a compiled SDK, the grant from the request.
        var sdk = await CompiledLibrary.FromSourceAsync("""
            namespace Vendor;

            public static class Mail
            {
                [PermissionAnalyzer.RequiresScope("Mail.Read")] public static string[] Latest() => new string[0];
            }
            """);
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                private readonly GraphServiceClient client;

                public MailReader(Azure.Core.TokenCredential credential) => client = new GraphServiceClient(credential, new[] { "Mail.Read", {|#0:"Mail.Send"|} });

                public string[] Show() => Vendor.Mail.Latest();
            }
            """;

        await Verify.Test(GraphStub, source)
            .WithReference(sdk)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("MailReader", "Mail.Send"))
            .RunAsync();
    }

    [Theory]
    [InlineData("new[] { \"Mail.Read\", Runtime.Scope }")]
    [InlineData("new[] { \"https://graph.microsoft.com/.default\" }")]
    [InlineData("new[] { \".default\" }")]
    [InlineData("new string[0]")]
    [InlineData("new string[] { }")]
    [InlineData("new[] { \"openid\" }")]
    [InlineData("null")]
    [InlineData("Runtime.Scopes")]
    [InlineData("Runtime.Mutable")]
    [InlineData("[\"Mail.Read\", .. Runtime.Scopes]")]
    [InlineData("System.Array.Empty<string>()")]
    [InlineData("Runtime.Cycle")]
    [InlineData("new Reassigned().Scopes")]
    public async Task ScopesThatCannotBeRead_AreNoGrant(string scopes)
    {
        // No grant is read: MailReader is no principal, and its uses are nobody's.
        var source = $$"""
            using Microsoft.Graph;

            internal static class Runtime
            {
                public static string Scope => System.Environment.GetEnvironmentVariable("SCOPE");
                public static string[] Scopes => new[] { Scope };
                public static string[] Mutable = { "Mail.Read" };
                public static readonly string[] Cycle = Other;
                public static readonly string[] Other = Cycle;
            }

            internal sealed class Reassigned
            {
                public readonly string[] Scopes = { "Mail.Read" };

                public Reassigned() => this.Scopes = new[] { System.Environment.UserName };
            }

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, {{scopes}}));
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task LocalChangedAfterItsDeclaration_IsNoGrant()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential, bool send)
                {
                    var scopes = new List<string> { "Mail.Read" };
                    if (send)
                    {
                        scopes.Add("Mail.Send");
                    }

                    string[] more = { "Calendars.Read" };
                    more[0] = "Mail.Read";
                    MailApi.Events(new GraphServiceClient(credential, more));
                    return MailApi.Latest(new GraphServiceClient(credential, scopes));
                }
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task ConstructorWithoutScopes_IsNoGrant()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential));
            }
            """;

        await Test(source).RunAsync();
    }

    [Fact]
    public async Task AnotherTypeNamedGraphServiceClient_IsNoRequest()
    {
        const string source = """
            namespace Contoso
            {
                public sealed class GraphServiceClient
                {
                    public GraphServiceClient(string[] scopes) { }
                }

                public sealed class MailReader
                {
                    public string[] Show() => MailApi.Latest(null) ?? new GraphServiceClient(new[] { "Mail.Send" }).ToString().Split();
                }
            }
            """;

        await Test(source).RunAsync();
    }

    [Theory]
    [InlineData("new GraphServiceClient(credential, new[] { \"Mail.Read\", })")]
    [InlineData("new GraphServiceClient(credential, new[] { \"Mail.Read\" ")]
    [InlineData("new GraphServiceClient(credential, scopes: )")]
    [InlineData("new GraphServiceClient(credential, [\"Mail.Read\", Unknown.Scope])")]
    [InlineData("new GraphServiceClient(credential, new[] { null, \"\", \"  \" })")]
    [InlineData("new GraphServiceClient(credential, new[] { 1, 2 })")]
    [InlineData("new GraphServiceClient(")]
    [InlineData("new GraphServiceClient(credential, UnknownField)")]
    [InlineData("new(credential, new[] { \"Mail.Read\" }, 3, 4)")]
    public async Task BrokenRequestWhileTyping_NeverThrows(string request)
    {
        var source = $$"""
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public object Create(Azure.Core.TokenCredential credential) => {{request}};

                public string[] Show() => MailApi.Latest(null);
            }
            """;

        // Whatever the compiler says, the analyzers must not fail (AD0001 would be an unexpected diagnostic); a
        // request read in part grants 'Mail.Read', which Show uses.
        await Test(source).IgnoringCompilerDiagnostics().RunAsync();
    }
}
