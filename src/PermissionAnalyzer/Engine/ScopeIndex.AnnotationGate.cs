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
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine.Sdks;

namespace PermissionAnalyzer.Engine;

// The annotation gate: whether to analyze a compilation at all, decided from source text and reference names before any binding.
internal sealed partial class ScopeIndex
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> AnalysisNeededCache = new();

    /// <summary>Whether a tree writes an attribute's name: trees are shared by the compilations of successive edits.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> WritesAnnotationNameCache = new();

    /// <summary>
    /// Whether anything can be reported at all, decided before any binding: the attributes must be visible,
    /// and source must write one of their names. Every diagnostic needs a principal (<c>GrantedScopes</c>,
    /// <c>FeatureNeeds</c>) or a <c>[RequiresScope]</c> in source, and source names an attribute it applies
    /// (directly, qualified, or through an alias whose declaration names it). When this is false the analyzers
    /// register nothing, and the driver then does not bind the compilation for them.
    /// </summary>
    public static bool AnalysisNeeded(Compilation compilation) =>
        AnalysisNeededCache.GetValue(compilation, c => new StrongBox<bool>(AnnotationsWrittenInSource(c) && AnnotationsVisible(c))).Value;

    /// <summary>
    /// Whether the boundary rules (PA0012, PA0013) have anything to judge: <see cref="AnalysisNeeded"/>, or a
    /// referenced assembly may declare requirements. The second case is a library of helpers that writes no
    /// attribute name but calls annotated APIs of a reference: exactly what PA0012 is about.
    /// </summary>
    public static bool BoundaryAnalysisNeeded(Compilation compilation) =>
        AnalysisNeeded(compilation) || ReferencesAnnotatedAssembly(compilation);

    /// <summary>
    /// Whether a referenced assembly may declare requirements (see <see cref="MayDeclareRequirements"/>).
    /// Decided from assembly identities and one metadata name lookup, before any binding.
    /// </summary>
    public static bool ReferencesAnnotatedAssembly(Compilation compilation)
    {
        var definers = AttributeDefiners(compilation);
        if (definers.Count == 0)
        {
            return false;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (MayDeclareRequirements(assembly, definers))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names of the referenced assemblies that define <c>PermissionAnalyzer.RequiresScopeAttribute</c>.</summary>
    private static HashSet<string> AttributeDefiners(Compilation compilation)
    {
        var definers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in compilation.GetTypesByMetadataName(AttributeNames.Namespace + "." + AttributeNames.RequiresScope))
        {
            if (type.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                definers.Add(assembly.Name);
            }
        }

        return definers;
    }

    /// <summary>Whether a syntax tree of the compilation writes one of the attributes' names (the text is searched; no binding).</summary>
    public static bool AnnotationsWrittenInSource(Compilation compilation)
    {
        if (compilation.Assembly.Modules.Skip(1).Any())
        {
            // Added modules bring assembly attributes of their own, written in no tree of this compilation.
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (WritesAnnotationNameCache.GetValue(tree, t => new StrongBox<bool>(WritesAnnotationName(t))).Value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WritesAnnotationName(SyntaxTree tree)
    {
        var search = TextSearch.Of(tree.GetText());
        if (search.WritesName)
        {
            return true;
        }

        if (!search.MayHaveUnicodeEscape)
        {
            return false;
        }

        // An identifier may spell a name with Unicode escapes: compare the identifiers' values.
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                foreach (var name in AttributeNames.SourceNames)
                {
                    if (token.ValueText.StartsWith(name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// One pass over a text in chunks of a small reused buffer (never the whole text as one string): whether it
    /// writes an attribute's name, and whether it may spell one with a Unicode escape (<c>\u</c>, <c>\U</c>).
    /// Consecutive chunks overlap by the longest name, so a name across a chunk boundary is found.
    /// </summary>
    private readonly struct TextSearch
    {
        private const int ChunkSize = 4096;

        private TextSearch(bool writesName, bool mayHaveUnicodeEscape)
        {
            WritesName = writesName;
            MayHaveUnicodeEscape = mayHaveUnicodeEscape;
        }

        public bool WritesName { get; }

        public bool MayHaveUnicodeEscape { get; }

        public static TextSearch Of(Microsoft.CodeAnalysis.Text.SourceText text)
        {
            var overlap = 0;
            foreach (var name in AttributeNames.SourceNames.Concat(GrantRequestReader.Names))
            {
                overlap = Math.Max(overlap, name.Length - 1);
            }

            var buffer = new char[ChunkSize + overlap];
            var escape = false;
            var kept = 0;
            for (var position = 0; position < text.Length;)
            {
                var count = Math.Min(ChunkSize, text.Length - position);
                text.CopyTo(position, buffer, kept, count);
                var length = kept + count;
                position += count;
                var chunk = new ReadOnlySpan<char>(buffer, 0, length);

                // Every name but FeatureNeeds contains "Scope": two searches decide for a chunk that writes none of them.
                if (chunk.IndexOf(AttributeNames.FeatureNeedsName.AsSpan()) >= 0)
                {
                    return new TextSearch(writesName: true, mayHaveUnicodeEscape: false);
                }

                // A grant request (GrantRequestReader.Names) is a grant as much as the attribute is.
                foreach (var name in GrantRequestReader.Names)
                {
                    if (chunk.IndexOf(name.AsSpan()) >= 0)
                    {
                        return new TextSearch(writesName: true, mayHaveUnicodeEscape: false);
                    }
                }

                if (chunk.IndexOf("Scope".AsSpan()) >= 0)
                {
                    foreach (var name in AttributeNames.SourceNames)
                    {
                        if (chunk.IndexOf(name.AsSpan()) >= 0)
                        {
                            return new TextSearch(writesName: true, mayHaveUnicodeEscape: false);
                        }
                    }
                }

                escape = escape || HasUnicodeEscape(chunk);
                kept = Math.Min(overlap, length);
                Array.Copy(buffer, length - kept, buffer, 0, kept);
            }

            return new TextSearch(writesName: false, escape);
        }

        private static bool HasUnicodeEscape(ReadOnlySpan<char> chunk)
        {
            for (var i = chunk.IndexOf('\\'); i >= 0 && i < chunk.Length - 1; i = NextBackslash(chunk, i + 1))
            {
                if (chunk[i + 1] is 'u' or 'U')
                {
                    return true;
                }
            }

            return false;
        }

        private static int NextBackslash(ReadOnlySpan<char> chunk, int from)
        {
            var next = chunk.Slice(from).IndexOf('\\');
            return next < 0 ? -1 : from + next;
        }
    }

    /// <summary>
    /// Whether the attributes are visible at all, decided before any binding by name in source and references.
    /// Without them nothing can be annotated, so nothing is registered.
    /// </summary>
    public static bool AnnotationsVisible(Compilation compilation)
    {
        foreach (var name in AttributeNames.MetadataNames)
        {
            if (compilation.GetTypesByMetadataName(name).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="AnalysisNeeded(Compilation)"/>, or the attributes are visible and a scope map is among the
    /// additional files: a map alone can declare requirements.
    /// </summary>
    public static bool AnalysisNeeded(Compilation compilation, AnalyzerOptions? options) =>
        AnalysisNeeded(compilation) || (ScopeMapSet.HasMapFiles(options) && AnnotationsVisible(compilation));
}
