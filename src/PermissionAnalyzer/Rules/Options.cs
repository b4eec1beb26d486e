using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>Reads <c>permission_analyzer.*</c> from .editorconfig / .globalconfig.</summary>
internal static class Options
{
    public static DestructiveWords DestructiveWordsFor(AnalyzerOptions options, IEnumerable<SyntaxReference> declarations)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        foreach (var declaration in declarations)
        {
            if (provider.GetOptions(declaration.SyntaxTree).TryGetValue(DestructiveWords.OptionKey, out var value))
            {
                return DestructiveWords.Parse(value);
            }
        }

        return provider.GlobalOptions.TryGetValue(DestructiveWords.OptionKey, out var global)
            ? DestructiveWords.Parse(global)
            : DestructiveWords.Default;
    }
}
