using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Sdks.Graph;

/// <summary>
/// The built-in Microsoft Graph map ("Built-in SDK maps" in DESIGN.md): request-builder methods of the real SDK require
/// Microsoft's published permissions, least privileged first, without one annotation.
/// </summary>
public class GraphMapTests
{
    [Fact]
    public async Task GrantOfMailReadWriteForCodeThatOnlyReadsMessages_IsDeleteAccessCreepNamingMailRead()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Mail.ReadWrite"|})]
            public sealed class Inbox
            {
                public async Task<int> Latest(GraphServiceClient client)
                {
                    var page = await client.Me.Messages.GetAsync();
                    return page?.Value?.Count ?? 0;
                }
            }
            """;

        await GraphTest.Of(source)
            .Expecting(Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Inbox", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"))
            .RunAsync();
    }

    [Fact]
    public async Task ExactGrantForReadingAndSending_ReportsNothing()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using Microsoft.Graph.Me.SendMail;
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Read", "Mail.Send")]
            public sealed class Inbox
            {
                public async Task Reply(GraphServiceClient client, string id)
                {
                    var message = await client.Me.Messages[id].GetAsync();
                    await client.Me.SendMail.PostAsync(new SendMailPostRequestBody { Message = message });
                }
            }
            """;

        await GraphTest.Of(source).RunAsync();
    }

    [Fact]
    public async Task DeletingAMessageWithMailReadWrite_IsAUseSoNothingIsReported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes("Mail.ReadWrite")]
            public sealed class Cleanup
            {
                public Task Delete(GraphServiceClient client, string user, string id) => client.Users[user].Messages[id].DeleteAsync();
            }
            """;

        await GraphTest.Of(source).RunAsync();
    }

    [Fact]
    public async Task UngrantedGraphCall_IsPA0004NamingTheAlternativesLeastPrivilegedFirst()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Send")]
            public sealed class Sender
            {
                public Task Read(GraphServiceClient client, string id) => {|#0:client.Me.Messages[id].GetAsync()|};

                public Task Send(GraphServiceClient client, string id) => client.Me.Messages[id].Send.PostAsync();
            }
            """;

        await GraphTest.Of(source)
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments(
                "Sender.Read", "Mail.Read' or 'Mail.ReadBasic", "MessageItemRequestBuilder.GetAsync", "Sender"))
            .RunAsync();
    }

    [Fact]
    public async Task NavigationPathMatchedByItsCanonicalTail_RequiresTheCanonicalPermissions()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Mail.ReadWrite"|})]
            public sealed class Folders
            {
                public Task Read(GraphServiceClient client, string user, string folder, string child, string id) =>
                    client.Users[user].MailFolders[folder].ChildFolders[child].Messages[id].GetAsync();
            }
            """;

        await GraphTest.Of(source)
            .Expecting(Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Folders", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"))
            .RunAsync();
    }

    private const string Daemon = """
        using System.Threading.Tasks;
        using Microsoft.Graph;
        using PermissionAnalyzer;

        [GrantedScopes("Mail.Send")]
        public sealed class Daemon
        {
            public Task Mail(GraphServiceClient client, string user) => {|#0:client.Users[user].Messages.GetAsync()|};

            public Task Send(GraphServiceClient client, string user, string id) => client.Users[user].Messages[id].Send.PostAsync();
        }
        """;

    [Fact]
    public async Task DelegatedByDefault_TheRestrictedAlternativeIsTheDelegatedOne()
    {
        await GraphTest.Of(Daemon)
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments(
                "Daemon.Mail", "Mail.Read', 'Mail.ReadWrite' or 'Mail.ReadBasic", "MessagesRequestBuilder.GetAsync", "Daemon"))
            .RunAsync();
    }

    [Fact]
    public async Task ApplicationSetting_SwitchesToApplicationPermissions()
    {
        await GraphTest.Of(Daemon)
            .WithGlobalConfig("permission_analyzer.graph_permission_type = application")
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments(
                "Daemon.Mail", "Mail.Read', 'Mail.ReadWrite' or 'Mail.ReadBasic.All", "MessagesRequestBuilder.GetAsync", "Daemon"))
            .RunAsync();
    }

    [Fact]
    public async Task RawUrlThroughWithUrl_IsAnUndeterminedUse()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Read")]
            public sealed class Raw
            {
                public Task Read(GraphServiceClient client, string url) => {|#0:client.Me.Messages.WithUrl(url)|}.GetAsync();
            }
            """;

        await GraphTest.Of(source)
            .Expecting(Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Raw.Read", "MessagesRequestBuilder.WithUrl", "Raw"))
            .RunAsync();
    }

    [Fact]
    public async Task BuilderMethodTheMapCannotMatch_IsAnUndeterminedUse()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Read")]
            public sealed class Extensions
            {
                public Task Read(GraphServiceClient client, string id) => {|#0:client.Me.Messages[id].Extensions.GetAsync()|};

                public Task Mail(GraphServiceClient client) => client.Me.Messages.GetAsync();
            }
            """;

        await GraphTest.Of(source)
            .Expecting(Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Extensions.Read", "ExtensionsRequestBuilder.GetAsync", "Extensions"))
            .RunAsync();
    }

    [Fact]
    public async Task NavigationWithoutARequest_IsNoUse()
    {
        const string source = """
            using Microsoft.Graph;
            using PermissionAnalyzer;

            [GrantedScopes({|#0:"Mail.Read"|})]
            public sealed class Builder
            {
                public object Navigate(GraphServiceClient client, string id) => client.Me.Messages[id].Attachments;
            }
            """;

        await GraphTest.Of(source)
            .Expecting(Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Builder", "Mail.Read"))
            .RunAsync();
    }

    [Fact]
    public async Task BatchRequest_IsAnUndeterminedUse()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Graph;
            using Microsoft.Graph.Core.Requests;
            using PermissionAnalyzer;

            [GrantedScopes("Mail.Read")]
            public sealed class Batcher
            {
                public async Task Run(GraphServiceClient client)
                {
                    var batch = new BatchRequestContentCollection(client);
                    await batch.AddBatchRequestStepAsync(client.Me.Messages.ToGetRequestInformation());
                    await {|#0:client.Batch.PostAsync(batch)|};
                }

                public Task Mail(GraphServiceClient client) => client.Me.Messages.GetAsync();
            }
            """;

        await GraphTest.Of(source)
            .Expecting(Verify.Diagnostic("PA0009").WithLocation(0).WithArguments("Batcher.Run", "BatchRequestBuilder.PostAsync", "Batcher"))
            .RunAsync();
    }
}
