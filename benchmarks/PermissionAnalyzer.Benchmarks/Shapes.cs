using System;
using System.Collections.Generic;
using System.Text;

namespace PermissionAnalyzer.Benchmarks;

/// <summary>The kinds of synthetic code the analyzers are measured on.</summary>
public enum Shape
{
    /// <summary>Ordinary code: the attributes are referenced (and imported) but nothing is annotated.</summary>
    Unannotated,

    /// <summary>Annotated APIs (a tenth of the files) called by many type principals (the rest).</summary>
    Annotated,

    /// <summary>One helper chain of ten methods per file (10,000 methods long at 1,000 files), ending in an annotated API; every tenth file holds a principal calling into it.</summary>
    DeepChain,

    /// <summary>One hub helper reaching 500 annotated APIs, called by every other file; every tenth file is a principal.</summary>
    FanOut,

    /// <summary>Principals split over ten partial files each, with a partial method across files.</summary>
    Partial,

    /// <summary>
    /// <see cref="Annotated"/> with the APIs' <c>[RequiresScope]</c> attributes replaced by an equivalent <c>ScopeMap.txt</c>
    /// (five <c>M:</c> lines per API class: 2,500 lines at 5,000 files): the principals are the same code.
    /// </summary>
    AnnotatedByMap,

    /// <summary>
    /// Like a real library: layered classes calling into lower layers (with small cycles), a tenth of them annotated APIs,
    /// and 36 principals (readers, writers, converters) entering at the top, so each reaches thousands of methods and
    /// their reachable sets overlap.
    /// </summary>
    RealLike,
}

/// <summary>One generated source file.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>What the generator knows it wrote; the calls and lines are counted from the text by <see cref="Workload"/>.</summary>
public sealed record GeneratedCode(Shape Shape, IReadOnlyList<SourceFile> Files, int Principals, bool ExpectsDiagnostics)
{
    /// <summary>The <c>ScopeMap.txt</c> the shape comes with, or null.</summary>
    public string? ScopeMap { get; init; }
}

/// <summary>
/// Writes the synthetic compilations. Each shape is deterministic for a given file count, so every run
/// and every analyzer sees the same code.
/// </summary>
public static class CodeGenerator
{
    public const int ChainLinksPerFile = 10;
    public const int FanOutApiClasses = 50;
    public const int FanOutMethodsPerApi = 10;
    public const int PartsPerPartialClass = 10;

    public static GeneratedCode Generate(Shape shape, int files) => shape switch
    {
        Shape.Unannotated => Unannotated(files),
        Shape.Annotated => Annotated(files, byMap: false),
        Shape.AnnotatedByMap => Annotated(files, byMap: true),
        Shape.DeepChain => DeepChain(files),
        Shape.FanOut => FanOut(files),
        Shape.Partial => Partial(files),
        Shape.RealLike => RealLike(files),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static GeneratedCode Unannotated(int files)
    {
        var sources = new List<SourceFile>(files);
        for (var i = 0; i < files; i++)
        {
            var w = new Writer();
            Header(w, $"Bench.Plain.G{i / 100}");
            w.Line($"public sealed class Service{i}");
            w.Open();
            OrdinaryMembers(w);
            if (i > 0)
            {
                w.Line($"public int Combine(Bench.Plain.G{(i - 1) / 100}.Service{i - 1} other)");
                w.Open();
                w.Line("other.Add(Count);");
                w.Line("return other.Sum() + Describe(\"s\").Length;");
                w.Close();
            }

            w.Close();
            sources.Add(new SourceFile($"Plain/Service{i}.cs", w.ToString()));
        }

        return new GeneratedCode(Shape.Unannotated, sources, Principals: 0, ExpectsDiagnostics: false);
    }

    private static GeneratedCode Annotated(int files, bool byMap)
    {
        var apis = Math.Max(10, files / 10);
        var sources = new List<SourceFile>(files);
        var map = new StringBuilder();
        for (var a = 0; a < apis; a++)
        {
            var w = new Writer();
            Header(w, "Bench.Apis");
            w.Line($"public static class Api{a}");
            w.Open();
            void Requires(string id, params string[] scopes)
            {
                // The same requirement either as the attribute on the method or as its line in the map.
                if (byMap)
                {
                    map.Append($"M:Bench.Apis.Api{a}.{id}; {string.Join(", ", scopes)}\n");
                }
                else
                {
                    w.Line($"[RequiresScope({string.Join(", ", Array.ConvertAll(scopes, s => $"\"{s}\""))})]");
                }
            }

            Requires("Read(System.String)", $"area{a}:read");
            w.Line("public static string Read(string id) => id.Trim();");
            Requires("Write(System.String,System.String)", $"area{a}:write");
            w.Line("public static void Write(string id, string text) { _ = id.Length + text.Length; }");
            Requires("Delete(System.String)", $"area{a}:delete");
            w.Line("public static void Delete(string id) { _ = id.Length; }");
            Requires("List(System.Int32)", $"area{a}:list");
            w.Line("public static int List(int page) => page * 2;");
            Requires("Search(System.String)", $"area{a}:read", $"area{a}:list");
            w.Line("public static int Search(string text) => text.Length;");
            w.Close();
            sources.Add(new SourceFile($"Apis/Api{a}.cs", w.ToString()));
        }

        var principals = files - apis;
        for (var p = 0; p < principals; p++)
        {
            var a = p % apis;
            var w = new Writer();
            Header(w, $"Bench.Partners.G{p / 100}");
            w.Line($"[GrantedScopes(\"area{a}:read\", \"area{a}:write\", \"area{a}:delete\")]");
            w.Line($"[FeatureNeeds(\"Sync\", \"area{a}:read\", \"area{a}:write\")]");
            w.Line($"public sealed class Partner{p}");
            w.Open();
            OrdinaryMembers(w);
            w.Line("public void Sync(string id)");
            w.Open();
            w.Line($"var text = Bench.Apis.Api{a}.Read(id);");
            w.Line($"Bench.Apis.Api{a}.Write(id, Describe(text));");
            w.Line("Add(Fetch(id).Length);");
            w.Close();
            w.Line($"private static string Fetch(string id) => Bench.Apis.Api{a}.Read(id) + id;");
            if (p % 7 == 0)
            {
                // Uses a scope it is not granted: PA0004 at the call.
                w.Line($"public int Browse() => Bench.Apis.Api{(a + 1) % apis}.List(Count);");
            }

            w.Close();
            sources.Add(new SourceFile($"Partners/Partner{p}.cs", w.ToString()));
        }

        return new GeneratedCode(byMap ? Shape.AnnotatedByMap : Shape.Annotated, sources, principals, ExpectsDiagnostics: true)
        {
            ScopeMap = byMap ? map.ToString() : null,
        };
    }

    private static GeneratedCode DeepChain(int files)
    {
        var chainFiles = files - 1;
        var sources = new List<SourceFile>(files);
        var principals = 0;
        for (var f = 0; f < chainFiles; f++)
        {
            var w = new Writer();
            Header(w, "Bench.Chain");
            w.Line($"public static class Chain{f}");
            w.Open();
            for (var j = 0; j < ChainLinksPerFile; j++)
            {
                var next = j + 1 < ChainLinksPerFile ? $"Step{j + 1}(y % 1000)"
                    : f + 1 < chainFiles ? $"Chain{f + 1}.Step0(y % 1000)"
                    : "ChainApi.Read(y)";
                w.Line($"public static int Step{j}(int x)");
                w.Open();
                w.Line("var y = x * 2 + 1;");
                w.Line($"return {next};");
                w.Close();
            }

            w.Close();
            if (f % 10 == 0)
            {
                // Granted a scope it does not use, and not granted the one the chain ends in: PA0003 and PA0004.
                principals++;
                w.Line("[GrantedScopes(\"chain:write\")]");
                w.Line($"public sealed class Caller{f}");
                w.Open();
                w.Line($"public int Run(int x) => Chain{f}.Step0(x);");
                w.Close();
            }

            sources.Add(new SourceFile($"Chain/Chain{f}.cs", w.ToString()));
        }

        var api = new Writer();
        Header(api, "Bench.Chain");
        api.Line("public static class ChainApi");
        api.Open();
        api.Line("[RequiresScope(\"chain:read\")]");
        api.Line("public static int Read(int x) => x;");
        api.Close();
        sources.Add(new SourceFile("Chain/ChainApi.cs", api.ToString()));

        return new GeneratedCode(Shape.DeepChain, sources, principals, ExpectsDiagnostics: true);
    }

    private static GeneratedCode FanOut(int files)
    {
        var sources = new List<SourceFile>(files);
        for (var a = 0; a < FanOutApiClasses; a++)
        {
            var w = new Writer();
            Header(w, "Bench.Fan");
            w.Line($"public static class FanApi{a}");
            w.Open();
            for (var m = 0; m < FanOutMethodsPerApi; m++)
            {
                w.Line($"[RequiresScope(\"fan{a}:op{m}\")]");
                w.Line($"public static int Op{m}(int x) => x + {m};");
            }

            w.Close();
            sources.Add(new SourceFile($"Fan/FanApi{a}.cs", w.ToString()));
        }

        var hub = new Writer();
        Header(hub, "Bench.Fan");
        hub.Line("public static class Hub");
        hub.Open();
        hub.Line("public static int All(int x)");
        hub.Open();
        hub.Line("var total = 0;");
        for (var a = 0; a < FanOutApiClasses; a++)
        {
            for (var m = 0; m < FanOutMethodsPerApi; m++)
            {
                hub.Line($"total += FanApi{a}.Op{m}(x);");
            }
        }

        hub.Line("return total;");
        hub.Close();
        hub.Close();
        sources.Add(new SourceFile("Fan/Hub.cs", hub.ToString()));

        var principals = 0;
        for (var f = 0; f < files - FanOutApiClasses - 1; f++)
        {
            var w = new Writer();
            Header(w, $"Bench.Fan.Clients.G{f / 100}");
            if (f % 10 == 0)
            {
                // A wildcard grant covers all 500 scopes: one PA0007 per principal, no use diagnostics.
                principals++;
                w.Line("[GrantedScopes(\"fan*\")]");
            }

            w.Line($"public sealed class Client{f}");
            w.Open();
            OrdinaryMembers(w);
            w.Line("public int Run() => Bench.Fan.Hub.All(Count) + Sum();");
            w.Close();
            sources.Add(new SourceFile($"Fan/Clients/Client{f}.cs", w.ToString()));
        }

        return new GeneratedCode(Shape.FanOut, sources, principals, ExpectsDiagnostics: true);
    }

    private static GeneratedCode Partial(int files)
    {
        const int apis = 10;
        var sources = new List<SourceFile>(files);
        for (var a = 0; a < apis; a++)
        {
            var w = new Writer();
            Header(w, "Bench.Accounts");
            w.Line($"public static class AccountApi{a}");
            w.Open();
            w.Line($"[RequiresScope(\"acct{a}:read\")]");
            w.Line("public static string Read(string id) => id.Trim();");
            w.Line($"[RequiresScope(\"acct{a}:write\")]");
            w.Line("public static void Write(string id, int value) { _ = id.Length + value; }");
            w.Line($"[RequiresScope(\"acct{a}:purge\")]");
            w.Line("public static void Purge(string id) { _ = id.Length; }");
            w.Close();
            sources.Add(new SourceFile($"Accounts/AccountApi{a}.cs", w.ToString()));
        }

        var classes = Math.Max(1, (files - apis) / PartsPerPartialClass);
        for (var c = 0; c < classes; c++)
        {
            var a = c % apis;
            for (var part = 0; part < PartsPerPartialClass; part++)
            {
                var w = new Writer();
                Header(w, $"Bench.Accounts.G{c / 100}");
                if (part == 0)
                {
                    // Granted a destructive scope no code uses: PA0002.
                    w.Line($"[GrantedScopes(\"acct{a}:read\", \"acct{a}:write\", \"acct{a}:purge\")]");
                }

                w.Line($"public sealed partial class Account{c}");
                w.Open();
                if (part == 0)
                {
                    w.Line("private readonly System.Collections.Generic.List<int> values = new System.Collections.Generic.List<int>();");
                    w.Line("partial void OnChanged(string id);");
                }

                w.Line($"public string Load{part}(string id)");
                w.Open();
                w.Line($"var text = Bench.Accounts.AccountApi{a}.Read(id + \"{part}\");");
                w.Line("OnChanged(text);");
                w.Line("return text.ToUpperInvariant();");
                w.Close();
                w.Line($"public void Store{part}(string id, int value)");
                w.Open();
                w.Line("values.Add(value);");
                w.Line($"Bench.Accounts.AccountApi{a}.Write(id, value * {part + 1});");
                w.Close();
                w.Line($"public int Total{part}()");
                w.Open();
                w.Line("var total = 0;");
                w.Line("foreach (var value in values)");
                w.Open();
                w.Line("total += System.Math.Max(value, 0);");
                w.Close();
                w.Line("return total;");
                w.Close();
                if (part == PartsPerPartialClass - 1)
                {
                    w.Line("partial void OnChanged(string id) => values.Add(id.Length);");
                }

                w.Close();
                sources.Add(new SourceFile($"Accounts/Account{c}.Part{part}.cs", w.ToString()));
            }
        }

        return new GeneratedCode(Shape.Partial, sources, classes, ExpectsDiagnostics: true);
    }

    /// <summary>
    /// A scope map of <paramref name="lines"/> lines for the parse benchmark, shaped like a vendor's map: eight
    /// tenths member entries (every fourth with an alternative), a tenth type entries, a tenth implications.
    /// </summary>
    public static string ScopeMapOfLines(int lines)
    {
        var map = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            var area = i / 10;
            switch (i % 10)
            {
                case 8:
                    map.Append($"T:Contoso.Vendor.Area{area}.Area{area}Client; area{area}:read\n");
                    break;
                case 9:
                    map.Append($"scope area{area}:readwrite implies area{area}:read, area{area}:write\n");
                    break;
                default:
                    var op = i % 10;
                    map.Append($"M:Contoso.Vendor.Area{area}.Area{area}Client.Operation{op}Async(System.String,System.Int32,System.Threading.CancellationToken); ");
                    map.Append(op % 4 == 0 ? $"area{area}:op{op} | area{area}:readwrite, area{area}:list\n" : $"area{area}:op{op}\n");
                    break;
            }
        }

        return map.ToString();
    }

    public const int RealLikePrincipals = 36;
    public const int RealLikeMethodsPerNode = 5;

    private static GeneratedCode RealLike(int files)
    {
        var nodes = files - RealLikePrincipals;
        var sources = new List<SourceFile>(files);
        for (var i = 0; i < nodes; i++)
        {
            var w = new Writer();
            Header(w, $"Bench.Lib.L{i / 100}");
            w.Line($"public sealed class Node{i}");
            w.Open();
            OrdinaryMembers(w);
            for (var k = 0; k < RealLikeMethodsPerNode; k++)
            {
                if (i % 10 == 0 && k == 0)
                {
                    // A tenth of the nodes are the library's annotated entry points to the platform (40 areas, five verbs).
                    w.Line($"[RequiresScope(\"area{i / 10 % 40}:{Verb(i / 400)}\")]");
                }

                w.Line($"public static int M{k}(int x)");
                w.Open();
                w.Line("var y = x * 3 + 1;");
                if (i > 0)
                {
                    // Calls into lower layers: the nearest node, one a little further, and one half-way down, as a
                    // reader calls its parser, buffers and converters; reachable sets grow large and overlap.
                    var near = i - 1 - ((i * 7 + k) % Math.Min(i, 20));
                    var far = i / 2;
                    w.Line($"if (y > {k}) y += Bench.Lib.L{near / 100}.Node{near}.M{(k + 1) % RealLikeMethodsPerNode}(y % 100);");
                    if (k % 2 == 0)
                    {
                        w.Line($"if (y > {k + 7}) y += Bench.Lib.L{far / 100}.Node{far}.M{(k + 2) % RealLikeMethodsPerNode}(y % 10);");
                    }
                }

                if (k == 3)
                {
                    // A small cycle inside the class, as mutual recursion in a real parser.
                    w.Line("if (x > 1000) y += M4(x / 2);");
                }
                else if (k == 4)
                {
                    w.Line("if (x > 1000) y += M3(x / 3);");
                }

                w.Line("return y;");
                w.Close();
            }

            w.Close();
            sources.Add(new SourceFile($"Lib/Node{i}.cs", w.ToString()));
        }

        for (var p = 0; p < RealLikePrincipals; p++)
        {
            var kind = (p % 3) switch { 0 => "Reader", 1 => "Writer", _ => "Converter" };
            var w = new Writer();
            Header(w, "Bench.Principals");
            w.Line($"[GrantedScopes(\"area{p}:read\", \"area{p}:write\", \"area{p}:delete\")]");
            w.Line($"[FeatureNeeds(\"{kind}\", \"area{p}:read\", \"area{p}:write\")]");
            w.Line($"public sealed class {kind}{p}");
            w.Open();
            OrdinaryMembers(w);
            for (var e = 0; e < 4; e++)
            {
                // Entries near the top of the library, each principal a different mix: large, overlapping reach.
                var target = nodes - 1 - ((p * 13 + e * 101) % Math.Max(1, nodes / 3));
                w.Line($"public int Run{e}(int x)");
                w.Open();
                w.Line("var y = x + Count;");
                w.Line($"y += Bench.Lib.L{target / 100}.Node{target}.M{e % RealLikeMethodsPerNode}(y);");
                w.Line("Add(y);");
                w.Line("return y;");
                w.Close();
            }

            w.Close();
            sources.Add(new SourceFile($"Principals/{kind}{p}.cs", w.ToString()));
        }

        return new GeneratedCode(Shape.RealLike, sources, RealLikePrincipals, ExpectsDiagnostics: true);

        static string Verb(int n) => (n % 5) switch { 0 => "read", 1 => "write", 2 => "list", 3 => "delete", _ => "send" };
    }

    private static void Header(Writer w, string ns)
    {
        w.Line("using System;");
        w.Line("using System.Collections.Generic;");
        w.Line("using System.Text;");
        w.Line("using PermissionAnalyzer;");
        w.Line();
        w.Line($"namespace {ns};");
        w.Line();
    }

    /// <summary>The body of ordinary code every shape's classes carry: fields, properties, loops, string building.</summary>
    private static void OrdinaryMembers(Writer w)
    {
        w.Line("private readonly List<int> values = new List<int>();");
        w.Line("private int total;");
        w.Line("public int Count => values.Count;");
        w.Line("public void Add(int value)");
        w.Open();
        w.Line("values.Add(value);");
        w.Line("total += value;");
        w.Close();
        w.Line("public int Sum()");
        w.Open();
        w.Line("var sum = 0;");
        w.Line("foreach (var value in values)");
        w.Open();
        w.Line("sum += Math.Abs(value);");
        w.Close();
        w.Line("return sum;");
        w.Close();
        w.Line("public string Describe(string prefix)");
        w.Open();
        w.Line("var builder = new StringBuilder(prefix);");
        w.Line("builder.Append(':').Append(Count).Append(',').Append(total);");
        w.Line("return builder.ToString().Trim();");
        w.Close();
    }

    private sealed class Writer
    {
        private readonly StringBuilder builder = new();
        private int depth;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                builder.Append(' ', depth * 4);
            }

            builder.Append(text).Append('\n');
        }

        public void Open()
        {
            Line("{");
            depth++;
        }

        public void Close()
        {
            depth--;
            Line("}");
        }

        public override string ToString() => builder.ToString();
    }
}
