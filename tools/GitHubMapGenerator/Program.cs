using System;
using System.IO;
using System.Text;
using GitHubMapGenerator;

// Usage: GitHubMapGenerator [data.json [output.txt]]; the defaults are the repository's paths, found upward
// from the working directory.
var root = FindRoot(Directory.GetCurrentDirectory());
var input = args.Length > 0 ? args[0] : Path.Combine(root, "data", "github", "server-to-server-permissions.json");
var output = args.Length > 1 ? args[1] : Path.Combine(root, "src", "PermissionAnalyzer", "Engine", "Sdks", "GitHub", "github-routes.txt");

var map = MapGenerator.Generate(File.ReadAllText(input));
File.WriteAllText(output, map, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
Console.WriteLine($"{output}: {map.Split('\n').Length - 1} lines");
return 0;

static string FindRoot(string directory)
{
    for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
    {
        if (File.Exists(Path.Combine(current.FullName, "PermissionAnalyzer.sln")))
        {
            return current.FullName;
        }
    }

    return directory;
}
