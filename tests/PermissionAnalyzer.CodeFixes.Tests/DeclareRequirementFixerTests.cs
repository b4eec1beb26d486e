using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.CodeFixes.Fixes;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// PA0012 "Declare [RequiresScope("x")]" on the public member, PA0013 "Declare [RequiresScope("x")] on 'Base.Member'"
/// on the contract: one by one and as Fix All in document, project and solution (the harness runs all four).
/// </summary>
public class DeclareRequirementFixerTests
{
    private const string Api = Apis.Source;

    private static Task FixAsync(string source, string fixedSource, string key, System.Action<FixTest>? configure = null) =>
        FixAsync(new[] { source }, new[] { fixedSource }, key, configure);

    private static Task FixAsync(string[] sources, string[] fixedSources, string key, System.Action<FixTest>? configure = null) =>
        Verify.FixAsync(sources, fixedSources, key, test =>
        {
            test.IncludeDeclaredRequirementAnalyzer = true;
            configure?.Invoke(test);
        });

    [Fact]
    public async Task PublicHelper_GetsTheAttributeAboveItsDocComment()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                /// <summary>The last message.</summary>
                public static string {|PA0012:LastMessage|}(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                /// <summary>The last message.</summary>
                [RequiresScope("messages:read")]
                public static string LastMessage(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.DeclareRequirement);
    }

    [Fact]
    public async Task Title_NamesTheAttributeAndTheScope()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                public static string LastMessage(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        var offered = await Verify.OfferedAsync(source, "PA0012");

        Assert.Equal(new[] { "Declare [RequiresScope(\"messages:read\")] | " + EquivalenceKeys.DeclareRequirement }, offered.Single());
    }

    [Fact]
    public async Task FileWithoutTheNamespace_GetsTheUsingDirective()
    {
        var helpers = """
            using System;

            namespace Contoso;

            public static class Helpers
            {
                public static string {|PA0012:LastMessage|}(string id) => MessagesApi.Read(id).Trim();
            }
            """;
        var helpersFixed = """
            using System;
            using PermissionAnalyzer;

            namespace Contoso;

            public static class Helpers
            {
                [RequiresScope("messages:read")]
                public static string LastMessage(string id) => MessagesApi.Read(id).Trim();
            }
            """;
        var api = $$"""
            using PermissionAnalyzer;

            {{Api}}
            """;

        await FixAsync(new[] { helpers, api }, new[] { helpersFixed, api }, EquivalenceKeys.DeclareRequirement);
    }

    [Fact]
    public async Task FileWithoutUsings_GetsTheUsingDirectiveAtTheTop()
    {
        var helpers = """
            public static class Helpers
            {
                public static string {|PA0012:LastMessage|}(string id) => MessagesApi.Read(id);
            }
            """;
        var helpersFixed = """
            using PermissionAnalyzer;

            public static class Helpers
            {
                [RequiresScope("messages:read")]
                public static string LastMessage(string id) => MessagesApi.Read(id);
            }
            """;
        var api = $$"""
            using PermissionAnalyzer;

            {{Api}}
            """;

        await FixAsync(new[] { helpers, api }, new[] { helpersFixed, api }, EquivalenceKeys.DeclareRequirement);
    }

    [Fact]
    public async Task ExistingLiteralRequirement_GetsTheScopeAppended()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                [Obsolete("use Forward2")]
                [RequiresScope("messages:read")]
                public static void {|PA0012:Forward|}(string id, string to) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                [Obsolete("use Forward2")]
                [RequiresScope("messages:read", "messages:send")]
                public static void Forward(string id, string to) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await FixAsync(source.Replace("[Obsolete", "[System.Obsolete"), fixedSource.Replace("[Obsolete", "[System.Obsolete"), EquivalenceKeys.DeclareRequirement);
    }

    [Fact]
    public async Task ExistingRequirementWithAConstant_GetsANewAttributeAfterTheOthers()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                private const string Read = "messages:read";

                [RequiresScope(Read)]
                public static void {|PA0012:Forward|}(string id, string to) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public static class Helpers
            {
                private const string Read = "messages:read";

                [RequiresScope(Read)]
                [RequiresScope("messages:send")]
                public static void Forward(string id, string to) => MessagesApi.Send(MessagesApi.Read(id));
            }

            {{Api}}
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.DeclareRequirement);
    }

    [Fact]
    public async Task PropertyAccessors_TheAttributeGoesOnTheProperty()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public class Inbox
            {
                public string {|PA0012:Last|}
                {
                    get => MessagesApi.Read("t");
                    set { }
                }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public class Inbox
            {
                [RequiresScope("messages:read")]
                public string Last
                {
                    get => MessagesApi.Read("t");
                    set { }
                }
            }

            {{Api}}
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.DeclareRequirement);
    }

    [Fact]
    public async Task Constructor_GetsTheAttribute()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public class Inbox
            {
                private readonly string last;

                public {|PA0012:Inbox|}(string id) { last = MessagesApi.Read(id); }
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public class Inbox
            {
                private readonly string last;

                [RequiresScope("messages:read")]
                public Inbox(string id) { last = MessagesApi.Read(id); }
            }

            {{Api}}
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.DeclareRequirement);
    }

    private const string SeveralMembers = $$"""
        using PermissionAnalyzer;

        public static class Helpers
        {
            public static void {|PA0012:{|PA0012:{|PA0012:Forward|}|}|}(string id, string to)
            {
                MessagesApi.Send(MessagesApi.Read(id));
                MessagesApi.Delete(id);
            }

            // Contacts.
            public static string[] {|PA0012:{|PA0012:Everyone|}|}() => new[] { ContactsApi.Read("me") }.Concat(ContactsApi.List()).ToArray();
        }

        {{Api}}
        """;

    private const string SeveralMembersFixed = $$"""
        using PermissionAnalyzer;

        public static class Helpers
        {
            [RequiresScope("messages:delete", "messages:read", "messages:send")]
            public static void Forward(string id, string to)
            {
                MessagesApi.Send(MessagesApi.Read(id));
                MessagesApi.Delete(id);
            }

            // Contacts.
            [RequiresScope("contacts:list", "contacts:read")]
            public static string[] Everyone() => new[] { ContactsApi.Read("me") }.Concat(ContactsApi.List()).ToArray();
        }

        {{Api}}
        """;

    [Fact]
    public async Task SeveralScopesAndMembers_FixAllWritesOneAttributePerMember()
    {
        await FixAsync(
            "using System.Linq;\n" + SeveralMembers,
            "using System.Linq;\n" + SeveralMembersFixed,
            EquivalenceKeys.DeclareRequirement,
            test => test.NumberOfFixAllIterations = 1);
    }

    [Fact]
    public async Task SeveralScopesAndMembers_LikeDotnetFormat_AppliesThemAll()
    {
        var fixedText = await Verify.FixAllLikeDotnetFormatAsync(
            StripMarkup("using System.Linq;\n" + SeveralMembers),
            new DeclareRequirementFixer(),
            equivalenceKey: null,
            "PA0012");

        Assert.Equal("using System.Linq;\n" + SeveralMembersFixed, fixedText);
    }

    [Fact]
    public async Task SeveralProjects_FixAllInSolutionFixesEach()
    {
        var main = $$"""
            using PermissionAnalyzer;

            public static class Reader
            {
                public static string {|PA0012:Read|}(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var mainFixed = $$"""
            using PermissionAnalyzer;

            public static class Reader
            {
                [RequiresScope("messages:read")]
                public static string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;
        var second = $$"""
            using PermissionAnalyzer;

            public static class Sender
            {
                public static void {|PA0012:{|PA0012:Send|}|}(string to) { MessagesApi.Send(to); MessagesApi.Delete(to); }
            }

            {{Api}}
            """;
        var secondFixed = $$"""
            using PermissionAnalyzer;

            public static class Sender
            {
                [RequiresScope("messages:delete", "messages:send")]
                public static void Send(string to) { MessagesApi.Send(to); MessagesApi.Delete(to); }
            }

            {{Api}}
            """;

        await FixAsync(new[] { main }, new[] { mainFixed }, EquivalenceKeys.DeclareRequirement, test =>
        {
            var secondProject = new ProjectState("Second", test.Language, "/1/Test", "cs");
            secondProject.Sources.Add(second);
            secondProject.AdditionalReferences.Add(FixTest.Annotations);
            test.TestState.AdditionalProjects.Add("Second", secondProject);

            var secondFixedProject = new ProjectState("Second", test.Language, "/1/Test", "cs");
            secondFixedProject.Sources.Add(secondFixed);
            secondFixedProject.AdditionalReferences.Add(FixTest.Annotations);
            test.FixedState.AdditionalProjects.Add("Second", secondFixedProject);
        });
    }

    [Fact]
    public async Task Implementation_TheInterfaceMemberGetsTheAttribute()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public interface IMessenger
            {
                /// <summary>Deletes for good.</summary>
                void Purge(string id);
            }

            public sealed class Messenger : IMessenger
            {
                public void {|PA0013:Purge|}(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public interface IMessenger
            {
                /// <summary>Deletes for good.</summary>
                [RequiresScope("messages:delete")]
                void Purge(string id);
            }

            public sealed class Messenger : IMessenger
            {
                public void Purge(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.DeclareOnContract);
    }

    [Fact]
    public async Task Implementation_TitleNamesTheContract()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public interface IMessenger
            {
                void Purge(string id);
            }

            public sealed class Messenger : IMessenger
            {
                public void Purge(string id) => MessagesApi.Delete(id);
            }

            {{Api}}
            """;

        var offered = await Verify.OfferedAsync(source, "PA0013");

        Assert.Equal(new[] { "Declare [RequiresScope(\"messages:delete\")] on 'IMessenger.Purge' | " + EquivalenceKeys.DeclareOnContract }, offered.Single());
    }

    [Fact]
    public async Task SeveralImplementations_FixAllDeclaresEachScopeOnceOnTheContractInDiagnosticOrder()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public abstract class Job
            {
                public abstract void Run(string id);

                public abstract string Name { get; }
            }

            public sealed class ForwardJob : Job
            {
                public override void {|PA0013:{|PA0013:Run|}|}(string id) => MessagesApi.Send(MessagesApi.Read(id));

                public override string {|PA0013:Name|} => ContactsApi.Read("me");
            }

            public sealed class CleanupJob : Job
            {
                public override void {|PA0013:{|PA0013:Run|}|}(string id) { MessagesApi.Delete(id); MessagesApi.Read(id); }

                public override string Name => "cleanup";
            }

            {{Api}}
            """;
        var fixedSource = $$"""
            using PermissionAnalyzer;

            public abstract class Job
            {
                [RequiresScope("messages:read", "messages:send", "messages:delete")]
                public abstract void Run(string id);

                [RequiresScope("contacts:read")]
                public abstract string Name { get; }
            }

            public sealed class ForwardJob : Job
            {
                public override void Run(string id) => MessagesApi.Send(MessagesApi.Read(id));

                public override string Name => ContactsApi.Read("me");
            }

            public sealed class CleanupJob : Job
            {
                public override void Run(string id) { MessagesApi.Delete(id); MessagesApi.Read(id); }

                public override string Name => "cleanup";
            }

            {{Api}}
            """;

        await FixAsync(source, fixedSource, EquivalenceKeys.DeclareOnContract, test => test.NumberOfFixAllIterations = 1);
    }

    [Fact]
    public async Task MetadataContract_OffersNoFix()
    {
        // The contract is compiled code of a third-party library: a scope map could declare the scope, no edit here can.
        var sdk = await Verify.LibraryAsync(
            """
            public interface IPurger
            {
                void Purge(string id);
            }

            public abstract class Reader
            {
                public abstract string Read(string id);
            }
            """,
            "PartnerSdk");
        var source = $$"""
            using PermissionAnalyzer;

            public sealed class Thread : Reader, IPurger
            {
                public void Purge(string id) => MessagesApi.Delete(id);

                public override string Read(string id) => MessagesApi.Read(id);
            }

            {{Api}}
            """;

        var offered = await Verify.OfferedAsync(source, "PA0013", sdk);

        Assert.Equal(2, offered.Count);
        Assert.All(offered, Assert.Empty);
    }

    [Fact]
    public async Task ImplicitConstructor_OffersNoFix()
    {
        var source = $$"""
            using PermissionAnalyzer;

            public class Inbox
            {
                private readonly string last = MessagesApi.Read("t");
            }

            {{Api}}
            """;

        var offered = await Verify.OfferedAsync(source, "PA0012");

        Assert.Empty(Assert.Single(offered));
    }

    private static string StripMarkup(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|PA\d{4}:|\|\}", string.Empty);
}
