using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Rules;
using Xunit;

namespace PermissionAnalyzer.Tests.Catalog;

/// <summary>
/// The least cover and the grant verdicts on random catalogs (cycles included), used terms and grants: L covers
/// every used term, no scope of L implies another, L is U without a catalog, and no verdict lets a fix take away
/// the cover of a use ("Remove" on an unused or already-granted scope, "Replace" on a broader one).
/// </summary>
public class LeastCoverPropertyTests
{
    private static readonly string[] Universe = { "a", "b", "c", "d", "e", "f", "g" };

    [Fact]
    public void RandomCatalogsTermsAndGrants_KeepEveryInvariant()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 3000; round++)
        {
            var catalog = ScopeCatalog.FromImplications(RandomEdges(random, random.Next(0, 9)));
            var terms = Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomTerm(random)).Distinct().ToImmutableArray();
            var grants = Universe.Where(_ => random.Next(3) == 0).ToImmutableArray();
            var context = $"round {round}: edges [{string.Join(", ", catalog.Implications.Select(i => i.Scope + ">" + i.Implied))}], terms [{string.Join(", ", terms.Select(Term.Display))}], grants [{string.Join(", ", grants)}]";

            var least = LeastCover.Compute(terms, grants, catalog);
            foreach (var term in terms)
            {
                Assert.True(catalog.AnyCovers(least.Scopes, term), "L does not cover " + Term.Display(term) + " in " + context);
            }

            foreach (var a in least.Scopes)
            {
                Assert.DoesNotContain(least.Scopes, b => b != a && catalog.Implies(b, a));
            }

            var judge = new GrantJudge(grants, terms, catalog);
            var covered = terms.Where(t => catalog.AnyCovers(grants, t)).ToList();

            // "Narrow grant to what is used": the grant keeps UsedScopes and replaces each broader scope that has a replacement.
            var narrowed = grants.Where(g => judge.UsedScopes.Contains(g))
                .Concat(grants.SelectMany(g => judge.Judge(g) is { Broader: true, Replacement.IsDefaultOrEmpty: false } v ? v.Replacement : ImmutableArray<string>.Empty))
                .ToList();
            Assert.True(covered.All(t => catalog.AnyCovers(narrowed, t)), $"narrowing to [{string.Join(", ", narrowed)}] loses a use in {context}");
            foreach (var grant in grants)
            {
                var verdict = judge.Judge(grant);
                var without = grants.Where(g => g != grant).ToList();
                if (!verdict.Used && !verdict.Broader)
                {
                    // "Remove scope" is offered (unused, or already granted by a granted scope of L).
                    Assert.True(covered.All(t => catalog.AnyCovers(without, t)), $"removing {grant} loses a use in {context}");
                }

                if (verdict.Broader && !verdict.Replacement.IsDefaultOrEmpty)
                {
                    var replaced = without.Concat(verdict.Replacement).ToList();
                    Assert.True(covered.All(t => catalog.AnyCovers(replaced, t)), $"replacing {grant} loses a use in {context}");
                }
            }
        }
    }

    [Fact]
    public void WithoutCatalogOrAlternatives_LIsTheUsedScopes()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var used = Universe.Where(_ => random.Next(2) == 0).ToImmutableArray();
            var grants = Universe.Where(_ => random.Next(2) == 0).ToImmutableArray();
            var judge = new GrantJudge(grants, used, ScopeCatalog.Empty);

            Assert.Equal(used.OrderBy(s => s, StringComparer.Ordinal), judge.Least.Scopes);
            foreach (var grant in grants)
            {
                var verdict = judge.Judge(grant);
                Assert.Equal(used.Contains(grant), verdict.Used);
                Assert.False(verdict.Broader);
                Assert.Null(verdict.RedundantBy);
            }
        }
    }

    private static IEnumerable<(string, string)> RandomEdges(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return (Universe[random.Next(Universe.Length)], Universe[random.Next(Universe.Length)]);
        }
    }

    private static string RandomTerm(Random random) =>
        Term.Of(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Universe[random.Next(Universe.Length)]))!;
}
