using System.Collections.Generic;

namespace PermissionAnalyzer.Report.Model;

// The report as data: what the JSON writes (docs/report-schema.json describes it) and what the Markdown and HTML
// show. Every list is in a fixed order (see ReportBuilder) so two reports of the same code are equal byte for byte.

/// <summary>A place in a file, relative to the report's root, with '/' separators; line and column from 1.</summary>
internal sealed record SourceLocation(string Path, int Line, int Column);

internal sealed record PermissionReport(
    int FormatVersion,
    string Input,
    ReportSummary Summary,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<PrincipalReport> Principals,
    IReadOnlyList<Finding> Findings);

internal sealed record ReportSummary(
    int Projects,
    int Principals,
    int PrincipalsWithFindings,
    int Findings,
    IReadOnlyList<RuleCount> FindingsByRule,
    IReadOnlyList<GrantRef> DeleteCapableGrantsNotNeeded,
    IReadOnlyList<GrantRef> ScopesToRemove,
    IReadOnlyList<GrantRef> ScopesToNarrow);

internal sealed record RuleCount(string Rule, string Title, int Count);

/// <summary>A granted scope of a principal that a finding is about; <see cref="Replacement"/> for one broader than needed.</summary>
internal sealed record GrantRef(string Principal, string Scope, string Rule, SourceLocation? Location, IReadOnlyList<string>? Replacement);

internal sealed record PrincipalReport(
    string Name,
    string Kind,
    string FullName,
    string Project,
    SourceLocation? Location,
    IReadOnlyList<GrantReport> Grants,
    IReadOnlyList<FeatureReport> Features,
    IReadOnlyList<string> LeastCover,
    IReadOnlyList<UsedTerm> Uses,
    IReadOnlyList<UseSite> UndeterminedUses,
    IReadOnlyList<MatrixCell> Cells,
    IReadOnlyList<string> FindingRules);

internal sealed record GrantReport(
    string Scope,
    bool Wildcard,
    bool Destructive,
    bool Needed,
    bool Used,
    bool BroaderThanNeeded,
    string? RedundantBy,
    IReadOnlyList<string>? Replacement,
    SourceLocation? Location);

internal sealed record FeatureReport(string Name, IReadOnlyList<string> Scopes);

/// <summary>A used term: one scope, or alternatives of which L takes <see cref="Chosen"/>; every site that uses it.</summary>
internal sealed record UsedTerm(string Term, IReadOnlyList<string> Alternatives, string Chosen, bool Granted, bool Needed, IReadOnlyList<UseSite> Sites);

/// <summary>The last hop inside the principal (<see cref="Member"/> at <see cref="Location"/>) and the chain from it to the API.</summary>
internal sealed record UseSite(string Member, SourceLocation? Location, IReadOnlyList<ChainHop> Chain);

/// <summary>One member of an evidence chain; <see cref="Location"/> is null for a member of a referenced assembly.</summary>
internal sealed record ChainHop(string Member, SourceLocation? Location);

/// <summary>One cell of the principals × scopes matrix.</summary>
internal sealed record MatrixCell(
    string Scope,
    bool Granted,
    bool Needed,
    bool Used,
    bool BroaderThanNeeded,
    bool Destructive,
    IReadOnlyList<string> Findings);

internal sealed record Finding(
    string Rule,
    string Severity,
    string Title,
    string Message,
    string? Principal,
    string? Scope,
    SourceLocation? Location,
    IReadOnlyList<SourceLocation> AdditionalLocations,
    string HelpLink);
