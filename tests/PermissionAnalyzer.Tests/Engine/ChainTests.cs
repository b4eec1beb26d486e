using System.Text;
using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// The chain in a use's message: every hop from the principal's site to the API, the shortest one, ties
/// broken by source order; deep chains and cycles neither overflow nor loop.
/// </summary>
public class ChainTests
{
    private const string MessagesApi = """
        using PermissionAnalyzer;

        public static class MessagesApi
        {
            [RequiresScope("messages:read")] public static string ReadThread(string id) => id;
        }
        """;

    [Fact]
    public async Task ChainThroughSeveralHelpers_ShowsEveryHop()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Helper
            {
                public static string Fetch(string id) => Store.Current.Load(id);
            }

            public sealed class Store
            {
                public static Store Current { get; } = new Store();

                public string Load(string id) => new Thread(id).Body;
            }

            public sealed class Thread
            {
                private readonly string id;

                public Thread(string id) => this.id = id;

                public string Body => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:Helper.Fetch("t1")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "Helper.Fetch → Store.Load → Thread.Body → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task ConstructorOfHelper_IncludesItsFieldInitializers()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Preloaded
            {
                private readonly string first = MessagesApi.ReadThread("t1");

                public string First => first;
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:new Preloaded()|}.First;
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "Preloaded.Preloaded → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task DeepChainOf5000Helpers_DoesNotOverflowAndElidesTheMiddle()
    {
        const int depth = 5000;
        var helpers = new StringBuilder();
        helpers.AppendLine("public static class Helper").AppendLine("{");
        for (var i = 0; i < depth - 1; i++)
        {
            helpers.Append("    public static string M").Append(i).Append("(string id) => M").Append(i + 1).AppendLine("(id);");
        }

        helpers.Append("    public static string M").Append(depth - 1).AppendLine("(string id) => MessagesApi.ReadThread(id);");
        helpers.AppendLine("}");

        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:Helper.M0("t1")|};
            }
            """;

        // 5,001 hops: the first five, how many are left out, the last five.
        const string chain = "Helper.M0 → Helper.M1 → Helper.M2 → Helper.M3 → Helper.M4 → … 4991 more … → "
            + "Helper.M4996 → Helper.M4997 → Helper.M4998 → Helper.M4999 → MessagesApi.ReadThread";
        await Verify.Test(MessagesApi, helpers.ToString(), source)
            .RunningOnce()
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", chain, "Partner"))
            .RunAsync();
    }

    [Fact]
    public async Task DeepCycleOf5000Helpers_DoesNotOverflow()
    {
        const int depth = 5000;
        var helpers = new StringBuilder();
        helpers.AppendLine("public static class Ring").AppendLine("{");
        for (var i = 0; i < depth; i++)
        {
            // Never run, only analyzed: every method calls the next, the last calls the first, one also reads.
            helpers.Append("    public static string M").Append(i).Append("(string id) => ")
                .Append(i == depth / 2 ? "MessagesApi.ReadThread(id) + " : "")
                .Append('M').Append((i + 1) % depth).AppendLine("(id);");
        }

        helpers.AppendLine("}");

        const string source = """
            using PermissionAnalyzer;

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:Ring.M2497("t")|};
            }
            """;

        await Verify.Test(MessagesApi, helpers.ToString(), source)
            .RunningOnce()
            .Expecting(Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "Ring.M2497 → Ring.M2498 → Ring.M2499 → Ring.M2500 → MessagesApi.ReadThread", "Partner"))
            .RunAsync();
    }

    [Fact]
    public async Task ElevenHops_ElideOneInTheMiddle()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Hop
            {
                public static string A(string id) => B(id);
                public static string B(string id) => C(id);
                public static string C(string id) => D(id);
                public static string D(string id) => E(id);
                public static string E(string id) => F(id);
                public static string F(string id) => G(id);
                public static string G(string id) => H(id);
                public static string H(string id) => I(id);
                public static string I(string id) => J(id);
                public static string J(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Ten() => {|#0:Hop.B("t")|};

                public string Eleven() => {|#1:Hop.A("t")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Ten", "messages:read", "Hop.B → Hop.C → Hop.D → Hop.E → Hop.F → Hop.G → Hop.H → Hop.I → Hop.J → MessagesApi.ReadThread", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.Eleven", "messages:read", "Hop.A → Hop.B → Hop.C → Hop.D → Hop.E → … 1 more … → Hop.G → Hop.H → Hop.I → Hop.J → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task MutualRecursion_ShowsTheShortestChain()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Sync
            {
                public static string Ping(int n) => n == 0 ? Slow(n) : Pong(n - 1);

                public static string Pong(int n) => n == 0 ? MessagesApi.ReadThread("t") : Ping(n - 1);

                private static string Slow(int n) => Slower(n);

                private static string Slower(int n) => MessagesApi.ReadThread("t");
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string FromPing() => {|#0:Sync.Ping(4)|};

                public string FromPong() => {|#1:Sync.Pong(4)|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.FromPing", "messages:read", "Sync.Ping → Sync.Pong → MessagesApi.ReadThread", "Partner"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments("Partner.FromPong", "messages:read", "Sync.Pong → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task CycleWithoutAnyRequirement_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Loop
            {
                public static int Self(int n) => n == 0 ? 0 : Self(n - 1);

                public static int Even(int n) => n == 0 ? 1 : Odd(n - 1);

                public static int Odd(int n) => n == 0 ? 0 : Even(n - 1);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public int Run() => Loop.Self(3) + Loop.Even(3);
            }
            """;

        await Verify.AnalyzerAsync(new[] { MessagesApi, source });
    }

    [Theory]
    [InlineData("First", "Second")]
    [InlineData("Second", "First")]
    public async Task ChainsOfEqualLength_AreBrokenBySourceOrder(string calledFirst, string calledSecond)
    {
        var source = $$"""
            using PermissionAnalyzer;

            public static class Helper
            {
                public static string Both(string id) => {{calledFirst}}(id) + {{calledSecond}}(id);

                public static string First(string id) => MessagesApi.ReadThread(id);

                public static string Second(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:Helper.Both("t")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", $"Helper.Both → Helper.{calledFirst} → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task ShorterChainLaterInSource_WinsOverLongerChainEarlier()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Helper
            {
                public static string Both(string id) => Long(id) + Short(id);

                public static string Long(string id) => Longer(id);

                public static string Longer(string id) => MessagesApi.ReadThread(id);

                public static string Short(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:Helper.Both("t")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "Helper.Both → Helper.Short → MessagesApi.ReadThread", "Partner"));
    }

    [Fact]
    public async Task DirectRequirementOfAHelper_EndsTheChainThere()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Helper
            {
                [RequiresScope("messages:read")]
                public static string Fetch(string id) => MessagesApi.ReadThread(id);
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Run() => {|#0:Helper.Fetch("t")|};
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { MessagesApi, source },
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Run", "messages:read", "Helper.Fetch", "Partner"));
    }
}
