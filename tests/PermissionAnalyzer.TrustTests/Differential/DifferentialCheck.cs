using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PermissionAnalyzer.TrustTests.Infrastructure;

namespace PermissionAnalyzer.TrustTests.Differential;

/// <summary>Thrown when the analyzer's diagnostics differ from the reference model's.</summary>
public sealed class DifferentialMismatchException : Exception
{
    public DifferentialMismatchException(string message)
        : base(message)
    {
    }
}

/// <summary>How often each kind of use and each rule occurred across the checked programs.</summary>
public sealed class Occurrences
{
    private readonly ConcurrentDictionary<string, int> uses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> rules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> shapes = new(StringComparer.Ordinal);
    private int programs;
    private long lines;

    public int Programs => programs;

    public IReadOnlyDictionary<string, int> Uses => uses;

    public IReadOnlyDictionary<string, int> Rules => rules;

    public void Record(ProgramModel program, IEnumerable<Expected> expected)
    {
        System.Threading.Interlocked.Increment(ref programs);
        System.Threading.Interlocked.Add(ref lines, program.Source.Count(c => c == '\n'));
        foreach (var site in program.AllMembers.SelectMany(m => m.Sites).Distinct())
        {
            uses.AddOrUpdate(site.Kind, 1, (_, n) => n + 1);
        }

        foreach (var diagnostic in expected)
        {
            rules.AddOrUpdate(diagnostic.Id, 1, (_, n) => n + 1);
            var variant = diagnostic.Message.Contains("is broader than its code needs", StringComparison.Ordinal) ? " (broader than needed)"
                : diagnostic.Message.Contains("is already granted by", StringComparison.Ordinal) ? " (already granted)"
                : diagnostic.Message.Contains("' or '", StringComparison.Ordinal) ? " (a term with alternatives)"
                : diagnostic.Message.Contains("forms a cycle", StringComparison.Ordinal) ? " (implication cycle)"
                : null;
            if (variant is not null)
            {
                rules.AddOrUpdate(diagnostic.Id + variant, 1, (_, n) => n + 1);
            }
        }

        void Shape(string name, bool present)
        {
            if (present)
            {
                shapes.AddOrUpdate(name, 1, (_, n) => n + 1);
            }
        }

        Shape("assembly principal", program.AssemblyPrincipal is not null);
        Shape("nested principal", program.AllTypes.Any(t => t.Principal is not null && t.Container is not null));
        Shape("principal derived from a class with a constructor", program.AllTypes.Any(t => t.Principal is not null && t.Base is not null));
        Shape("metadata API", program.Types.Any(t => t.InMetadata));
        Shape("wildcard grant", program.AllTypes.Select(t => t.Principal).Append(program.AssemblyPrincipal).Any(d => d?.Grants.Any(g => g.IsValid && ReferenceModel.IsWildcard(g.Scope)) == true));
        Shape("destructive grant", program.AllTypes.Select(t => t.Principal).Append(program.AssemblyPrincipal).Any(d => d?.Grants.Any(g => g.IsValid && ReferenceModel.IsDestructive(g.Scope)) == true));
        Shape("recursion (call-graph cycle)", HasCycle(program));
        Shape("application output (no PA0012)", !program.IsLibrary);
        Shape("virtual Dispose overridden down a hierarchy", program.AllMembers.Any(m => m.Name == "Dispose" && m.IsOverride));
        Shape("static abstract interface member", program.AllMembers.Any(m => m.Kind == MemberKind.StaticAbstract));
        Shape("field-like event with an initializer", program.AllMembers.Any(m => m.Kind is MemberKind.EventField or MemberKind.StaticEventField));
        Shape("[RequiresAnyScope]", program.AllMembers.Any(m => m.RequiresAny.Count > 0));
        Shape("implication in source", program.Implications.Any(i => i.Place == CatalogPlace.Source));
        Shape("implication in the library (metadata)", program.Implications.Any(i => i.Place == CatalogPlace.Library));
        Shape("implication chain (a → b → c)", program.Implications.Any(i => i.Implied.Any(b => program.Implications.Any(j => j.Scope == b.Scope && j.Implied.Any(c => c.Scope != b.Scope)))));
        Shape("implication cycle", ReferenceModel.HasImplicationCycle(program));
        Shape("[assembly: DestructiveScope]", program.DestructiveScopes.Any(d => d.Place == CatalogPlace.Source));
        Shape("scope map", program.MapText.Length > 0);
        Shape("scope map entry for a metadata API", program.AllTypes.Any(t => t.InMetadata && (t.MapTerms.Count > 0 || t.Members.Any(m => m.MapTerms.Count > 0))));
        Shape("scope map T: entry", program.AllTypes.Any(t => t.MapTerms.Count > 0));
    }

    private static bool HasCycle(ProgramModel program)
    {
        var state = new Dictionary<MemberDecl, int>(ReferenceEqualityComparer.Instance);
        bool Visit(MemberDecl member)
        {
            if (state.TryGetValue(member, out var s))
            {
                return s == 1;
            }

            state[member] = 1;
            foreach (var target in member.Sites.SelectMany(site => site.Targets).Where(t => t.Body is not null))
            {
                if (Visit(target))
                {
                    return true;
                }
            }

            state[member] = 2;
            return false;
        }

        return program.AllMembers.Where(m => m.Body is not null).Any(Visit);
    }

    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine($"{programs} programs, {lines} lines of generated C# in all");
        text.AppendLine("Uses (sites printed):");
        foreach (var (kind, n) in uses.OrderByDescending(p => p.Value))
        {
            text.AppendLine($"  {n,8}  {kind}");
        }

        text.AppendLine("Rules (diagnostics expected and matched):");
        foreach (var (id, n) in rules.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {n,8}  {id}");
        }

        text.AppendLine("Programs with:");
        foreach (var (shape, n) in shapes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {n,8}  {shape}");
        }

        return text.ToString();
    }
}

/// <summary>
/// The differential check: print a generated program, run the analyzers on it, and require exactly the
/// diagnostics the reference model computes (rule, span, message).
/// </summary>
public static class DifferentialCheck
{
    public const string AssemblyName = "Gen";

    private static readonly ConcurrentDictionary<string, MetadataReference> Libraries = new(StringComparer.Ordinal);

    /// <summary>Programs checked in the default (CI) run; <c>PA_TRUST_ITERATIONS</c> overrides it for a long run.</summary>
    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("PA_TRUST_ITERATIONS"), out var n) && n > 0 ? n : DefaultIterations;

    public const int DefaultIterations = 2000;

    /// <summary>
    /// The wall-clock budget of the sweep: CI stops after this many seconds even on a slow machine (the programs
    /// it checks are still a prefix of the same fixed sequence). <c>PA_TRUST_SECONDS</c> overrides it; a long
    /// run (<c>PA_TRUST_ITERATIONS</c> set) has no budget unless one is given.
    /// </summary>
    public static TimeSpan Budget =>
        int.TryParse(Environment.GetEnvironmentVariable("PA_TRUST_SECONDS"), out var s) && s > 0 ? TimeSpan.FromSeconds(s)
        : Environment.GetEnvironmentVariable("PA_TRUST_ITERATIONS") is { Length: > 0 } ? TimeSpan.MaxValue
        : TimeSpan.FromSeconds(90);

    /// <summary>The fixed seed of the CI run; <c>PA_TRUST_SEED</c> overrides it.</summary>
    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("PA_TRUST_SEED"), out var s) ? s : 20181218UL;

    /// <summary>The contract rules the analyzer declares (PA0012, PA0013): the check judges them only then.</summary>
    public static Coverage SupportedContractRules { get; } =
        (AnalyzerRunner.SupportedIds.Contains("PA0012") ? Coverage.UndeclaredRequirement : Coverage.None)
        | (AnalyzerRunner.SupportedIds.Contains("PA0013") ? Coverage.ImplementationExceedsContract : Coverage.None);

    /// <summary>PA0012 and PA0013 are judged when the program's coverage has them and the analyzer declares them.</summary>
    public static Coverage RulesFor(ProgramModel program) => program.Coverage & SupportedContractRules;

    private static bool Judged(string id, Coverage rules) => id switch
    {
        "PA0012" => (rules & Coverage.UndeclaredRequirement) != 0,
        "PA0013" => (rules & Coverage.ImplementationExceedsContract) != 0,
        _ => true,
    };

    public static void Check(ProgramModel program, Occurrences? occurrences = null, string assemblyName = AssemblyName)
    {
        var rules = RulesFor(program);
        var expected = ReferenceModel.Diagnose(program, assemblyName, rules);
        var references = new List<MetadataReference>();
        if (program.Types.Any(t => t.InMetadata))
        {
            references.Add(Libraries.GetOrAdd(program.LibrarySource, source => AnalyzerRunner.EmitLibrary(source, "Lib")));
        }

        var compilation = AnalyzerRunner.Compile(new[] { AnalyzerRunner.Parse(program.Source) }, references, assemblyName, minimal: true);
        if (!program.IsLibrary)
        {
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        }

        var result = AnalyzerRunner.Run(compilation, withDeclaredRequirementRules: true, additionalFiles: program.MapText.Length > 0 ? new[] { AnalyzerRunner.AdditionalFile(MapPath, program.MapText) } : null);
        if (result.Errors.Any())
        {
            throw new InvalidOperationException("The generator printed invalid C#:\n" + string.Join("\n", result.Errors) + "\n" + program);
        }

        if (result.Exceptions.Count > 0)
        {
            throw new InvalidOperationException("The analyzer threw:\n" + string.Join("\n", result.Exceptions) + "\n" + program);
        }

        var actual = result.Analyzer
            .Where(d => Judged(d.Id, rules))
            .Select(d => new Expected(d.Id, Shift(d, d.Location.SourceSpan.Start), Shift(d, d.Location.SourceSpan.End), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(d => d)
            .ToList();
        Compare(program.Source, expected, actual, program.MapText);
        occurrences?.Record(program, expected);
    }

    /// <summary>The path of the generated scope map (an additional file).</summary>
    public const string MapPath = "/gen/ScopeMap.txt";

    /// <summary>A position in the map is shifted by <see cref="ProgramModel.MapOffset"/>, as the reference model writes it.</summary>
    public static int Shift(Diagnostic diagnostic, int position) =>
        diagnostic.Location.Kind == LocationKind.ExternalFile || diagnostic.Location.GetLineSpan().Path == MapPath ? position + ProgramModel.MapOffset : position;

    /// <summary>The text a diagnostic spans, in the source or (shifted) in the map.</summary>
    private static (string Text, int Start, int End, string Where) Spanned(Expected d, string source, string map) =>
        d.Start >= ProgramModel.MapOffset ? (map, d.Start - ProgramModel.MapOffset, d.End - ProgramModel.MapOffset, "ScopeMap.txt ") : (source, d.Start, d.End, string.Empty);

    public static void Compare(string source, IReadOnlyList<Expected> expected, IReadOnlyList<Expected> actual, string map = "")
    {
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        if (missing.Count == 0 && unexpected.Count == 0 && expected.Count == actual.Count)
        {
            return;
        }

        string Show(Expected d)
        {
            var (content, start, end, where) = Spanned(d, source, map);
            var position = SourceText.From(content).Lines.GetLinePosition(start);
            return $"  {d.Id} at {where}{position.Line + 1}:{position.Character + 1} `{content[start..end]}`: {d.Message}";
        }

        var message = new StringBuilder("The analyzer differs from the reference model.\n");
        message.AppendLine("Expected but not reported:");
        missing.ForEach(d => message.AppendLine(Show(d)));
        message.AppendLine("Reported but not expected:");
        unexpected.ForEach(d => message.AppendLine(Show(d)));
        throw new DifferentialMismatchException(message.ToString());
    }

    /// <summary>Expected diagnostics in a form that can be pasted into a regression test.</summary>
    public static string Describe(string source, IEnumerable<Expected> diagnostics, string map = "")
    {
        return string.Join("\n", diagnostics.Select(d =>
        {
            var (content, start, end, where) = Spanned(d, source, map);
            var position = SourceText.From(content).Lines.GetLinePosition(start);
            return $"({(where.Length > 0 ? "/* ScopeMap.txt */ " : string.Empty)}\"{d.Id}\", {position.Line + 1}, {position.Character + 1}, \"{content[start..end].Replace("\"", "\\\"")}\", \"{d.Message.Replace("\"", "\\\"")}\"),";
        }));
    }

    /// <summary>
    /// The deterministic sweep: program i is generated from the fixed seed and i. Returns the seed string
    /// (CsCheck's format) of the first failing program, or null.
    /// </summary>
    public static (string Seed, Exception Failure)? Sweep(int iterations, ulong seed, Occurrences occurrences, TimeSpan budget, string assemblyName = AssemblyName)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < iterations && watch.Elapsed < budget; i++)
        {
            var pcg = new PCG((uint)(seed % 1000), seed + (ulong)i * 0x9E3779B97F4A7C15UL);
            var seedText = pcg.ToString();
            var program = ProgramGen.Programs.Generate(pcg, null!, out _);
            try
            {
                Check(program, occurrences, assemblyName);
            }
            catch (Exception failure)
            {
                // Developer aid: PA_TRUST_DUMP=<file> keeps the first failing program as generated, before shrinking.
                if (assemblyName == AssemblyName && Environment.GetEnvironmentVariable("PA_TRUST_DUMP") is { Length: > 0 } dump)
                {
                    System.IO.File.WriteAllText(dump, program + "\n/*\n" + failure.Message + "\n*/\n");
                }

                return (seedText, failure);
            }
        }

        return null;
    }

    /// <summary>Shrinks a failure with CsCheck, starting from its seed: the smallest failing program it finds.</summary>
    public static string Shrink(string seed, int iterations, string assemblyName = AssemblyName)
    {
        try
        {
            ProgramGen.Programs.Sample(
                program => Check(program, null, assemblyName),
                seed: seed,
                iter: iterations,
                threads: 1,
                print: p => p + "\n// Expected (reference model):\n" + Describe(p.Source, ReferenceModel.Diagnose(p, assemblyName, RulesFor(p)), p.MapText));
        }
        catch (Exception shrunk)
        {
            return shrunk.Message;
        }

        return "(the failure did not reproduce from its seed)";
    }
}
