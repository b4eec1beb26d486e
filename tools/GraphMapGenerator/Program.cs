using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace GraphMapGenerator;

/// <summary>
/// Writes the built-in Microsoft Graph map. Usage (from the repository root):
/// <c>dotnet run --project tools/GraphMapGenerator -c Release [-- --out FILE] [--report FILE]</c>.
/// Default output: src/PermissionAnalyzer/Engine/Sdks/Graph/graph-map.txt.gz (gzip; a FILE not ending in .gz is written as text). --report writes one line per method
/// (builder, method, verb, template, rule, delegated, application) for review.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var root = FindRoot();
        var output = Option(args, "--out") ?? Path.Combine(root, "src/PermissionAnalyzer/Engine/Sdks/Graph/graph-map.txt.gz");
        var report = Option(args, "--report");
        var assembly = Option(args, "--graph")
            ?? typeof(Program).Assembly.GetCustomAttributes(typeof(GraphAssemblyPathAttribute), false).Cast<GraphAssemblyPathAttribute>().Single().Path;
        var watch = Stopwatch.StartNew();
        var kiota = Option(args, "--kiota")
            ?? typeof(Program).Assembly.GetCustomAttributes(typeof(KiotaAssemblyPathAttribute), false).Cast<KiotaAssemblyPathAttribute>().Single().Path;
        var builders = SdkReader.Read(assembly, SdkReader.ReadVerbs(kiota));
        var data = PermissionData.Load(Path.Combine(root, "data/graph/permissions.json"));
        var map = new MapBuilder(data, builders);
        var entries = map.Entries(builders);
        var version = System.Reflection.AssemblyName.GetAssemblyName(assembly).Version;
        var text = map.Write(entries, $"Microsoft.Graph {version?.ToString(3)}");
        if (output.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(output);
            using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.SmallestSize);
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }
        else
        {
            File.WriteAllText(output, text);
        }

        foreach (var line in MapBuilder.Coverage(entries))
        {
            Console.WriteLine(line);
        }

        if (report is not null)
        {
            File.WriteAllLines(report, entries.Select(e => string.Join('\t', e.Builder.TypeName, e.Method.Name, e.Method.Verb ?? "-",
                PathMatcher.TemplatePath(e.Builder.UrlTemplate), e.Rule?.ToString() ?? "undetermined",
                e.Delegated is null ? "?" : string.Join(' ', e.Delegated), e.Application is null ? "?" : string.Join(' ', e.Application))));
            File.WriteAllLines(report + ".least.txt", map.Differences);
        }

        Console.WriteLine("first-ranked delegated permission against the data's least marks: "
            + string.Join(", ", map.LeastAgreement.Select(p => $"{p.Key} {p.Value}")));
        Console.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes) in {watch.ElapsedMilliseconds} ms");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PermissionAnalyzer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}

/// <summary>Where the restored Microsoft.Kiota.Abstractions assembly is (its <c>Method</c> enum numbers the verbs).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class KiotaAssemblyPathAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

/// <summary>Where the restored Microsoft.Graph assembly is (set by the project from the NuGet cache).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class GraphAssemblyPathAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
