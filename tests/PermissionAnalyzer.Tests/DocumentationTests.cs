using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Rules;
using Xunit;

namespace PermissionAnalyzer.Tests;

/// <summary>
/// Users land on the rule pages from the help link of a diagnostic: every descriptor of every analyzer must
/// link to its page on main, and that page must exist and agree with the descriptor.
/// </summary>
public class DocumentationTests
{
    private const string HelpLinkBase = "https://github.com/PermissionAnalyzer/PermissionAnalyzer/blob/main/docs/rules/";

    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public void AnalyzerAssembly_ContainsTheLiveAndTheAssemblyLevelAnalyzer()
    {
        var names = Analyzers().Select(a => a.GetType().Name).ToList();

        Assert.Contains(nameof(PrincipalAnalyzer), names);
        Assert.Contains(nameof(AssemblyPrincipalAnalyzer), names);
        Assert.Contains(nameof(DeclaredRequirementAnalyzer), names);
    }

    [Fact]
    public void EveryDescriptor_HelpLink_IsItsRulePageOnMain()
    {
        var wrong = AllDescriptors()
            .Where(d => d.Descriptor.HelpLinkUri != HelpLinkBase + d.Descriptor.Id + ".md")
            .Select(d => $"{d.Analyzer}: {d.Descriptor.Id} links to '{d.Descriptor.HelpLinkUri}'")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void EveryDescriptor_RulePage_ExistsInTheRepository()
    {
        var missing = AllDescriptors()
            .Select(d => d.Descriptor.Id)
            .Distinct()
            .Where(id => !File.Exists(RulePage(id)))
            .ToList();

        Assert.True(missing.Count == 0, "No page under docs/rules for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryDescriptor_IsARowOfTheReadmesRulesTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        var missing = AllDescriptors()
            .Select(d => d.Descriptor)
            .GroupBy(d => d.Id)
            .Select(g => g.First())
            .Select(d => $"| [{d.Id}](docs/rules/{d.Id}.md) | {d.Title} | {d.DefaultSeverity} |")
            .Where(row => !readme.Contains(row, StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "README's rules table lacks:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void EveryRuleIdentifier_HasADescriptorAndAPage()
    {
        var described = new HashSet<string>(AllDescriptors().Select(d => d.Descriptor.Id), StringComparer.Ordinal);
        var identifiers = typeof(RuleIdentifiers)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(identifiers);
        Assert.All(identifiers, id =>
        {
            Assert.Contains(id, described);
            Assert.True(File.Exists(RulePage(id)), $"docs/rules/{id}.md does not exist");
        });
    }

    [Fact]
    public void EveryRulePage_BelongsToARule()
    {
        var described = new HashSet<string>(AllDescriptors().Select(d => d.Descriptor.Id), StringComparer.Ordinal);
        var strays = Directory.GetFiles(Path.Combine(RepoRoot, "docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !described.Contains(name!))
            .ToList();

        Assert.True(strays.Count == 0, "Pages without a rule: " + string.Join(", ", strays));
    }

    [Fact]
    public void EveryRulePage_HeadingAndDefaultSeverity_MatchTheDescriptor()
    {
        var mismatches = new List<string>();
        foreach (var descriptor in AllDescriptors().Select(d => d.Descriptor).GroupBy(d => d.Id).Select(g => g.First()))
        {
            var page = File.ReadAllText(RulePage(descriptor.Id));
            var heading = $"# {descriptor.Id}: {descriptor.Title}";
            if (!page.StartsWith(heading + "\n", StringComparison.Ordinal) && !page.StartsWith(heading + "\r\n", StringComparison.Ordinal))
            {
                mismatches.Add($"{descriptor.Id}: the page does not start with '{heading}'");
            }

            var severity = Regex.Match(page, @"^\| Default severity \| \**(\w+)", RegexOptions.Multiline);
            if (!severity.Success || severity.Groups[1].Value != descriptor.DefaultSeverity.ToString())
            {
                mismatches.Add($"{descriptor.Id}: the page's default severity is not {descriptor.DefaultSeverity}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void RelativeLinks_InTheDocumentation_Resolve()
    {
        var pages = Directory.GetFiles(Path.Combine(RepoRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepoRoot, "README.md"))
            .Concat(Directory.GetFiles(Path.Combine(RepoRoot, "samples"), "README.md", SearchOption.AllDirectories))
            .Where(File.Exists);
        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match link in Regex.Matches(File.ReadAllText(page), @"\]\(([^)\s]+)\)"))
            {
                var target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#'))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target.Split('#')[0]));
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    broken.Add($"{Path.GetRelativePath(RepoRoot, page)}: {target}");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links: " + string.Join(Environment.NewLine, broken));
    }

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(PrincipalAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static IEnumerable<(string Analyzer, DiagnosticDescriptor Descriptor)> AllDescriptors() =>
        Analyzers().SelectMany(a => a.SupportedDiagnostics.Select(d => (a.GetType().Name, d)));

    private static string RulePage(string id) => Path.Combine(RepoRoot, "docs", "rules", id + ".md");

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PermissionAnalyzer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PermissionAnalyzer.sln not found above " + AppContext.BaseDirectory);
    }
}
