using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PermissionAnalyzer.Report.Model;

namespace PermissionAnalyzer.Report.Writers;

/// <summary>
/// The report for a pull-request comment: the summary, the findings, and the matrix of the principals that have
/// findings. Long lists are cut (the HTML and JSON have everything), so the comment stays well under the 65,536
/// characters a GitHub comment takes.
/// </summary>
internal static class MarkdownReport
{
    public const int MaxFindings = 50;
    public const int MaxMatrixRows = 30;
    public const int MaxMatrixColumns = 12;

    public static string Write(PermissionReport report)
    {
        var text = new StringBuilder();
        var summary = report.Summary;
        text.Append("## Permission report: `").Append(Code(report.Input)).Append("`\n\n");
        text.Append($"**{summary.Principals}** principal{Plural(summary.Principals)} in {summary.Projects} project{Plural(summary.Projects)}, ");
        text.Append($"**{summary.PrincipalsWithFindings}** with findings; **{summary.Findings}** finding{Plural(summary.Findings)}");
        if (summary.FindingsByRule.Count > 0)
        {
            text.Append(" (").Append(string.Join(", ", summary.FindingsByRule.Select(r => $"{r.Rule} ×{r.Count}"))).Append(')');
        }

        text.Append(".\n\n");
        text.Append($"- Delete-capable grants not needed: **{summary.DeleteCapableGrantsNotNeeded.Count}**");
        AppendGrants(text, report, summary.DeleteCapableGrantsNotNeeded, withReplacement: false);
        text.Append($"- Scopes to remove (no code uses them): **{summary.ScopesToRemove.Count}**");
        AppendGrants(text, report, summary.ScopesToRemove, withReplacement: false);
        text.Append($"- Scopes to narrow: **{summary.ScopesToNarrow.Count}**");
        AppendGrants(text, report, summary.ScopesToNarrow, withReplacement: true);
        text.Append('\n');

        if (report.Findings.Count == 0)
        {
            text.Append("No findings: every principal's grant is what its code uses and its features need.\n");
            return text.ToString();
        }

        text.Append("### Findings\n\n");
        text.Append("| Rule | Principal | Where | Message |\n|---|---|---|---|\n");
        foreach (var finding in report.Findings.Take(MaxFindings))
        {
            var principal = finding.Principal is null ? "—" : NameOf(report, finding.Principal);
            var where = finding.Location is { } l ? $"`{Code(l.Path)}:{l.Line}`" : "—";
            text.Append($"| [{finding.Rule}]({finding.HelpLink}) | {Cell(principal)} | {where} | {Cell(finding.Message)} |\n");
        }

        if (report.Findings.Count > MaxFindings)
        {
            text.Append($"\n… and {report.Findings.Count - MaxFindings} more findings in the HTML and JSON reports.\n");
        }

        var withFindings = report.Principals.Where(p => p.FindingRules.Count > 0).ToList();
        if (withFindings.Count > 0)
        {
            // The columns: every scope of the rows shown; when they are too many, those with a finding, at most
            // MaxMatrixColumns (the HTML has all).
            var shownRows = withFindings.Take(MaxMatrixRows).ToList();
            var scopes = shownRows.SelectMany(p => p.Cells.Select(c => c.Scope)).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (scopes.Count > MaxMatrixColumns)
            {
                scopes = shownRows.SelectMany(p => p.Cells.Where(c => c.Findings.Count > 0).Select(c => c.Scope)).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            }

            var omittedColumns = Math.Max(0, scopes.Count - MaxMatrixColumns);
            scopes = scopes.Take(MaxMatrixColumns).ToList();
            text.Append("\n### Principals with findings\n\n");
            text.Append(Marks.Legend).Append("; a rule ID marks a finding on that scope.");
            text.Append(omittedColumns > 0 ? $" Columns: the first {MaxMatrixColumns} scopes with a finding ({omittedColumns} more in the HTML report).\n\n" : "\n\n");
            text.Append("| Principal |");
            foreach (var scope in scopes)
            {
                text.Append(" `").Append(Code(scope)).Append("` |");
            }

            text.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", scopes.Count))).Append('\n');
            foreach (var principal in shownRows)
            {
                text.Append("| ").Append(Cell(principal.Name)).Append(" |");
                foreach (var scope in scopes)
                {
                    var cell = principal.Cells.FirstOrDefault(c => c.Scope == scope);
                    var marks = cell is null ? new List<string>() : Marks.Of(cell).ToList();
                    var shown = marks.Count == 0 ? "—" : string.Join(" ", marks);
                    if (cell is { Findings.Count: > 0 })
                    {
                        shown += " **" + string.Join(" ", cell.Findings) + "**";
                    }

                    text.Append(' ').Append(shown).Append(" |");
                }

                text.Append('\n');
            }

            if (withFindings.Count > MaxMatrixRows)
            {
                text.Append($"\n… and {withFindings.Count - MaxMatrixRows} more principals with findings in the HTML and JSON reports.\n");
            }
        }

        return text.ToString();
    }

    private static void AppendGrants(StringBuilder text, PermissionReport report, IReadOnlyList<GrantRef> grants, bool withReplacement)
    {
        if (grants.Count == 0)
        {
            text.Append('\n');
            return;
        }

        var shown = grants.Take(10).Select(g =>
        {
            var item = $"`{Code(g.Scope)}` of {Cell(NameOf(report, g.Principal))}";
            if (withReplacement && g.Replacement is { Count: > 0 } replacement)
            {
                item += " → " + string.Join(", ", replacement.Select(r => $"`{Code(r)}`"));
            }

            return item;
        });
        text.Append(": ").Append(string.Join("; ", shown));
        if (grants.Count > 10)
        {
            text.Append($"; … {grants.Count - 10} more");
        }

        text.Append('\n');
    }

    private static string NameOf(PermissionReport report, string fullName) =>
        report.Principals.FirstOrDefault(p => p.FullName == fullName)?.Name ?? ShortName(fullName);

    private static string ShortName(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return dot < 0 ? fullName : fullName.Substring(dot + 1);
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    /// <summary>Text inside a table cell: pipes, backslashes and markup characters escaped, one line.</summary>
    private static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Text inside backticks: a backtick cannot be escaped there, and a pipe would end the table cell.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace("|", "\\|").Replace('\n', ' ');
}
