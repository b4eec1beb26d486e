#:package Octokit@14.0.0
// Writes a C# file whose principal calls N distinct Octokit client methods (through IGitHubClient's properties,
// as user code does), with typed default arguments so each call binds to one overload.
//   dotnet run GenerateCalls.cs -- <count> <output.cs>
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Octokit;

var count = int.Parse(args[0]);
var calls = new List<string>();
var seen = new HashSet<string>();
var queue = new Queue<(Type Type, string Path)>();
queue.Enqueue((typeof(IGitHubClient), "github"));
while (queue.Count > 0 && calls.Count < count)
{
    var (type, path) = queue.Dequeue();
    foreach (var property in type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
    {
        if (property.PropertyType.IsInterface && property.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal) && seen.Add(property.PropertyType.FullName!))
        {
            queue.Enqueue((property.PropertyType, path + "." + property.Name));
        }
    }

    foreach (var group in type.GetMethods().Where(m => !m.IsSpecialName && !m.IsGenericMethod && typeof(System.Threading.Tasks.Task).IsAssignableFrom(m.ReturnType)).GroupBy(m => m.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        // One overload per name, the one with the fewest parameters, whose parameter list no other overload shares.
        var method = group.OrderBy(m => m.GetParameters().Length).First();
        if (group.Count(m => m.GetParameters().Length == method.GetParameters().Length) > 1 || calls.Count >= count)
        {
            continue;
        }

        var arguments = string.Join(", ", method.GetParameters().Select(p => $"default({Name(p.ParameterType)})!"));
        calls.Add($"        await {path}.{method.Name}({arguments});");
    }
}

var source = new StringBuilder();
source.AppendLine("using System.Threading.Tasks;");
source.AppendLine("using Octokit;");
source.AppendLine("using PermissionAnalyzer;");
source.AppendLine();
source.AppendLine("[GrantedScopes(\"administration:write\", \"contents:write\", \"issues:write\")]");
source.AppendLine("public sealed class EveryCall");
source.AppendLine("{");
source.AppendLine("    public static async Task Run(IGitHubClient github)");
source.AppendLine("    {");
calls.ForEach(c => source.AppendLine(c));
source.AppendLine("    }");
source.AppendLine("}");
File.WriteAllText(args[1], source.ToString());
Console.WriteLine($"{calls.Count} calls written to {args[1]}");

static string Name(Type type)
{
    if (type.IsGenericType)
    {
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Nullable<>))
        {
            return Name(type.GetGenericArguments()[0]) + "?";
        }

        return "global::" + definition.FullName![..definition.FullName!.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }

    if (type.IsArray)
    {
        return Name(type.GetElementType()!) + "[]";
    }

    return "global::" + type.FullName!.Replace('+', '.');
}
