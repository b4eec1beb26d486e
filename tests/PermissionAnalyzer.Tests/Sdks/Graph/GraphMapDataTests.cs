using System.Linq;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Engine.Sdks.Graph;
using Xunit;

namespace PermissionAnalyzer.Tests.Sdks.Graph;

/// <summary>The embedded map as the analyzer reads it: terms per builder method and scheme, the catalog, destructive scopes.</summary>
public class GraphMapDataTests
{
    private static readonly GraphMapData Map = GraphMapData.LoadEmbedded();

    [Fact]
    public void EmbeddedMap_ListsEveryRequestBuilderOfTheSdk() => Assert.True(Map.BuilderCount > 11000, Map.BuilderCount.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void ReadingAMessage_IsMailReadFirstAndTheRestrictedMailReadBasicLast()
    {
        var terms = Map.TermsOf("Microsoft.Graph.Me.Messages.Item.MessageItemRequestBuilder", "GetAsync", application: false)!.Value;
        Assert.Equal(new[] { "Mail.Read", "Mail.ReadBasic" }, Term.Alternatives(Assert.Single(terms)));
    }

    [Fact]
    public void DeletingAMessage_IsMailReadWriteInBothSchemes()
    {
        Assert.Equal("Mail.ReadWrite", Assert.Single(Map.TermsOf("Microsoft.Graph.Users.Item.Messages.Item.MessageItemRequestBuilder", "DeleteAsync", application: false)!.Value));
        Assert.Equal("Mail.ReadWrite", Assert.Single(Map.TermsOf("Microsoft.Graph.Users.Item.Messages.Item.MessageItemRequestBuilder", "DeleteAsync", application: true)!.Value));
    }

    [Fact]
    public void MailReadWrite_IsDestructiveBecauseItIsLeastPrivilegedForDeletingAMessage()
    {
        Assert.Contains("Mail.ReadWrite", Map.Destructive(application: false));
        Assert.DoesNotContain("Mail.Read", Map.Destructive(application: false));
        Assert.DoesNotContain("Mail.Send", Map.Destructive(application: false));
    }

    [Fact]
    public void Catalog_StatesReadWriteImpliesReadButNothingImpliesARestrictedPermission()
    {
        var delegated = Map.Implications(application: false).ToList();
        Assert.Contains(("Mail.ReadWrite", "Mail.Read"), delegated);
        Assert.Contains(("Files.ReadWrite.All", "Files.ReadWrite"), delegated);
        Assert.DoesNotContain(delegated, i => i.Implied == "Mail.ReadBasic");
    }

    [Fact]
    public void WithUrl_IsUndetermined() =>
        Assert.Equal(GraphMapData.UndeterminedTerms, Map.TermsOf("Microsoft.Graph.Me.Messages.MessagesRequestBuilder", "WithUrl", application: false)!.Value);

    [Fact]
    public void AMethodThatSendsNothing_HasNoTerms() =>
        Assert.Empty(Map.TermsOf("Microsoft.Graph.Me.Messages.MessagesRequestBuilder", "ToGetRequestInformation", application: false)!.Value);

    [Fact]
    public void AnUnknownType_IsNotInTheMap() => Assert.Null(Map.TermsOf("Contoso.Mail", "GetAsync", application: false));
}
