using Xunit;

namespace PermissionAnalyzer.TrustTests.Differential;

/// <summary>
/// Programs on which the analyzer once differed from the reference model, as CsCheck shrank them (printed by
/// the differential test or <see cref="DifferentialTests.ShrinkTool"/>), with the reference model's diagnostics.
/// </summary>
public class RegressionTests
{
    /// <summary>An explicit constructor without initializer (C1) used to be reported a second time over its whole declaration, for the implicit ': base()' in its operation tree.</summary>
    [Fact]
    public void ImplicitBaseConstructorCall_IsReportedOnlyAtTheBaseType()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("Mail.DELETE", "purge*")]
            [assembly: FeatureNeeds("f0", "msg:readAll", "files/*", "msg:readAll")]
            [assembly: FeatureNeeds("f1", "msg:delete", "Mail.*", "chat:write")]

            public static class K
            {
                public const string C9 = "files/erase";
            }

            public interface SIApi1
            {
                [RequiresScope("", " ")]
                void Run();
            }

            public static class Helpers
            {
                public static void H0()
                {
                    void f0() { System.Action g0 = P0.N0x0.Run; } f0();
                }
                public static int HP0
                {
                    get
                    {
                        System.Action g1 = default(VD0x0).V;
                        P0.N0x0.Run();
                        return 0;
                    }
                }
                [RequiresScope("x")]
                public static int HP1
                {
                    get
                    {
                        LApi0.Run();
                        System.Action l4 = () => { default(SIApi1).Run(); };
                        return 0;
                    }
                }
            }

            [RequiresScope("Mail.DELETE")]
            public class C0
            {
                public C0()
                {
                    Helpers.H0();
                }
            }

            public class C1 : C0
            {
                public C1()
                {
                }
            }

            [RequiresScope("messages:deleted")]
            public class C2
            {
                public C2()
                {
                }
            }

            public class VB0
            {
                public virtual void V()
                {
                }
            }

            public class VD0x0 : VB0
            {
            }

            public class VD0x1 : VD0x0
            {
            }

            [GrantedScopes(new string[] { K.C9, "Mail.*", "files/*" })]
            public class P0
            {
                public static void M0()
                {
                    P0.N0x0.Run();
                }
                public static class N0x0
                {
                    public static void Run()
                    {
                    }
                }
            }
            """;
        const string library = """
            using PermissionAnalyzer;


            public static class LApi0
            {
                [RequiresScope("Mail.DELETE")]
                public static void Run()
                {
                }
            }
            """;

        Regression.Verify(
            source,
            library,
            ("PA0002", 3, 26, "\"Mail.DELETE\"", "Principal 'Gen' is granted destructive scope 'Mail.DELETE', which no declared feature needs"),
            ("PA0007", 3, 41, "\"purge*\"", "Principal 'Gen' is granted wildcard scope 'purge*'; grant the concrete scopes its code uses instead"),
            ("PA0006", 4, 31, "\"msg:readAll\"", "Feature 'f0' of principal 'Gen' needs 'msg:readAll', which is not granted"),
            ("PA0008", 4, 46, "\"files/*\"", "Invalid scope argument of 'FeatureNeeds': a feature must need concrete scopes, not a wildcard"),
            ("PA0006", 4, 57, "\"msg:readAll\"", "Feature 'f0' of principal 'Gen' needs 'msg:readAll', which is not granted"),
            ("PA0006", 5, 31, "\"msg:delete\"", "Feature 'f1' of principal 'Gen' needs 'msg:delete', which is not granted"),
            ("PA0008", 5, 45, "\"Mail.*\"", "Invalid scope argument of 'FeatureNeeds': a feature must need concrete scopes, not a wildcard"),
            ("PA0006", 5, 55, "\"chat:write\"", "Feature 'f1' of principal 'Gen' needs 'chat:write', which is not granted"),
            ("PA0008", 14, 20, "\"\"", "Invalid scope argument of 'RequiresScope': the scope is empty or whitespace"),
            ("PA0008", 14, 24, "\" \"", "Invalid scope argument of 'RequiresScope': the scope is empty or whitespace"),
            ("PA0005", 38, 13, "LApi0.Run()", "'Helpers.HP1' needs 'Mail.DELETE' via LApi0.Run, but no feature declared by principal 'Gen' needs it"),
            ("PA0005", 54, 19, "C0", "'C1.C1' needs 'Mail.DELETE' via C0.C0, but no feature declared by principal 'Gen' needs it"),
            ("PA0002", 84, 31, "K.C9", "Principal 'P0' is granted destructive scope 'files/erase', which no code uses"),
            ("PA0007", 84, 37, "\"Mail.*\"", "Principal 'P0' is granted wildcard scope 'Mail.*'; grant the concrete scopes its code uses instead"),
            ("PA0007", 84, 47, "\"files/*\"", "Principal 'P0' is granted wildcard scope 'files/*'; grant the concrete scopes its code uses instead"));
    }


    /// <summary>C1's implicit base call (at 'C0' in its declaration) and its body reach 'administrator' at the same distance; source order puts the base type first, the engine used to choose the body.</summary>
    [Fact]
    public void ConstructorChain_TieBreak_PrefersTheBaseCallWrittenFirst()
    {
        const string source = """
            using PermissionAnalyzer;


            [RequiresScope("purgeHistory")]
            public class SService0
            {
                [RequiresScope("files/erase")]
                public static void Run()
                {
                }
            }

            public class SClient1
            {
                [RequiresScope("user-profile", "administrator")]
                public SClient1()
                {
                }
            }

            public static class Helpers
            {
                public static void H0()
                {
                    P0.M0();
                }
            }

            public class C0
            {
                [RequiresScope("msg:send")]
                public C0()
                {
                    P0.M1();
                    void f2() { new SClient1(); } f2();
                    P0.M1();
                }
            }

            public class C1 : C0
            {
                public C1()
                {
                    P0.M0();
                    System.Action l5 = () => { P0.M1(); };
                }
            }

            public class VD0x0 : LVB0
            {
            }

            public class VD0x1 : VD0x0
            {
                public override void V()
                {
                    Helpers.H0();
                    default(VD0x0).V();
                    System.Action l8 = () => { Helpers.H0(); };
                }
            }

            [GrantedScopes]
            public class P0 : C1
            {
                public static void M0()
                {
                    System.Action l9 = () => { Helpers.H0(); };
                    Helpers.H0();
                    SService0.Run();
                    new SClient1();
                }
                public static void M1()
                {
                    new SClient1();
                    default(LVB0).V();
                    void f15() { System.Action g15 = default(LVB0).V; } f15();
                }
            }
            """;
        const string library = """
            using PermissionAnalyzer;


            public class LVB0
            {
                public virtual void V()
                {
                }
            }
            """;

        Regression.Verify(
            source,
            library,
            ("PA0004", 64, 19, "C1", "'P0.P0' needs 'administrator' via C1.C1 → C0.C0 → SClient1.SClient1, but principal 'P0' is not granted it"),
            ("PA0004", 64, 19, "C1", "'P0.P0' needs 'msg:send' via C1.C1 → C0.C0, but principal 'P0' is not granted it"),
            ("PA0004", 64, 19, "C1", "'P0.P0' needs 'user-profile' via C1.C1 → C0.C0 → SClient1.SClient1, but principal 'P0' is not granted it"),
            ("PA0004", 70, 9, "SService0.Run()", "'P0.M0' needs 'files/erase' via SService0.Run, but principal 'P0' is not granted it"),
            ("PA0004", 70, 9, "SService0.Run()", "'P0.M0' needs 'purgeHistory' via SService0.Run, but principal 'P0' is not granted it"),
            ("PA0004", 71, 9, "new SClient1()", "'P0.M0' needs 'administrator' via SClient1.SClient1, but principal 'P0' is not granted it"),
            ("PA0004", 71, 9, "new SClient1()", "'P0.M0' needs 'user-profile' via SClient1.SClient1, but principal 'P0' is not granted it"),
            ("PA0004", 75, 9, "new SClient1()", "'P0.M1' needs 'administrator' via SClient1.SClient1, but principal 'P0' is not granted it"),
            ("PA0004", 75, 9, "new SClient1()", "'P0.M1' needs 'user-profile' via SClient1.SClient1, but principal 'P0' is not granted it"));
    }

    /// <summary>
    /// DESIGN.md: the body followed is the one that runs for the receiver. <c>using (var u = new RD0())</c> binds
    /// IDisposable.Dispose; on an RD0 receiver RD0's override runs (it does not call <c>base.Dispose()</c>), so RB0's body
    /// does not count. The engine of branch 'engine' at d45045f followed RB0.Dispose (the member that implements the
    /// interface) instead; fixed in 93b88f0.
    /// </summary>
    [Fact]
    public void UsingOfAClassThatOverridesTheVirtualDispose_FollowsTheOverrideNotTheBaseBody()
    {
        const string source = """
            using PermissionAnalyzer;

            public static class Api
            {
                [RequiresScope("a")]
                public static void A() { }

                [RequiresScope("b")]
                public static void B() { }
            }

            public class RB0 : System.IDisposable
            {
                public virtual void Dispose() { Api.A(); }
            }

            public class RD0 : RB0
            {
                public override void Dispose() { Api.B(); }
            }

            [GrantedScopes]
            public class P0
            {
                public static void M0()
                {
                    using (var u = new RD0()) { }
                }
            }
            """;

        Regression.Verify(
            source,
            null,
            ("PA0004", 27, 20, "u = new RD0()", "'P0.M0' needs 'b' via RD0.Dispose → Api.B, but principal 'P0' is not granted it"));
    }

    /// <summary>
    /// Issue 11, found by the differential check (scope map entry for a constructor). A documentation-comment ID of a
    /// constructor is <c>M:Client.#ctor</c> (as in BannedSymbols.txt, which DESIGN.md names), but the map parser cuts
    /// every line at its first <c>#</c> (a comment): the entry becomes <c>M:Client.</c>, gets PA0011 "expected
    /// '&lt;documentation ID&gt;; &lt;scopes&gt;', ..." and the constructor requires nothing, so the grant is "unused"
    /// (PA0003). No constructor (<c>#ctor</c>, <c>#cctor</c>) could be mapped. Fixed: a comment starts at a <c>#</c>
    /// at the start of the line or after white space, and an ID has no white space. Expected: nothing (the grant is used).
    /// </summary>
    [Fact]
    public void AConstructorInAScopeMap_IsFoundAndNotCutAtTheHashOfItsId()
    {
        const string source = """
            using PermissionAnalyzer;

            public class Client
            {
                public Client() { }
            }

            [GrantedScopes("mail:send")]
            public sealed class Sender
            {
                public void Go() { new Client(); }
            }
            """;

        Regression.VerifyWithMap(source, "M:Client.#ctor; mail:send\n");
    }

    /// <summary>
    /// Issue 11, found by the differential check (least cover with alternatives and implications), shrunk by hand.
    /// L = { r } (r implies g, g implies s and u, so the chosen s and u are dropped); u and g are outside L, neither
    /// broader nor already granted. docs/scope-maps.md: "when a use is covered only by granted scopes outside L that are
    /// neither broader nor already granted ..., the first of them in declaration order counts as used and stays": the use
    /// of u (Api.A) is covered by u and g, u is first, so u is used. The engine (GrantJudge step 3) takes the terms in the
    /// order of its internal keys, a term with alternatives first: s|t keeps g, and then u's use counts as covered by g, so
    /// the engine reports PA0003 "'u', which no code reachable from it uses" although Api.A requires u verbatim. The
    /// reference model follows the engine (so the sweep checks the rest); this test keeps the docs' reading until the
    /// contract decides (the docs do not say whether a scope that "stays" covers the later uses, nor in which order terms
    /// with alternatives come).
    /// </summary>
    [Fact(Skip = "Contract question (issue 11): GrantJudge reports PA0003 on a scope the code uses verbatim; see the doc comment")]
    public void AGrantTheCodeUsesVerbatim_IsNotUnusedBecauseABroaderGrantCoversAnAlternative()
    {
        const string source = """
            using PermissionAnalyzer;

            [assembly: ScopeImplies("r", "g")]
            [assembly: ScopeImplies("g", "s", "u")]

            public static class Api
            {
                [RequiresScope("u", "r")] public static void A() { }
                [RequiresAnyScope("s", "t")] public static void B() { }
            }

            [GrantedScopes("u", "g")]
            public sealed class Client
            {
                public void Go()
                {
                    Api.A();
                    Api.B();
                }
            }
            """;

        Regression.Verify(
            source,
            null,
            ("PA0004", 17, 9, "Api.A()", "'Client.Go' needs 'r' via Api.A, but principal 'Client' is not granted it"));
    }
}
