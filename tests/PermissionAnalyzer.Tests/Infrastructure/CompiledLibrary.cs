using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace PermissionAnalyzer.Tests.Infrastructure;

/// <summary>
/// Compiles a small library against .NET 8 and the package's attributes and hands it to a test as a
/// metadata reference: its <c>[RequiresScope]</c> declarations are visible, its bodies are not.
/// </summary>
public static class CompiledLibrary
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Framework = new(
        () => ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task<MetadataReference> FromSourceAsync(string source, string assemblyName = "PartnerSdk")
    {
        var references = (await Framework.Value).Add(AnalyzerTest.AnnotationsReference);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("The library does not compile:\n" + string.Join("\n", errors));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
