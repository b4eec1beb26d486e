using System;
using System.Linq;

namespace PermissionAnalyzer.TrustTests.Differential;

/// <summary>
/// What the generator may produce and the reference model judges, beyond the shapes every engine has handled
/// since the start. Each can be switched off, so the rest of the check runs against an engine that does not
/// have it yet: <c>PA_TRUST_COVERAGE</c> is a comma-separated list of names, <c>all</c>, <c>none</c> or
/// <c>default</c>, a name prefixed with <c>-</c> removes it (<c>PA_TRUST_COVERAGE=all,-ListPattern</c>).
/// </summary>
[Flags]
public enum Coverage
{
    None = 0,

    /// <summary><c>(T.P, _) = (1, 2);</c> runs the setter, not the getter.</summary>
    DeconstructionIntoProperty = 1 << 0,

    /// <summary><c>await using (var u = new Ad()) { }</c> with a pattern <c>DisposeAsync</c>.</summary>
    AwaitUsing = 1 << 1,

    /// <summary><c>x[^1]</c> through Length/Count and the indexer.</summary>
    IndexFromEnd = 1 << 2,

    /// <summary><c>x[1..2]</c> through Length/Count and Slice.</summary>
    Range = 1 << 3,

    /// <summary><c>x is [0]</c> through Length/Count and the indexer.</summary>
    ListPattern = 1 << 4,

    /// <summary>A static member implementing a static abstract interface member inherits its requirement.</summary>
    StaticAbstract = 1 << 5,

    /// <summary><c>[RequiresScope("s")] void f() { } f();</c>.</summary>
    LocalFunctionRequirement = 1 << 6,

    /// <summary><c>public event System.Action E = () => { ... };</c>: the initializer is its owner's code.</summary>
    EventInitializer = 1 << 7,

    /// <summary><c>Dy.Go((dynamic)0)</c>: every candidate counts, and the site is still PA0009.</summary>
    DynamicCandidates = 1 << 8,

    /// <summary><c>_ = Service.Limit;</c> reads a constant of an annotated type: not a use.</summary>
    ConstantRead = 1 << 9,

    /// <summary><c>ConstructorInfo.Invoke</c> is reflection (PA0009), like MethodBase.Invoke and Activator.CreateInstance.</summary>
    ConstructorInfoInvoke = 1 << 10,

    /// <summary><c>Sink.Take(default(Cv))</c>: a user-defined implicit conversion of a method argument.</summary>
    ArgumentConversion = 1 << 11,

    /// <summary>
    /// <c>using (var u = new RD())</c> where RD overrides the virtual Dispose that implements IDisposable: the body
    /// that runs for that receiver is followed, not the bound member's; <c>base.Dispose()</c> follows the base body.
    /// </summary>
    ReceiverBody = 1 << 12,

    /// <summary>PA0012 Undeclared requirement on a public API (library output only).</summary>
    UndeclaredRequirement = 1 << 13,

    /// <summary>PA0013 Implementation requires more than its contract.</summary>
    ImplementationExceedsContract = 1 << 14,

    /// <summary><c>[RequiresAnyScope("a", "b")]</c> on APIs: a term of alternatives (<c>needs 'a' or 'b'</c>), judged by the least cover.</summary>
    Alternatives = 1 << 15,

    /// <summary><c>[assembly: ScopeImplies(...)]</c> in source and in the library: chains, cycles (PA0008 on the implied argument), PA0010.</summary>
    Implications = 1 << 16,

    /// <summary><c>[assembly: DestructiveScope("x")]</c>: destructive beyond the word rule (PA0002).</summary>
    DestructiveCatalog = 1 << 17,

    /// <summary><c>ScopeMap.txt</c>: <c>M:</c>/<c>P:</c>/<c>T:</c> entries for source and metadata APIs, <c>scope x implies</c>/<c>destructive</c> lines (cycles: PA0011).</summary>
    ScopeMap = 1 << 18,

    /// <summary>The shapes of use of issue 10 that the engine branch adds.</summary>
    Issue10Shapes = DeconstructionIntoProperty | AwaitUsing | IndexFromEnd | Range | ListPattern | StaticAbstract
        | LocalFunctionRequirement | EventInitializer | DynamicCandidates | ConstantRead | ConstructorInfoInvoke | ArgumentConversion,

    ContractRules = UndeclaredRequirement | ImplementationExceedsContract,

    /// <summary>Issue 11: alternatives, the scope catalog, scope maps.</summary>
    Catalog = Alternatives | Implications | DestructiveCatalog | ScopeMap,

    All = Issue10Shapes | ReceiverBody | ContractRules | Catalog,
}

public static class CoverageSettings
{
    /// <summary>
    /// What the check covers unless <c>PA_TRUST_COVERAGE</c> says otherwise: everything (the merged engine handles it all).
    /// PA0012/PA0013 are judged only when the analyzer declares them (<see cref="DifferentialCheck.SupportedContractRules"/>).
    /// </summary>
    public const Coverage Default = Coverage.All;

    public static Coverage Current { get; } = Parse(Environment.GetEnvironmentVariable("PA_TRUST_COVERAGE"));

    public static Coverage Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var coverage = Coverage.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var remove = part.StartsWith('-');
            var name = remove ? part[1..] : part;
            var flag = name.ToLowerInvariant() switch
            {
                "default" => Default,
                "none" => Coverage.None,
                _ => Enum.Parse<Coverage>(name, ignoreCase: true),
            };
            coverage = remove ? coverage & ~flag : coverage | flag;
        }

        return coverage;
    }

    public static string Describe(Coverage coverage) =>
        coverage == Coverage.All ? "all" : string.Join(", ", Enum.GetValues<Coverage>().Where(c => c != Coverage.None && (c & (c - 1)) == 0 && coverage.HasFlag(c)));
}
