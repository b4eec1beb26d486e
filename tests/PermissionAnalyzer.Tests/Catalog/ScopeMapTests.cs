using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Catalog;

/// <summary>
/// Scope maps (ScopeMap.txt, ScopeMap.*.txt): requirements for APIs nobody can annotate, in source or in a
/// compiled reference, implications and destructive scopes; PA0011 at each bad line.
/// </summary>
public class ScopeMapTests
{
    private const string Vendor = """
        namespace Contoso.Mail;

        public class MailClient
        {
            public string[] List() => new string[0];
            public void Delete(string id) { }
            public void Delete(int index) { }
            public string[] Folders => new string[0];
            public void Send(string to) { }
        }
        """;

    private const string Map = """
        # Contoso's mail client, which we cannot annotate
        M:Contoso.Mail.MailClient.Delete(System.String); mail:delete
        T:Contoso.Mail.MailClient; mail:read                  # every member of the type
        P:Contoso.Mail.MailClient.Folders; mail:read | mail:readwrite, folders:list
        scope mail:readwrite implies mail:read, mail:send
        scope mail:purge destructive
        """;

    [Fact]
    public async Task MapEntriesOfACompiledLibrary_AddRequirementsToItsMembers()
    {
        const string source = """
            using PermissionAnalyzer;
            using Contoso.Mail;

            [GrantedScopes("mail:read")]
            public sealed class Cleaner
            {
                public void Run(MailClient client)
                {
                    client.List();
                    {|#0:client.Delete("1")|};
                    client.Delete(2);
                }
            }
            """;

        await Verify.Test(source)
            .WithReference(await CompiledLibrary.FromSourceAsync(Vendor, "Contoso.Mail"))
            .WithAdditionalFile("/0/ScopeMap.txt", Map)
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Cleaner.Run", "mail:delete", "MailClient.Delete", "Cleaner"))
            .RunAsync();
    }

    [Fact]
    public async Task MapEntriesForSourceSymbols_ImplicationsAndDestructiveScopes_Apply()
    {
        const string source = """
            using PermissionAnalyzer;
            using Contoso.Mail;

            [GrantedScopes({|#0:"mail:readwrite"|}, "folders:list", {|#1:"mail:purge"|})]
            public sealed class Browser
            {
                public int Count(MailClient client) => client.Folders.Length;
            }
            """;

        await Verify.Test(Vendor, source)
            .WithAdditionalFile("/0/ScopeMap.txt", Map)
            .Expecting(
                Verify.Diagnostic("PA0010").WithLocation(0).WithArguments("Browser", "mail:readwrite", "is broader than its code needs: 'mail:read' suffices"),
                Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Browser", "mail:purge", "no code uses"))
            .RunAsync();
    }

    [Fact]
    public async Task AMapAlone_TurnsTheAnalysisOn()
    {
        const string helper = """
            public static class Helper
            {
                public static void Clean(Contoso.Mail.MailClient client) => client.Delete("x");
            }
            """;

        await Verify.Test(Vendor, helper)
            .WithAdditionalFile("/0/ScopeMap.Contoso.txt", "M:Contoso.Mail.MailClient.Delete(System.String); mail:delete\nM:Contoso.Mail.MailClient.Nothing; x\n")
            .Expecting(Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.Contoso.txt", 2, 1, 2, 37).WithArguments("'M:Contoso.Mail.MailClient.Nothing' matches no symbol of the compilation or its references"))
            .RunAsync();
    }

    [Fact]
    public async Task EveryKindOfBadLine_IsPA0011AtItsLineAndColumns()
    {
        const string map = """
            M:Contoso.Mail.MailClient.List; mail:read
              this line does not parse
            M:Contoso.Mail.MailClient.Send(System.String); mail:send, bad scope
            M:Contoso.Mail.MailClient.Send(System.String); mail:send | 
            M:Contoso.Mail.MailClient.List; mail:read   # again
            M:Contoso.Mail.MailClient.Missing; mail:read
            scope a implies b
            scope b implies a
            scope c destructive
            scope c destructive
            scope d implies e*
            scope e sometimes
            """;

        await Verify.Test(Vendor)
            .WithAdditionalFile("/0/ScopeMap.txt", map)
            .WithSource("using PermissionAnalyzer;\n[GrantedScopes] public sealed class P { }\n")
            .Expecting(
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 2, 3, 2, 27).WithArguments("expected '<documentation ID>; <scopes>', 'scope <scope> implies <scopes>' or 'scope <scope> destructive'"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 3, 1, 3, 68).WithArguments("'bad scope' is not a valid scope"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 4, 1, 4, 59).WithArguments("a scope is empty"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 5, 1, 5, 42).WithSpan("/0/ScopeMap.txt", 1, 1, 1, 42).WithArguments("'M:Contoso.Mail.MailClient.List' is mapped already at ScopeMap.txt(1,1)"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 6, 1, 6, 45).WithArguments("'M:Contoso.Mail.MailClient.Missing' matches no symbol of the compilation or its references"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 7, 1, 7, 18).WithArguments("the implication forms a cycle: 'a' → 'b' → 'a'"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 8, 1, 8, 18).WithArguments("the implication forms a cycle: 'b' → 'a' → 'b'"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 10, 1, 10, 20).WithSpan("/0/ScopeMap.txt", 9, 1, 9, 20).WithArguments("'scope c destructive' is stated already at ScopeMap.txt(9,1)"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 11, 1, 11, 19).WithArguments("'e*' is a wildcard; a map names concrete scopes"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 12, 1, 12, 18).WithArguments("expected '<documentation ID>; <scopes>', 'scope <scope> implies <scopes>' or 'scope <scope> destructive'"))
            .RunAsync();
    }

    [Fact]
    public async Task DuplicateAcrossTwoMaps_IsReportedInTheSecondWithTheFirstAsAdditionalLocation()
    {
        await Verify.Test(Vendor)
            .WithSource("using PermissionAnalyzer;\n[GrantedScopes] public sealed class P { }\n")
            .WithAdditionalFile("/0/ScopeMap.a.txt", "M:Contoso.Mail.MailClient.List; mail:read\n")
            .WithAdditionalFile("/0/ScopeMap.b.txt", "\n  M:Contoso.Mail.MailClient.List; mail:list\n")
            .Expecting(
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.b.txt", 2, 3, 2, 44).WithSpan("/0/ScopeMap.a.txt", 1, 1, 1, 42)
                    .WithArguments("'M:Contoso.Mail.MailClient.List' is mapped already at ScopeMap.a.txt(1,1)"))
            .RunAsync();
    }

    [Fact]
    public async Task AdditionalFilesWithOtherNames_AreNotMaps()
    {
        await Verify.Test(Vendor)
            .WithSource("using PermissionAnalyzer;\n[GrantedScopes] public sealed class P { }\n")
            .WithAdditionalFile("/0/ScopeMapping.txt", "not a map\n")
            .WithAdditionalFile("/0/BannedSymbols.txt", "T:Contoso.Mail.MailClient;no\n")
            .RunAsync();
    }

    [Fact]
    public async Task MapEntryTermsWithAlternatives_ReadLikeAttributeTerms()
    {
        const string source = """
            using PermissionAnalyzer;
            using Contoso.Mail;

            [GrantedScopes("folders:list", "mail:read")]
            public sealed class Browser
            {
                public int Count(MailClient client) => client.Folders.Length;

                public void Clean(MailClient client) => {|#0:client.Delete("1")|};
            }
            """;

        await Verify.Test(Vendor, source)
            .WithAdditionalFile("/0/ScopeMap.txt", Map)
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Browser.Clean", "mail:delete", "MailClient.Delete", "Browser"))
            .RunAsync();
    }

    [Fact]
    public async Task ConstructorEntry_TheHashOfItsIdIsNoComment()
    {
        const string source = """
            using PermissionAnalyzer;
            using Contoso.Mail;

            [GrantedScopes]
            public sealed class Connector
            {
                public MailClient Open() => {|#0:new MailClient()|};
            }
            """;

        await Verify.Test(Vendor, source)
            .WithAdditionalFile("/0/ScopeMap.txt", "M:Contoso.Mail.MailClient.#ctor; mail:connect   # opening a session\n")
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Connector.Open", "mail:connect", "MailClient.MailClient", "Connector"))
            .RunAsync();
    }

    /// <summary>The worked example of docs/scope-maps.md, exactly.</summary>
    [Fact]
    public async Task WorkedExampleOfTheDocumentation_ShowsDeleteAccessCreepThroughTheMap()
    {
        const string contoso = """
            namespace Contoso.Mail;

            public sealed class MailClient
            {
                public string[] ListMessages(string folder) => new string[0];
                public string ReadMessage(string id) => id;
                public void Send(string to, string body) { }
                public void Delete(string id) { }
                public void PurgeFolder(string folder) { }
            }
            """;
        const string map = """
            # Contoso.Mail 4.2: what each call needs on the mail server (from Contoso's API reference)
            T:Contoso.Mail.MailClient; mail:connect
            M:Contoso.Mail.MailClient.ListMessages(System.String); mail:read | mail:readwrite
            M:Contoso.Mail.MailClient.ReadMessage(System.String); mail:read | mail:readwrite
            M:Contoso.Mail.MailClient.Send(System.String,System.String); mail:send
            M:Contoso.Mail.MailClient.Delete(System.String); mail:readwrite
            M:Contoso.Mail.MailClient.PurgeFolder(System.String); mail:purge
            M:Contoso.Mail.MailClient.Archive(System.String); mail:readwrite

            scope mail:readwrite implies mail:read
            scope mail:purge implies mail:readwrite
            scope mail:readwrite destructive    # it can delete messages
            """;
        const string source = """
            using Contoso.Mail;
            using PermissionAnalyzer;

            [GrantedScopes("mail:connect", {|#0:"mail:readwrite"|}, "mail:send", {|#1:"mail:purge"|})]
            [FeatureNeeds("Send the newsletter", "mail:connect", "mail:send")]
            [FeatureNeeds("Count replies", "mail:connect", "mail:read")]
            public sealed class Newsletter
            {
                private readonly MailClient client = new();

                public void Send(string[] subscribers)
                {
                    foreach (var subscriber in subscribers)
                    {
                        client.Send(subscriber, "This week...");
                    }
                }

                public int CountReplies() => client.ListMessages("Inbox").Length;
            }
            """;

        await Verify.Test(source)
            .WithReference(await CompiledLibrary.FromSourceAsync(contoso, "Contoso.Mail"))
            .WithAdditionalFile("/0/ScopeMap.txt", map)
            .Expecting(
                Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Newsletter", "mail:readwrite", "is broader than its code needs: 'mail:read' suffices"),
                Verify.Diagnostic("PA0002").WithLocation(1).WithArguments("Newsletter", "mail:purge", "is broader than its code needs: 'mail:read' suffices"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 8, 1, 8, 65).WithArguments("'M:Contoso.Mail.MailClient.Archive(System.String)' matches no symbol of the compilation or its references"))
            .RunAsync();
    }

    [Fact]
    public async Task MalformedIds_AreUnresolvedEntriesNotCrashes()
    {
        const string map = """
            M:A.B(; x
            T:<>; x
            M:A.B(``0; x
            P:A.B[; x
            E:...; x
            """;

        await Verify.Test(Vendor)
            .WithSource("using PermissionAnalyzer;\n[GrantedScopes] public sealed class P { }\n")
            .WithAdditionalFile("/0/ScopeMap.txt", map)
            .Expecting(
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 1, 1, 1, 10).WithArguments("'M:A.B(' matches no symbol of the compilation or its references"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 2, 1, 2, 8).WithArguments("'T:<>' matches no symbol of the compilation or its references"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 3, 1, 3, 13).WithArguments("'M:A.B(``0' matches no symbol of the compilation or its references"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 4, 1, 4, 10).WithArguments("'P:A.B[' matches no symbol of the compilation or its references"),
                Verify.Diagnostic("PA0011").WithSpan("/0/ScopeMap.txt", 5, 1, 5, 9).WithArguments("'E:...' matches no symbol of the compilation or its references"))
            .RunAsync();
    }

    [Fact]
    public async Task FrameworkContractGivenARequirementByAMap_IsJudgedByPA0013()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Files
            {
                [RequiresScope("files:close")] public static void Close() { }
                [RequiresScope("files:delete")] public static void Delete() { }
            }

            public sealed class Handle : System.IDisposable
            {
                public void {|#0:Dispose|}()
                {
                    Files.Close();
                    Files.Delete();
                }
            }

            public sealed class Other : System.IAsyncDisposable
            {
                public System.Threading.Tasks.ValueTask DisposeAsync()
                {
                    Files.Delete();
                    return default;
                }
            }
            """;

        await Verify.Test(source)
            .WithDeclaredRequirementRules()
            .WithAdditionalFile("/0/ScopeMap.txt", "M:System.IDisposable.Dispose; files:close\n")
            .Expecting(Verify.Diagnostic("PA0013").WithLocation(0).WithArguments("Handle.Dispose", "files:delete", "via Files.Delete", "IDisposable.Dispose"))
            .RunAsync();
    }
}
