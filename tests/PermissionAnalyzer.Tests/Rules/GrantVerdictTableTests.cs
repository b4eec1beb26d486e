using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>
/// DESIGN.md's grant verdict table, row by row: every concrete combination of destructive x features x
/// needed x used, labelled with the row (first match wins) that decides it.
/// </summary>
public class GrantVerdictTableTests
{
    private const string NotNeeded = "no declared feature needs";
    private const string NotUsed = "no code uses";
    private const string Neither = "no declared feature needs and no code uses";

    [Theory]
    // Row 1: destructive, features, not needed, any use -> PA0002.
    [InlineData(1, true, true, false, false, "PA0002", Neither)]
    [InlineData(1, true, true, false, true, "PA0002", NotNeeded)]
    // Row 2: destructive, any features, any need, not used -> PA0002.
    [InlineData(2, true, true, true, false, "PA0002", NotUsed)]
    [InlineData(2, true, false, false, false, "PA0002", NotUsed)]
    // Row 3: destructive, features, needed, used -> none.
    [InlineData(3, true, true, true, true, null, null)]
    // Row 4: destructive, no features, used -> none.
    [InlineData(4, true, false, false, true, null, null)]
    // Row 5: not destructive, features, not needed, not used -> PA0001.
    [InlineData(5, false, true, false, false, "PA0001", null)]
    // Row 6: not destructive, features, not needed, used -> none (the use gets PA0005).
    [InlineData(6, false, true, false, true, null, null)]
    // Row 7: not destructive, needed or no features, not used -> PA0003.
    [InlineData(7, false, true, true, false, "PA0003", null)]
    [InlineData(7, false, false, false, false, "PA0003", null)]
    // Row 8: not destructive, used -> none.
    [InlineData(8, false, true, true, true, null, null)]
    [InlineData(8, false, false, false, true, null, null)]
    public async Task GrantVerdict_FollowsTheTableRow(int row, bool destructive, bool features, bool needed, bool used, string? verdict, string? reason)
    {
        Assert.InRange(row, 1, 8);
        var scope = destructive ? "messages:delete" : "messages:read";
        var featureLine = features
            ? "[FeatureNeeds(\"Show the agenda\", \"calendar:read\"" + (needed ? $", \"{scope}\"" : "") + ")]"
            : "";
        var useLine = used ? "{|#1:MessagesApi.Target()|};" : "";
        var source = $$"""
            using PermissionAnalyzer;

            public static class MessagesApi
            {
                [RequiresScope("calendar:read")] public static void Agenda() { }
                [RequiresScope("{{scope}}")] public static void Target() { }
            }

            [GrantedScopes("calendar:read", {|#0:"{{scope}}"|})]
            {{featureLine}}
            public sealed class Partner
            {
                public void Run()
                {
                    MessagesApi.Agenda();
                    {{useLine}}
                }
            }
            """;

        var expected = new List<DiagnosticResult>();
        if (verdict is not null)
        {
            expected.Add(reason is null
                ? Verify.Diagnostic(verdict).WithLocation(0).WithArguments("Partner", scope)
                : Verify.Diagnostic(verdict).WithLocation(0).WithArguments("Partner", scope, reason));
        }

        if (features && !needed && used)
        {
            expected.Add(Verify.Diagnostic("PA0005").WithLocation(1).WithArguments("Partner.Run", scope, "MessagesApi.Target", "Partner"));
        }

        await Verify.AnalyzerAsync(source, expected.ToArray());
    }
}
