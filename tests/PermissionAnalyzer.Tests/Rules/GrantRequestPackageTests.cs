using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Tests.Infrastructure;
using PermissionAnalyzer.Tests.Sdks.Graph;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>
/// Grant requests against the real Microsoft.Graph 6.10.0 (and its Azure.Core, Kiota and Graph.Core dependencies)
/// as metadata references: the constructors the analyzer recognizes are the package's, with its parameter names.
/// </summary>
public class GrantRequestPackageTests
{
    /// <summary>The package and its dependencies, in the exact versions the test project restores (<see cref="GraphTest"/>).</summary>
    private static AnalyzerTest WithGraphPackage(AnalyzerTest test)
    {
        foreach (var reference in GraphTest.GraphReferences)
        {
            test.WithReference(reference);
        }

        return test;
    }

    [Fact]
    public async Task EveryConstructorWithScopes_IsARequest_OnTheRealPackage()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using Azure.Core;
            using Microsoft.Graph;

            public sealed class MailPartner
            {
                private readonly GraphServiceClient reader;
                private readonly GraphServiceClient sender;

                public MailPartner(TokenCredential credential, HttpClient http)
                {
                    reader = new GraphServiceClient(credential, new[] { {|#0:"Mail.ReadWrite"|} });
                    sender = new GraphServiceClient(http, credential, scopes: new List<string> { "Mail.Send", {|#1:"Calendars.Read"|} });
                }

                public string[] Show() => MailApi.Latest(reader);

                public void Reply(string to) => MailApi.Send(sender, to);
            }

            public sealed class Unread
            {
                // No scopes: the SDK asks for .default, which is no readable grant.
                public string[] Show(TokenCredential credential) => MailApi.Latest(new GraphServiceClient(credential));
            }
            """;

        await WithGraphPackage(Verify.Test(GrantRequestTests.MailApi, source))
            .Expecting(
                Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("MailPartner", "Mail.ReadWrite", "is broader than its code needs: 'Mail.Read' suffices"),
                Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("MailPartner", "Calendars.Read"))
            .RunAsync();
    }
}
