using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests;

/// <summary>Chains longer than a message shows are elided the same way wherever a principal enters them.</summary>
public class LongChainTests
{
    [Fact]
    public async Task PrincipalsEnteringOneDeepChain_EachGetTheirOwnElidedChain()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Api
            {
                [RequiresScope("s:read")] public static int Read() => 1;
            }

            public static class H1 { public static int Go() => H2.Go(); }
            public static class H2 { public static int Go() => H3.Go(); }
            public static class H3 { public static int Go() => H4.Go(); }
            public static class H4 { public static int Go() => H5.Go(); }
            public static class H5 { public static int Go() => H6.Go(); }
            public static class H6 { public static int Go() => H7.Go(); }
            public static class H7 { public static int Go() => H8.Go(); }
            public static class H8 { public static int Go() => H9.Go(); }
            public static class H9 { public static int Go() => H10.Go(); }
            public static class H10 { public static int Go() => H11.Go(); }
            public static class H11 { public static int Go() => H12.Go(); }
            public static class H12 { public static int Go() => H13.Go(); }
            public static class H13 { public static int Go() => Api.Read(); }

            [GrantedScopes({|#2:"s:write"|})]
            public sealed class A
            {
                public int Run() => {|#0:H1.Go()|};
            }

            [GrantedScopes({|#3:"s:write"|})]
            public sealed class B
            {
                public int Run() => {|#1:H3.Go()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments(
                "A.Run", "s:read", "H1.Go → H2.Go → H3.Go → H4.Go → H5.Go → … 4 more … → H10.Go → H11.Go → H12.Go → H13.Go → Api.Read", "A"),
            Verify.Diagnostic("PA0004").WithLocation(1).WithArguments(
                "B.Run", "s:read", "H3.Go → H4.Go → H5.Go → H6.Go → H7.Go → … 2 more … → H10.Go → H11.Go → H12.Go → H13.Go → Api.Read", "B"),
            Verify.Diagnostic("PA0003").WithLocation(2).WithArguments("A", "s:write"),
            Verify.Diagnostic("PA0003").WithLocation(3).WithArguments("B", "s:write"));
    }

    [Fact]
    public async Task DeepChainEndingInDynamicCall_IsElidedAndEndsInTheDynamicCall()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class H1 { public static int Go() => H2.Go(); }
            public static class H2 { public static int Go() => H3.Go(); }
            public static class H3 { public static int Go() => H4.Go(); }
            public static class H4 { public static int Go() => H5.Go(); }
            public static class H5 { public static int Go() => H6.Go(); }
            public static class H6 { public static int Go() => H7.Go(); }
            public static class H7 { public static int Go() => H8.Go(); }
            public static class H8 { public static int Go() => H9.Go(); }
            public static class H9 { public static int Go() => H10.Go(); }
            public static class H10 { public static int Go() => H11.Go(); }
            public static class H11 { public static int Go() => H12.Go(); }
            public static class H12
            {
                public static int Go()
                {
                    dynamic d = 1;
                    return d.Foo();
                }
            }

            [GrantedScopes({|#1:"s:write"|})]
            public sealed class C
            {
                public int Run() => {|#0:H1.Go()|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0009").WithLocation(0).WithArguments(
                "C.Run", "H1.Go → H2.Go → H3.Go → H4.Go → H5.Go → … 2 more … → H8.Go → H9.Go → H10.Go → H11.Go → H12.Go → a dynamic call", "C"),
            Verify.Diagnostic("PA0003").WithLocation(1).WithArguments("C", "s:write"));
    }
}
