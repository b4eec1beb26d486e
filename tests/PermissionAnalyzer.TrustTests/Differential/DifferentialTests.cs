using System;
using System.Linq;
using System.Diagnostics;
using PermissionAnalyzer.Engine;
using Xunit;
using Xunit.Abstractions;

namespace PermissionAnalyzer.TrustTests.Differential;

/// <summary>
/// Random but valid programs, printed from an abstract model, must get exactly the diagnostics the
/// independent reference model computes. CI checks <see cref="DifferentialCheck.DefaultIterations"/> programs
/// from a fixed seed; <c>PA_TRUST_ITERATIONS=20000</c> (and optionally <c>PA_TRUST_SEED</c>) runs a long one.
/// </summary>
public class DifferentialTests
{
    private readonly ITestOutputHelper output;

    public DifferentialTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void GeneratedPrograms_GetExactlyTheReferenceModelsDiagnostics()
    {
        var occurrences = new Occurrences();
        var watch = Stopwatch.StartNew();
        var failure = DifferentialCheck.Sweep(DifferentialCheck.Iterations, DifferentialCheck.Seed, occurrences, DifferentialCheck.Budget);
        watch.Stop();
        output.WriteLine($"Seed {DifferentialCheck.Seed}: {occurrences.Programs} of {DifferentialCheck.Iterations} programs checked in {watch.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"Coverage: {CoverageSettings.Describe(CoverageSettings.Current)}; PA0012/PA0013 judged: {CoverageSettings.Describe(CoverageSettings.Current & DifferentialCheck.SupportedContractRules)}");
        output.WriteLine(occurrences.Report());

        if (failure is { } found)
        {
            output.WriteLine("First failure (seed " + found.Seed + "):\n" + found.Failure.Message);
            var shrunk = DifferentialCheck.Shrink(found.Seed, iterations: 300);
            Assert.Fail("The analyzer differs from the reference model. Shrunk to:\n" + shrunk + "\n\nFirst failure:\n" + found.Failure);
        }

        // Not vacuous: even a slow machine checks a fair number of programs, and every rule occurs.
        Assert.True(occurrences.Programs >= Math.Min(100, DifferentialCheck.Iterations), $"Only {occurrences.Programs} programs were checked.");
        if (occurrences.Programs >= 100)
        {
            var judged = CoverageSettings.Current & DifferentialCheck.SupportedContractRules;
            var ids = new[] { "PA0001", "PA0002", "PA0003", "PA0004", "PA0005", "PA0006", "PA0007", "PA0008", "PA0009" }
                .Concat((judged & Coverage.UndeclaredRequirement) != 0 ? new[] { "PA0012" } : Array.Empty<string>())
                .Concat((judged & Coverage.ImplementationExceedsContract) != 0 ? new[] { "PA0013" } : Array.Empty<string>())
                .Concat(CoverageSettings.Current.HasFlag(Coverage.Implications) ? new[] { "PA0010 (broader than needed)", "PA0010 (already granted)", "PA0002 (broader than needed)", "PA0008 (implication cycle)" } : Array.Empty<string>())
                .Concat(CoverageSettings.Current.HasFlag(Coverage.Alternatives) ? new[] { "PA0004 (a term with alternatives)" } : Array.Empty<string>())
                .Concat(CoverageSettings.Current.HasFlag(Coverage.ScopeMap) ? new[] { "PA0011" } : Array.Empty<string>());
            foreach (var id in ids)
            {
                Assert.True(occurrences.Rules.ContainsKey(id), $"No generated program expected {id}.");
            }
        }
    }

    [Theory]
    [InlineData(nameof(EngineFaults.IgnoreMethodGroups))]
    [InlineData(nameof(EngineFaults.IgnoreOverriddenRequirements))]
    [InlineData(nameof(EngineFaults.ReadDeconstructionTargets))]
    [InlineData(nameof(EngineFaults.IgnoreImplications))]
    public void BrokenEngine_FailsTheDifferentialCheck(string faultName)
    {
        var fault = Enum.Parse<EngineFaults>(faultName);
        var assemblyName = "Gen.Faulty." + fault;
        ScopeIndex.FaultsForTesting[assemblyName] = fault;
        try
        {
            var occurrences = new Occurrences();
            var failure = DifferentialCheck.Sweep(DifferentialCheck.DefaultIterations, DifferentialCheck.Seed, occurrences, TimeSpan.MaxValue, assemblyName);
            Assert.True(failure is not null, $"The differential check did not notice an engine with the fault {fault}.");
            Assert.IsType<DifferentialMismatchException>(failure!.Value.Failure);
            output.WriteLine($"With {fault} program {occurrences.Programs + 1} of the sweep fails:\n{failure.Value.Failure.Message}");
            var shrunk = DifferentialCheck.Shrink(failure.Value.Seed, iterations: 40, assemblyName);
            Assert.Contains("Set seed", shrunk, StringComparison.Ordinal);
            output.WriteLine("Shrunk:\n" + shrunk);
        }
        finally
        {
            ScopeIndex.FaultsForTesting.TryRemove(assemblyName, out _);
        }
    }

    /// <summary>
    /// Developer tool, idle unless <c>PA_TRUST_SHRINK_SEED</c> is set: shrinks the failure of that seed (as a
    /// failing run prints it) with <c>PA_TRUST_SHRINK_ITERATIONS</c> (default 2000) tries and prints the smallest
    /// program with the reference model's diagnostics, ready to keep in <see cref="RegressionTests"/>.
    /// </summary>
    [Fact]
    public void ShrinkTool()
    {
        if (Environment.GetEnvironmentVariable("PA_TRUST_SHRINK_SEED") is not { Length: > 0 } seed)
        {
            return;
        }

        var iterations = int.TryParse(Environment.GetEnvironmentVariable("PA_TRUST_SHRINK_ITERATIONS"), out var n) ? n : 2000;
        output.WriteLine(DifferentialCheck.Shrink(seed, iterations));
    }
}
