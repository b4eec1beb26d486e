using System.Threading.Tasks;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// Fixes of grant requests in code: Remove, Replace, Narrow and Grant edit the scopes passed to
/// <c>GraphServiceClient</c> (an array, a collection expression, a collection or field initializer), keep their
/// layout, and work as Fix All. A request's last scope is never removed (an empty list asks for <c>.default</c>),
/// and a list other principals' requests read too is left alone.
/// </summary>
public class GrantRequestFixTests
{
    private const string GraphStub = """
        namespace Azure.Core
        {
            public abstract class TokenCredential { }
        }

        namespace Microsoft.Graph
        {
            public class GraphServiceClient
            {
                public GraphServiceClient(Azure.Core.TokenCredential tokenCredential, System.Collections.Generic.IEnumerable<string> scopes = null, string baseUrl = null) { }
            }
        }
        """;

    private const string MailApiClass = """
        public static class MailApi
        {
            [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")] public static string[] Latest(Microsoft.Graph.GraphServiceClient client) => new string[0];
            [RequiresScope("Mail.Send")] public static void Send(Microsoft.Graph.GraphServiceClient client, string to) { }
        }
        """;

    private const string MailApi = $$"""
        using PermissionAnalyzer;

        [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]
        [assembly: DestructiveScope("Mail.ReadWrite")]

        {{MailApiClass}}
        """;

    /// <summary>One file: the usings, the stand-ins and <paramref name="types"/> (for <see cref="Verify.OfferedAsync"/>).</summary>
    private static string OneFile(string types) => $$"""
        using Microsoft.Graph;
        using PermissionAnalyzer;

        {{GraphStub}}

        {{MailApiClass}}

        {{types}}
        """;

    private static Task FixAsync(string source, string fixedSource, string key) =>
        Verify.FixAsync(new[] { GraphStub, MailApi, source }, new[] { GraphStub, MailApi, fixedSource }, key);

    [Fact]
    public async Task DeleteCapableScope_IsReplacedByWhatSuffices()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, new[] { {|PA0002:"Mail.ReadWrite"|}, "Mail.Send" }));

                public void Reply(Azure.Core.TokenCredential credential) => MailApi.Send(new GraphServiceClient(credential, new[] { "Mail.Send" }), "a@b.c");
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read", "Mail.Send" }));

                public void Reply(Azure.Core.TokenCredential credential) => MailApi.Send(new GraphServiceClient(credential, new[] { "Mail.Send" }), "a@b.c");
            }
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.ReplaceScope);
    }

    [Fact]
    public async Task OnlyScopeBroaderThanNeeded_IsReplaced_AndNarrowDoesTheSame()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, [{|PA0002:"Mail.ReadWrite"|}]));
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, ["Mail.Read"]));
            }
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.ReplaceScope);
        await FixAsync(source, fixedSource, EquivalenceKeys.NarrowGrant);
    }

    [Fact]
    public async Task UnusedScopes_AreRemovedFromAMultiLineCollectionExpression_KeepingItsLayout()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(
                    credential,
                    [
                        {|PA0003:"Calendars.Read"|},
                        "Mail.Read", // what the inbox needs
                        {|PA0003:"Files.Read"|},
                    ]));
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(
                    credential,
                    [
                        "Mail.Read", // what the inbox needs
                    ]));
            }
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
        await FixAsync(source, fixedSource, EquivalenceKeys.NarrowGrant);
    }

    [Fact]
    public async Task UnusedScope_IsRemovedFromAStaticReadonlyFieldInitializer()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                private static readonly string[] Scopes = { "Mail.Read", {|PA0003:"Calendars.Read"|} };

                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, Scopes));
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                private static readonly string[] Scopes = { "Mail.Read" };

                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, Scopes));
            }
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task UnusedScope_IsRemovedFromAListInitializer()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential)
                {
                    var scopes = new List<string> { {|PA0003:"Calendars.Read"|}, "Mail.Read" };
                    return MailApi.Latest(new GraphServiceClient(credential, scopes));
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public string[] Show(Azure.Core.TokenCredential credential)
                {
                    var scopes = new List<string> { "Mail.Read" };
                    return MailApi.Latest(new GraphServiceClient(credential, scopes));
                }
            }
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
    }

    [Fact]
    public async Task FixAll_RemovesUnusedScopesOfEveryRequestOfThePrincipal()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read", {|PA0003:"Calendars.Read"|} }));

                public void Reply(Azure.Core.TokenCredential credential) =>
                    MailApi.Send(new GraphServiceClient(credential, new[] { {|PA0003:"Files.Read"|}, "Mail.Send", {|PA0003:"Calendars.Read"|} }), "a@b.c");
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) =>
                    MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read" }));

                public void Reply(Azure.Core.TokenCredential credential) =>
                    MailApi.Send(new GraphServiceClient(credential, new[] { "Mail.Send" }), "a@b.c");
            }
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.RemoveScope);
        await FixAsync(source, fixedSource, EquivalenceKeys.NarrowGrant);
    }

    [Fact]
    public async Task RequestsOnlyScope_IsNeverRemoved_SoNoFixIsOffered()
    {
        const string source = """
            public sealed class MailReader
            {
                public GraphServiceClient Create(Azure.Core.TokenCredential credential) => new GraphServiceClient(credential, new[] { "Calendars.Read" });
            }
            """;

        var offered = await Verify.OfferedAsync(OneFile(source), "PA0003");
        Assert.Equal(new[] { System.Array.Empty<string>() }, offered);
    }

    [Fact]
    public async Task UseNotGranted_GrantAppendsToTheRequest()
    {
        const string source = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                public void Run(Azure.Core.TokenCredential credential)
                {
                    var client = new GraphServiceClient(credential, new[] { "Mail.Read" });
                    MailApi.Latest(client);
                    {|PA0004:MailApi.Send(client, "a@b.c")|};
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                public void Run(Azure.Core.TokenCredential credential)
                {
                    var client = new GraphServiceClient(credential, new[] { "Mail.Read", "Mail.Send" });
                    MailApi.Latest(client);
                    MailApi.Send(client, "a@b.c");
                }
            }
            """;

        var test = new FixTest { CodeActionIndex = 0 };
        test.TestState.Sources.Add(GraphStub);
        test.TestState.Sources.Add(MailApi);
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(GraphStub);
        test.FixedState.Sources.Add(MailApi);
        test.FixedState.Sources.Add(fixedSource);
        test.BatchFixedState.Sources.Add(GraphStub);
        test.BatchFixedState.Sources.Add(MailApi);
        test.BatchFixedState.Sources.Add(source);
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task AuthorizeForScopes_UnusedScopeIsRemoved_AndTheAttributeStays()
    {
        const string identity = """
            namespace Microsoft.Identity.Web
            {
                [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
                public sealed class AuthorizeForScopesAttribute : System.Attribute
                {
                    public string[] Scopes { get; set; }
                }
            }
            """;
        const string source = """
            using Microsoft.Identity.Web;

            [AuthorizeForScopes(Scopes = new[] { {|PA0003:"Calendars.Read"|}, "Mail.Read", {|PA0003:"Files.Read"|} })]
            public sealed class InboxController
            {
                public string[] Index() => MailApi.Latest(null);
            }
            """;
        const string fixedSource = """
            using Microsoft.Identity.Web;

            [AuthorizeForScopes(Scopes = new[] { "Mail.Read" })]
            public sealed class InboxController
            {
                public string[] Index() => MailApi.Latest(null);
            }
            """;

        await Verify.FixAsync(new[] { GraphStub, identity, MailApi, source }, new[] { GraphStub, identity, MailApi, fixedSource }, EquivalenceKeys.RemoveScope);
        await Verify.FixAsync(new[] { GraphStub, identity, MailApi, source }, new[] { GraphStub, identity, MailApi, fixedSource }, EquivalenceKeys.NarrowGrant);
    }

    [Fact]
    public async Task FixAllOfEveryScopeOfARequest_KeepsTheLastOne()
    {
        // Each single Remove is offered (another scope remains); applied together, the list keeps one.
        const string source = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public GraphServiceClient Create(Azure.Core.TokenCredential credential) =>
                    new GraphServiceClient(credential, new[] { {|PA0003:"Calendars.Read"|}, {|PA0003:"Files.Read"|} });
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;

            public sealed class MailReader
            {
                public GraphServiceClient Create(Azure.Core.TokenCredential credential) =>
                    new GraphServiceClient(credential, new[] { {|PA0003:"Files.Read"|} });
            }
            """;

        var test = new FixTest { CodeActionEquivalenceKey = EquivalenceKeys.RemoveScope };
        test.TestState.Sources.Add(GraphStub);
        test.TestState.Sources.Add(MailApi);
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(GraphStub);
        test.FixedState.Sources.Add(MailApi);
        test.FixedState.Sources.Add(fixedSource);
        test.BatchFixedState.Sources.Add(GraphStub);
        test.BatchFixedState.Sources.Add(MailApi);
        test.BatchFixedState.Sources.Add(fixedSource);
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task DeleteCapableScopeOfAPrincipalWithFeatures_IsReplacedByWhatTheFeatureNeeds()
    {
        const string source = """
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [FeatureNeeds("Show mail", "Mail.Read")]
            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, new[] { {|PA0002:"Mail.ReadWrite"|} }));
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [FeatureNeeds("Show mail", "Mail.Read")]
            public sealed class MailPartner
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, new[] { "Mail.Read" }));
            }
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.ReplaceScope);
    }

    [Fact]
    public async Task FactoryRequestOfTheAssemblyPrincipal_LosesItsUnusedScope()
    {
        const string source = """
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [assembly: FeatureNeeds("Show mail", "Mail.Read")]

            public static class GraphFactory
            {
                public static GraphServiceClient Create(Azure.Core.TokenCredential credential) =>
                    new GraphServiceClient(credential, ["Mail.Read", {|PA0001:"Calendars.Read"|}]);
            }

            public sealed class MailService
            {
                public string[] Show(GraphServiceClient client) => MailApi.Latest(client);
            }
            """;
        const string fixedSource = """
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [assembly: FeatureNeeds("Show mail", "Mail.Read")]

            public static class GraphFactory
            {
                public static GraphServiceClient Create(Azure.Core.TokenCredential credential) =>
                    new GraphServiceClient(credential, ["Mail.Read"]);
            }

            public sealed class MailService
            {
                public string[] Show(GraphServiceClient client) => MailApi.Latest(client);
            }
            """;

        // The assembly's grant verdicts come from the compilation-end analyzer (see Verify.FixAssemblyAsync).
        await Verify.FixAsync(
            new[] { GraphStub, MailApi, source },
            new[] { GraphStub, MailApi, fixedSource },
            EquivalenceKeys.RemoveScope,
            test => test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck);
    }

    [Fact]
    public async Task FieldSharedByTwoPrincipals_GetsNoFix()
    {
        const string source = """
            internal static class GraphScopes
            {
                public static readonly string[] Mail = { "Mail.Read", "Mail.Send" };
            }

            public sealed class Reader
            {
                public string[] Show(Azure.Core.TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential, GraphScopes.Mail));
            }

            public sealed class Sender
            {
                public void Reply(Azure.Core.TokenCredential credential) => MailApi.Send(new GraphServiceClient(credential, GraphScopes.Mail), "a@b.c");
            }
            """;

        var offered = await Verify.OfferedAsync(OneFile(source), "PA0003");
        Assert.Equal(new[] { System.Array.Empty<string>(), System.Array.Empty<string>() }, offered);
    }
}
