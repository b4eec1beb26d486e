using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using PermissionAnalyzer.Report.Model;

namespace PermissionAnalyzer.Report.Writers;

/// <summary>
/// The report as one self-contained HTML file: its style and script are inline, it loads nothing. Every text
/// from the code (names, scopes, messages, paths) is HTML-encoded, and the script reads only the DOM, so nothing
/// from the code ever reaches a script as code.
/// </summary>
internal static class HtmlReport
{
    public static string Write(PermissionReport report)
    {
        var html = new StringBuilder();
        var summary = report.Summary;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No network: everything the page needs is inline, and the policy forbids anything else.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        html.Append("<title>Permission report: ").Append(E(report.Input)).Append("</title>\n");
        html.Append("<style>\n").Append(Resource("report.css")).Append("</style>\n</head>\n<body data-report-ready=\"false\">\n");
        html.Append("<header><h1>Permission report</h1><p class=\"input\"><code>").Append(E(report.Input)).Append("</code></p></header>\n");

        // Summary.
        html.Append("<section id=\"summary\" aria-label=\"Summary\">\n<div class=\"cards\">\n");
        Card(html, "principals", summary.Principals, $"principal{Plural(summary.Principals)} in {summary.Projects} project{Plural(summary.Projects)}", false);
        Card(html, "with-findings", summary.PrincipalsWithFindings, "with findings", summary.PrincipalsWithFindings > 0);
        Card(html, "findings", summary.Findings, $"finding{Plural(summary.Findings)}", summary.Findings > 0);
        Card(html, "delete-not-needed", summary.DeleteCapableGrantsNotNeeded.Count, "delete-capable grants not needed", summary.DeleteCapableGrantsNotNeeded.Count > 0);
        Card(html, "to-remove", summary.ScopesToRemove.Count, "scopes to remove", summary.ScopesToRemove.Count > 0);
        Card(html, "to-narrow", summary.ScopesToNarrow.Count, "scopes to narrow", summary.ScopesToNarrow.Count > 0);
        html.Append("</div>\n");
        if (summary.FindingsByRule.Count > 0)
        {
            html.Append("<p class=\"by-rule\">");
            html.Append(string.Join(" · ", summary.FindingsByRule.Select(r => $"<a href=\"{E(HelpLinkOf(report, r.Rule))}\">{E(r.Rule)}</a> {E(r.Title)} ×{r.Count}")));
            html.Append("</p>\n");
        }

        GrantList(html, report, "Delete-capable grants not needed", "list-delete", summary.DeleteCapableGrantsNotNeeded, false);
        GrantList(html, report, "Scopes to remove (no code uses them)", "list-remove", summary.ScopesToRemove, false);
        GrantList(html, report, "Scopes to narrow", "list-narrow", summary.ScopesToNarrow, true);
        html.Append("</section>\n");

        // Controls.
        html.Append("<section id=\"controls\" aria-label=\"Filter\">\n");
        html.Append("<label>Filter <input id=\"filter\" type=\"search\" placeholder=\"principal, scope, rule, file…\" autocomplete=\"off\"></label>\n");
        html.Append("<label><input id=\"only-findings\" type=\"checkbox\"> only principals with findings</label>\n");
        html.Append("<label><input id=\"only-destructive\" type=\"checkbox\"> only destructive scopes</label>\n");
        html.Append("<span id=\"shown-count\" aria-live=\"polite\"></span>\n</section>\n");

        Matrix(html, report);
        Findings(html, report);

        html.Append("<section id=\"principals\" aria-label=\"Principals\">\n<h2>Principals</h2>\n");
        foreach (var principal in report.Principals)
        {
            Principal(html, report, principal);
        }

        html.Append("</section>\n");
        html.Append("<pre id=\"script-errors\" hidden></pre>\n");
        html.Append("<script>\n").Append(Resource("report.js")).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string id, int count, string label, bool alarm)
    {
        html.Append($"<div class=\"card{(alarm ? " alarm" : string.Empty)}\" id=\"card-{id}\"><span class=\"count\">{count}</span> <span class=\"label\">{E(label)}</span></div>\n");
    }

    private static void GrantList(StringBuilder html, PermissionReport report, string title, string id, IReadOnlyList<GrantRef> grants, bool withReplacement)
    {
        if (grants.Count == 0)
        {
            return;
        }

        html.Append($"<details open id=\"{id}\"><summary>{E(title)} ({grants.Count})</summary><ul>\n");
        foreach (var grant in grants)
        {
            html.Append("<li><code class=\"scope\">").Append(E(grant.Scope)).Append("</code> of <a href=\"#").Append(E(Anchor(grant.Principal))).Append("\">")
                .Append(E(NameOf(report, grant.Principal))).Append("</a> (").Append(E(grant.Rule)).Append(')');
            if (withReplacement && grant.Replacement is { Count: > 0 } replacement)
            {
                html.Append(": replace with ").Append(string.Join(", ", replacement.Select(r => "<code class=\"scope\">" + E(r) + "</code>")));
            }

            if (grant.Location is { } location)
            {
                html.Append(" at ").Append(Where(location));
            }

            html.Append("</li>\n");
        }

        html.Append("</ul></details>\n");
    }

    private static void Matrix(StringBuilder html, PermissionReport report)
    {
        var destructive = new HashSet<string>(report.Principals.SelectMany(p => p.Cells).Where(c => c.Destructive).Select(c => c.Scope), StringComparer.Ordinal);
        html.Append("<section id=\"matrix-section\" aria-label=\"Matrix\">\n<h2>Principals × scopes</h2>\n");
        html.Append("<p class=\"legend\">").Append(E(Marks.Legend)).Append("; a rule ID marks a finding on that scope. Click a column header to sort.</p>\n");
        html.Append("<div class=\"scroll\"><table id=\"matrix\" class=\"sortable\">\n<thead><tr>");
        html.Append("<th scope=\"col\" data-sort=\"text\">Principal</th><th scope=\"col\" data-sort=\"text\">Project</th><th scope=\"col\" data-sort=\"number\">Findings</th>");
        foreach (var scope in report.Scopes)
        {
            var isDestructive = destructive.Contains(scope);
            html.Append($"<th scope=\"col\" data-sort=\"cell\" data-scope=\"{E(scope)}\"{(isDestructive ? " class=\"destructive\" data-destructive=\"true\"" : string.Empty)}>")
                .Append("<code>").Append(E(scope)).Append("</code>").Append(isDestructive ? " <span class=\"mark\">D</span>" : string.Empty).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var principal in report.Principals)
        {
            var findingCount = report.Findings.Count(f => f.Principal == principal.FullName);
            // The row's scopes and rules, so the filter finds a principal by them though its cells show only marks.
            var keywords = string.Join(" ", principal.Cells.Select(c => c.Scope).Concat(principal.FindingRules));
            html.Append($"<tr class=\"principal-row\" data-principal=\"{E(principal.FullName)}\" data-findings=\"{findingCount}\" data-keywords=\"{E(keywords)}\">");
            html.Append("<th scope=\"row\"><a href=\"#").Append(E(Anchor(principal.FullName))).Append("\">").Append(E(principal.Name)).Append("</a>")
                .Append(principal.Kind == "assembly" ? " <span class=\"kind\">(assembly)</span>" : string.Empty).Append("</th>");
            html.Append("<td>").Append(E(principal.Project)).Append("</td>");
            html.Append($"<td class=\"count{(findingCount > 0 ? " has-findings" : string.Empty)}\">{findingCount}</td>");
            foreach (var scope in report.Scopes)
            {
                var cell = principal.Cells.FirstOrDefault(c => c.Scope == scope);
                if (cell is null)
                {
                    // Most cells of a large solution are empty: kept small (the dash comes from the style sheet).
                    html.Append("<td class=\"n\"></td>");
                    continue;
                }

                var marks = Marks.Of(cell).ToList();
                var classes = new List<string> { "cell" };
                if (cell.Granted)
                {
                    classes.Add(cell.Used ? "granted-used" : "granted-unused");
                }
                else if (cell.Used)
                {
                    classes.Add("used-ungranted");
                }
                else if (cell.Needed)
                {
                    classes.Add("needed-only");
                }

                if (cell.BroaderThanNeeded)
                {
                    classes.Add("broader");
                }

                if (cell.Destructive && cell.Granted)
                {
                    classes.Add("destructive");
                }

                if (cell.Findings.Count > 0)
                {
                    classes.Add("finding");
                }

                var rank = (cell.Findings.Count > 0 ? 8 : 0) + (cell.Destructive && cell.Granted ? 4 : 0) + (cell.Granted ? 2 : 0) + (cell.Used ? 1 : 0);
                var title = string.Join(", ", new[]
                {
                    cell.Granted ? "granted" : "not granted",
                    cell.Needed ? "needed by a feature" : null,
                    cell.Used ? "used" : null,
                    cell.BroaderThanNeeded ? "broader than needed" : null,
                    cell.Destructive ? "destructive" : null,
                }.Where(s => s is not null));
                html.Append($"<td class=\"{string.Join(" ", classes)}\" data-rank=\"{rank}\" title=\"{E(title)}\">");
                html.Append("<span class=\"marks\">").Append(E(marks.Count == 0 ? "—" : string.Join(" ", marks))).Append("</span>");
                foreach (var rule in cell.Findings)
                {
                    html.Append(" <span class=\"rule\">").Append(E(rule)).Append("</span>");
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Findings(StringBuilder html, PermissionReport report)
    {
        html.Append("<section id=\"findings-section\" aria-label=\"Findings\">\n<h2>Findings</h2>\n");
        if (report.Findings.Count == 0)
        {
            html.Append("<p id=\"no-findings\">No findings: every principal's grant is what its code uses and its features need.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"scroll\"><table id=\"findings\" class=\"sortable\">\n<thead><tr>");
        html.Append("<th scope=\"col\" data-sort=\"text\">Rule</th><th scope=\"col\" data-sort=\"text\">Severity</th><th scope=\"col\" data-sort=\"text\">Principal</th><th scope=\"col\" data-sort=\"text\">Scope</th><th scope=\"col\" data-sort=\"text\">Where</th><th scope=\"col\" data-sort=\"text\">Message</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var finding in report.Findings)
        {
            html.Append($"<tr class=\"finding-row severity-{E(finding.Severity)}\" data-rule=\"{E(finding.Rule)}\" data-principal=\"{E(finding.Principal ?? string.Empty)}\">");
            html.Append("<td><a href=\"").Append(E(finding.HelpLink)).Append("\">").Append(E(finding.Rule)).Append("</a></td>");
            html.Append("<td><span class=\"severity\">").Append(E(finding.Severity)).Append("</span></td>");
            html.Append("<td>");
            if (finding.Principal is { } principal)
            {
                html.Append("<a href=\"#").Append(E(Anchor(principal))).Append("\">").Append(E(NameOf(report, principal))).Append("</a>");
            }
            else
            {
                html.Append('—');
            }

            html.Append("</td><td>").Append(finding.Scope is null ? "—" : "<code class=\"scope\">" + E(finding.Scope) + "</code>").Append("</td>");
            html.Append("<td>").Append(finding.Location is { } location ? Where(location) : "—").Append("</td>");
            html.Append("<td class=\"message\">").Append(E(finding.Message)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Principal(StringBuilder html, PermissionReport report, PrincipalReport principal)
    {
        var own = report.Findings.Where(f => f.Principal == principal.FullName).ToList();
        html.Append($"<article class=\"principal\" id=\"{E(Anchor(principal.FullName))}\" data-principal=\"{E(principal.FullName)}\" data-findings=\"{own.Count}\">\n");
        html.Append("<h3>").Append(E(principal.Name)).Append(" <span class=\"kind\">").Append(E(principal.Kind)).Append(" principal")
            .Append(principal.Kind == "type" ? " <code>" + E(principal.FullName) + "</code>" : string.Empty).Append(", project ").Append(E(principal.Project)).Append("</span></h3>\n");
        if (principal.Location is { } declared)
        {
            html.Append("<p class=\"declared\">Declared at ").Append(Where(declared)).Append("</p>\n");
        }

        html.Append("<table class=\"grants\"><thead><tr><th scope=\"col\">Granted scope</th><th scope=\"col\">Marks</th><th scope=\"col\">Verdict</th><th scope=\"col\">Where</th></tr></thead><tbody>\n");
        if (principal.Grants.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\">granted nothing</td></tr>\n");
        }

        foreach (var grant in principal.Grants)
        {
            var marks = new List<string> { "G" };
            if (grant.Needed)
            {
                marks.Add("N");
            }

            if (grant.Used)
            {
                marks.Add("U");
            }

            if (grant.BroaderThanNeeded)
            {
                marks.Add("B");
            }

            if (grant.Destructive)
            {
                marks.Add("D");
            }

            var rules = own.Where(f => f.Scope == grant.Scope && f.Location == grant.Location).Select(f => f.Rule).ToList();
            var verdict = rules.Count > 0 ? string.Join(", ", rules) : "as needed";
            if (grant.RedundantBy is not null)
            {
                verdict += $" (already granted by '{grant.RedundantBy}')";
            }
            else if (grant.Replacement is { Count: > 0 } replacement)
            {
                verdict += $" (replace with {string.Join(", ", replacement.Select(r => "'" + r + "'"))})";
            }

            html.Append($"<tr class=\"{(grant.Destructive ? "destructive " : string.Empty)}{(rules.Count > 0 ? "finding" : "ok")}\"><td><code class=\"scope\">").Append(E(grant.Scope)).Append("</code></td>");
            html.Append("<td class=\"marks\">").Append(E(string.Join(" ", marks))).Append("</td><td>").Append(E(verdict)).Append("</td><td>")
                .Append(grant.Location is { } location ? Where(location) : "—").Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");

        html.Append("<p class=\"features\"><strong>Features:</strong> ");
        html.Append(principal.Features.Count == 0
            ? "none declared"
            : string.Join("; ", principal.Features.Select(f => "“" + E(f.Name) + "” needs " + (f.Scopes.Count == 0 ? "nothing" : string.Join(", ", f.Scopes.Select(s => "<code class=\"scope\">" + E(s) + "</code>"))))));
        html.Append("</p>\n<p class=\"least\"><strong>Least cover L</strong> (what the code needs granted): ");
        html.Append(principal.LeastCover.Count == 0 ? "nothing" : string.Join(", ", principal.LeastCover.Select(s => "<code class=\"scope\">" + E(s) + "</code>")));
        html.Append("</p>\n");

        if (principal.Uses.Count > 0 || principal.UndeterminedUses.Count > 0)
        {
            html.Append("<h4>Evidence: every use</h4>\n<ul class=\"uses\">\n");
            foreach (var term in principal.Uses)
            {
                html.Append("<li class=\"term\"><code class=\"scope\">").Append(E(term.Term)).Append("</code>");
                if (term.Alternatives.Count > 1)
                {
                    html.Append(" (L takes <code class=\"scope\">").Append(E(term.Chosen)).Append("</code>)");
                }

                html.Append(term.Granted ? " granted" : " <strong class=\"bad\">not granted</strong>");
                html.Append(term.Needed ? ", needed by a feature" : principal.Features.Count > 0 ? ", <strong class=\"bad\">no feature needs it</strong>" : string.Empty);
                Sites(html, term.Sites);
                html.Append("</li>\n");
            }

            if (principal.UndeterminedUses.Count > 0)
            {
                html.Append("<li class=\"term\"><strong>undetermined</strong> (dynamic or reflection: the uses may be incomplete)");
                Sites(html, principal.UndeterminedUses);
                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
        else
        {
            html.Append("<p class=\"no-uses\">Its code uses no scope.</p>\n");
        }

        html.Append("</article>\n");
    }

    private static void Sites(StringBuilder html, IReadOnlyList<UseSite> sites)
    {
        html.Append("<ol class=\"sites\">\n");
        foreach (var site in sites)
        {
            html.Append("<li><span class=\"member\">").Append(E(site.Member)).Append("</span>");
            if (site.Location is { } location)
            {
                html.Append(" at ").Append(Where(location));
            }

            html.Append("<ol class=\"chain\">");
            foreach (var hop in site.Chain)
            {
                html.Append("<li>→ <span class=\"member\">").Append(E(hop.Member)).Append("</span>");
                if (hop.Location is { } hopLocation)
                {
                    html.Append(" <span class=\"at\">(").Append(Where(hopLocation)).Append(")</span>");
                }
                else if (!hop.Member.StartsWith('…') && hop.Member != "a dynamic call")
                {
                    html.Append(" <span class=\"at\">(referenced assembly)</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ol></li>\n");
        }

        html.Append("</ol>\n");
    }

    /// <summary>A file and line, linked to the file (relative to the report's root).</summary>
    private static string Where(SourceLocation location) =>
        $"<a class=\"where\" href=\"{E(Href(location.Path))}\">{E(location.Path)}:{location.Line}</a>";

    private static string Href(string path) =>
        string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static string Anchor(string fullName)
    {
        var text = new StringBuilder("principal-");
        foreach (var c in fullName)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return text.ToString();
    }

    private static string NameOf(PermissionReport report, string fullName) =>
        report.Principals.FirstOrDefault(p => p.FullName == fullName)?.Name ?? fullName;

    private static string HelpLinkOf(PermissionReport report, string rule) =>
        report.Findings.FirstOrDefault(f => f.Rule == rule)?.HelpLink ?? string.Empty;

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
