using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// One place in a member's code that uses other members: a call, an access, a creation, a method group,
/// or an implicit call of the closed list (foreach, using, await, deconstruction, operators, base constructor).
/// </summary>
internal sealed class Site
{
    public Site(SyntaxNode node, ImmutableArray<SiteTarget> targets, bool isDynamic, bool fromInitializer)
    {
        Node = node;
        Targets = targets;
        IsDynamic = isDynamic;
        FromInitializer = fromInitializer;
    }

    /// <summary>Where a diagnostic about this use is reported.</summary>
    public SyntaxNode Node { get; }

    /// <summary>The member the compiler binds and, where the receiver rule applies, the receiver type's implementation.</summary>
    public ImmutableArray<SiteTarget> Targets { get; }

    /// <summary>A call through <c>dynamic</c>: what it reaches cannot be determined.</summary>
    public bool IsDynamic { get; }

    /// <summary>A field or property initializer folded into a constructor's facts.</summary>
    public bool FromInitializer { get; }
}

/// <summary>
/// A member a site uses. Its declared requirement always counts; its body is followed only when it is the
/// code that runs for the receiver (a bound virtual member whose receiver type overrides it is not followed).
/// </summary>
internal readonly struct SiteTarget
{
    public SiteTarget(ISymbol symbol, bool followsBody)
    {
        Symbol = symbol;
        FollowsBody = followsBody;
    }

    public ISymbol Symbol { get; }

    /// <summary>Whether the body that runs is this member's own (when it has one the engine can follow).</summary>
    public bool FollowsBody { get; }
}
