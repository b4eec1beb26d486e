using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.Engine.Sdks;

namespace PermissionAnalyzer.Engine;

// Fault injection, test-only: read once when an index is made; the walks read plain flags, never the table.
internal sealed partial class ScopeIndex
{
    /// <summary>
    /// Test-only: faults injected into the engine for compilations of the given assembly name, so the
    /// project's differential tests can prove that they notice a broken engine. Nothing else sets it.
    /// </summary>
    internal static readonly ConcurrentDictionary<string, EngineFaults> FaultsForTesting = new(StringComparer.Ordinal);

    /// <summary>Test-only faults in force for this compilation; see <see cref="FaultsForTesting"/>.</summary>
    internal EngineFaults Faults { get; }
}

/// <summary>Kinds of use a test can tell the engine to ignore (<see cref="ScopeIndex.FaultsForTesting"/>).</summary>
[Flags]
internal enum EngineFaults
{
    None = 0,
    IgnoreMethodGroups = 1,
    IgnoreOverriddenRequirements = 2,

    /// <summary>A deconstructing assignment into a property counts its getter instead of its setter.</summary>
    ReadDeconstructionTargets = 4,

    /// <summary>A grant or need covers a term only by equality or a wildcard, never through an implication of the catalog.</summary>
    IgnoreImplications = 8,
}
