using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Tests.Infrastructure;

namespace PermissionAnalyzer.Tests.Sdks.Graph;

/// <summary>
/// Tests over the real Microsoft.Graph 6.10.0 and its dependencies, referenced as metadata: their netstandard2.0
/// assemblies from the NuGet cache (the harness compiles against .NET 8 reference assemblies).
/// </summary>
internal static class GraphTest
{
    public static readonly MetadataReference[] GraphReferences = new[]
        {
            typeof(Microsoft.Graph.GraphServiceClient).Assembly,
            typeof(Microsoft.Graph.Core.Requests.BatchRequestBuilder).Assembly,
            typeof(Microsoft.Kiota.Abstractions.BaseRequestBuilder).Assembly,
            typeof(Azure.Core.TokenCredential).Assembly,
            typeof(System.ClientModel.ClientResult).Assembly,
        }
        .Select(NetStandardCopy)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>A test whose sources reference Microsoft.Graph.</summary>
    public static AnalyzerTest Of(params string[] sources)
    {
        var test = Verify.Test(sources);
        foreach (var reference in GraphReferences)
        {
            test.WithReference(reference);
        }

        return test;
    }

    private static string NetStandardCopy(Assembly assembly)
    {
        var root = typeof(GraphTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var name = assembly.GetName().Name!;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var path = Path.Combine(root, name.ToLowerInvariant(), version, "lib", "netstandard2.0", name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("no netstandard2.0 copy of " + name, path);
    }
}
