using System;
using System.Collections.Generic;
using System.Linq;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Report.Model;

namespace PermissionAnalyzer.Report.Analysis;

/// <summary>The summary on top of the report: counts, and the granted scopes a reviewer acts on.</summary>
internal sealed partial class ReportBuilder
{
    private ReportSummary Summarize(IReadOnlyList<PrincipalReport> orderedPrincipals, IReadOnlyList<Finding> orderedFindings)
    {
        var byRule = orderedFindings
            .GroupBy(f => f.Rule)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RuleCount(g.Key, g.First().Title, g.Count()))
            .ToList();

        var grantFindings = orderedFindings.Where(f => f.Principal is not null && f.Scope is not null).ToList();
        GrantReport? GrantOf(Finding f) => orderedPrincipals
            .Where(p => p.FullName == f.Principal)
            .SelectMany(p => p.Grants)
            .FirstOrDefault(g => g.Scope == f.Scope && g.Location == f.Location);

        var deleteCapable = new List<GrantRef>();
        var remove = new List<GrantRef>();
        var narrow = new List<GrantRef>();
        foreach (var finding in grantFindings)
        {
            if (GrantOf(finding) is not { } grant)
            {
                continue;
            }

            var principal = finding.Principal!;
            if (finding.Rule == RuleIdentifiers.DeleteAccessCreep)
            {
                deleteCapable.Add(new GrantRef(principal, grant.Scope, finding.Rule, grant.Location, grant.Replacement));
            }

            if (finding.Rule == RuleIdentifiers.WildcardGrant)
            {
                var covered = orderedPrincipals.First(p => p.FullName == principal).LeastCover.Where(s => Scopes.Covers(grant.Scope, s)).ToList();
                narrow.Add(new GrantRef(principal, grant.Scope, finding.Rule, grant.Location, covered));
            }
            else if (!grant.Used && !grant.BroaderThanNeeded || grant.RedundantBy is not null)
            {
                remove.Add(new GrantRef(principal, grant.Scope, finding.Rule, grant.Location, null));
            }
            else if (grant.BroaderThanNeeded)
            {
                narrow.Add(new GrantRef(principal, grant.Scope, finding.Rule, grant.Location, grant.Replacement));
            }
        }

        return new ReportSummary(
            projectsAnalyzed,
            orderedPrincipals.Count,
            orderedPrincipals.Count(p => p.FindingRules.Count > 0),
            orderedFindings.Count,
            byRule,
            deleteCapable,
            remove,
            narrow);
    }
}
