using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PermissionAnalyzer.TrustTests.Differential;

/// <summary>
/// Prints a <see cref="ProgramModel"/> to C#: the compilation's source and the source of a library that is
/// compiled and referenced as metadata. While printing it records the span of every use site and every
/// scope argument, which is where the reference model expects diagnostics.
/// </summary>
public sealed class ProgramPrinter
{
    private readonly ProgramModel model;
    private readonly StringBuilder text = new();
    private readonly bool metadata;
    private int counter;
    private int indent;

    private ProgramPrinter(ProgramModel model, bool metadata)
    {
        this.model = model;
        this.metadata = metadata;
    }

    /// <summary>All scope strings the generator may write, each with a constant in class <c>K</c>.</summary>
    public static IReadOnlyList<string> Constants => ProgramGen.AllScopeStrings;

    public static void Print(ProgramModel model)
    {
        var library = new ProgramPrinter(model, metadata: true);
        library.PrintUnit();
        model.LibrarySource = library.text.ToString();

        var main = new ProgramPrinter(model, metadata: false);
        main.PrintUnit();
        model.Source = main.text.ToString();
        model.MapText = model.HasMap ? PrintMap(model) : string.Empty;
    }

    /// <summary>ScopeMap.txt: member and type entries, then the catalog lines (each implication line's span recorded).</summary>
    private static string PrintMap(ProgramModel model)
    {
        var map = new StringBuilder();
        map.Append("# generated\n");
        static string Terms(List<List<string>> terms) => string.Join(", ", terms.Select(t => string.Join(" | ", t)));
        foreach (var type in model.AllTypes)
        {
            if (type.MapTerms.Count > 0)
            {
                map.Append("T:").Append(type.QualifiedName).Append("; ").Append(Terms(type.MapTerms)).Append('\n');
            }

            foreach (var member in type.Members.Where(m => m.MapTerms.Count > 0))
            {
                map.Append(member.DocumentationId).Append("; ").Append(Terms(member.MapTerms)).Append('\n');
            }
        }

        foreach (var implication in model.Implications.Where(i => i.Place == CatalogPlace.Map))
        {
            implication.LineStart = map.Length;
            map.Append("scope ").Append(implication.Scope).Append(" implies ").Append(string.Join(", ", implication.Implied.Select(a => a.Scope)));
            implication.LineEnd = map.Length;
            map.Append('\n');
        }

        foreach (var (scope, _) in model.DestructiveScopes.Where(d => d.Place == CatalogPlace.Map))
        {
            map.Append("scope ").Append(scope).Append(" destructive\n");
        }

        return map.ToString();
    }

    private void PrintCatalog()
    {
        var place = metadata ? CatalogPlace.Library : CatalogPlace.Source;
        var any = false;
        foreach (var implication in model.Implications.Where(i => i.Place == place))
        {
            Write($"[assembly: ScopeImplies(\"{implication.Scope}\"");
            foreach (var arg in implication.Implied)
            {
                Write(", ");
                arg.Start = text.Length;
                Write($"\"{arg.Scope}\"");
                arg.End = text.Length;
            }

            Line(")]");
            any = true;
        }

        if (!metadata)
        {
            foreach (var (scope, _) in model.DestructiveScopes.Where(d => d.Place == CatalogPlace.Source))
            {
                Line($"[assembly: DestructiveScope(\"{scope}\")]");
                any = true;
            }
        }

        if (any)
        {
            Line(string.Empty);
        }
    }

    private void PrintUnit()
    {
        Line("using PermissionAnalyzer;");
        Line(string.Empty);
        PrintCatalog();
        if (!metadata)
        {
            if (model.AssemblyPrincipal is { } assembly)
            {
                PrintDeclaration(assembly, "assembly: ");
                Line(string.Empty);
            }

            var constants = model.AllTypes.Select(t => t.Principal).Append(model.AssemblyPrincipal)
                .SelectMany(d => d is null ? Enumerable.Empty<ScopeArg>() : d.Grants.Concat(d.Features.SelectMany(f => f.Needs)))
                .Where(a => a.Form == ArgForm.Constant)
                .Select(a => IndexOf(a.Scope))
                .Distinct()
                .OrderBy(i => i)
                .ToList();
            if (constants.Count > 0)
            {
                Line("public static class K");
                Line("{");
                foreach (var i in constants)
                {
                    Line($"    public const string C{i} = \"{Constants[i]}\";");
                }

                Line("}");
            }
        }

        foreach (var type in model.Types.Where(t => t.InMetadata == metadata))
        {
            Line(string.Empty);
            PrintType(type);
        }

        if (!metadata && !model.IsLibrary)
        {
            Line(string.Empty);
            Line("public static class Program");
            Line("{");
            Line("    public static void Main() { }");
            Line("}");
        }
    }

    private void PrintType(TypeDecl type)
    {
        if (type.TypeRequires.Count > 0)
        {
            PrintAttribute("RequiresScope", null, type.TypeRequires, asArray: false, requires: true, type.InMetadata);
            Line(string.Empty);
        }

        if (type.Principal is { } principal)
        {
            PrintDeclaration(principal, string.Empty);
        }

        Write(Indent());
        Write(type.Shape switch
        {
            TypeShape.StaticClass => "public static class ",
            TypeShape.Class => "public class ",
            TypeShape.AbstractClass => "public abstract class ",
            TypeShape.Interface => "public interface ",
            _ => "public struct ",
        });
        Write(type.Name);

        var bases = new List<TypeDecl>();
        if (type.Base is not null)
        {
            bases.Add(type.Base);
        }

        bases.AddRange(type.Interfaces);
        for (var i = 0; i < bases.Count; i++)
        {
            Write(i == 0 ? " : " : ", ");
            var start = text.Length;
            Write(bases[i].QualifiedName);
            if (i == 0 && type.Base is not null && !type.InMetadata)
            {
                var baseConstructor = ConstructorOf(type.Base);
                type.BaseSite = new Site(start, text.Length, new[] { baseConstructor }, isDynamic: false, "base constructor");
            }
        }

        Line(string.Empty);
        Line("{");
        indent++;
        foreach (var member in type.Members)
        {
            PrintMember(member);
        }

        foreach (var nested in type.Nested)
        {
            PrintType(nested);
        }

        indent--;
        Line("}");

        // The implicit constructor's only site is the base-constructor call; an explicit one's comes first in source.
        // Instance field initializers run in every constructor (printed after it, so they follow it in source too).
        foreach (var member in type.Members)
        {
            if (member.Kind is MemberKind.Constructor or MemberKind.ImplicitConstructor)
            {
                if (type.BaseSite is { } baseSite)
                {
                    member.Sites.Insert(0, baseSite);
                }

                member.InitializerSites.AddRange(type.Members.Where(m => m.Kind is MemberKind.Field or MemberKind.EventField).SelectMany(m => m.Sites));
            }
        }
    }

    public static MemberDecl ConstructorOf(TypeDecl type) =>
        type.Members.First(m => m.Kind is MemberKind.Constructor or MemberKind.ImplicitConstructor);

    private void PrintMember(MemberDecl member)
    {
        if (member.Kind == MemberKind.ImplicitConstructor)
        {
            return;
        }

        if (member.Requires.Count > 0)
        {
            PrintAttribute("RequiresScope", null, member.Requires, asArray: false, requires: true, member.Type.InMetadata);
            Line(string.Empty);
        }

        foreach (var term in member.RequiresAny)
        {
            Line("[RequiresAnyScope(" + string.Join(", ", term.Select(a => $"\"{a}\"")) + ")]");
        }

        Write(Indent());
        switch (member.Kind)
        {
            case MemberKind.StaticMethod:
                Write("public static void ");
                Name(member, member.Name);
                Write($"{(member.IsGeneric ? "<T>" : string.Empty)}()");
                break;
            case MemberKind.Hidden:
                return;
            case MemberKind.Setter:
                Write("public static int ");
                Name(member, member.Name);
                Line(string.Empty);
                Line("{");
                indent++;
                Line("get { return 0; }");
                Write(Indent() + "set");
                break;
            case MemberKind.EventAdd:
                Write("public static event System.Action ");
                Name(member, member.Name);
                Line(string.Empty);
                Line("{");
                indent++;
                Write(Indent() + "add");
                break;
            case MemberKind.StaticField:
                Write($"public static System.Action {member.Name} = () =>");
                break;
            case MemberKind.StaticEventField:
                Write($"public static event System.Action {member.Name} = () =>");
                break;
            case MemberKind.EventField:
                Write($"public event System.Action {member.Name} = () =>");
                break;
            case MemberKind.StaticAbstract:
                Line($"static abstract void {member.Name}();");
                return;
            case MemberKind.InstanceMethod when member.Type.Shape == TypeShape.Interface:
                Line($"void {member.Name}();");
                return;
            case MemberKind.InstanceMethod when member.IsAbstract:
                Line($"public abstract void {member.Name}();");
                return;
            case MemberKind.InstanceMethod:
                Write($"public {(member.IsOverride ? "override " : member.IsVirtual ? "virtual " : string.Empty)}void ");
                Name(member, member.Name);
                Write("()");
                break;
            case MemberKind.StaticProperty:
                Write("public static int ");
                Name(member, member.Name);
                Line(string.Empty);
                Line("{");
                indent++;
                Write(Indent() + "get");
                break;
            case MemberKind.Constructor:
                Write("public ");
                Name(member, member.Type.Name);
                Write("()");
                break;
            case MemberKind.Custom:
            {
                var signature = member.Signature!;
                var at = signature.IndexOf(member.NameInSignature ?? member.Name + "(", StringComparison.Ordinal);
                member.NameStart = text.Length + at;
                member.NameEnd = member.NameStart + (member.NameInSignature ?? member.Name).Length;
                Write(signature);
                break;
            }

            case MemberKind.Raw:
                Line(member.Signature!);
                return;
            case MemberKind.Indexer:
                Write("public int ");
                Name(member, "this");
                Line("[int i]");
                Line("{");
                indent++;
                Write(Indent() + "get");
                break;
            case MemberKind.Field:
                Write($"public System.Action {member.Name} = () =>");
                break;
        }

        Line(string.Empty);
        Line("{");
        indent++;
        foreach (var use in member.Body ?? new List<Use>())
        {
            PrintUse(member, use);
        }

        if (member.Kind is MemberKind.StaticProperty or MemberKind.Indexer)
        {
            Line("return 0;");
            indent--;
            Line("}");
        }
        else if (member.Kind is MemberKind.Setter or MemberKind.EventAdd)
        {
            indent--;
            Line("}");
            if (member.Kind == MemberKind.EventAdd)
            {
                Line("remove { }");
            }
        }

        if (member.Epilogue is { } epilogue)
        {
            Line(epilogue);
        }

        indent--;
        Line(member.Kind is MemberKind.Field or MemberKind.StaticField or MemberKind.EventField or MemberKind.StaticEventField ? "};" : "}");
    }

    private void Name(MemberDecl member, string name)
    {
        member.NameStart = text.Length;
        Write(name);
        member.NameEnd = text.Length;
    }

    private void PrintUse(MemberDecl holder, Use use)
    {
        var n = counter++;
        Write(Indent());
        var needsAsync = use.Kind is UseKind.Await or UseKind.AwaitUsing;
        var isAsync = needsAsync ? "async " : string.Empty;
        var wrapper = needsAsync && use.Wrapper == Wrapper.None ? Wrapper.Lambda : use.Wrapper;
        switch (wrapper)
        {
            case Wrapper.Lambda:
                Write($"System.Action l{n} = {isAsync}() => {{ ");
                break;
            case Wrapper.LocalFunction:
                Write($"{isAsync}void f{n}() {{ ");
                break;
        }

        var kind = wrapper switch
        {
            Wrapper.Lambda => " in a lambda",
            Wrapper.LocalFunction => " in a local function",
            _ => string.Empty,
        };
        var target = use.Target;
        switch (use.Kind)
        {
            case UseKind.Call:
            {
                var start = text.Length;
                Write(Access(use) + "()");
                holder.Sites.Add(new Site(start, text.Length, new[] { target! }, isDynamic: false, CallKind(use) + kind));
                Write(";");
                break;
            }

            case UseKind.MethodGroup:
            {
                Write($"System.Action g{n} = ");
                var start = text.Length;
                Write(Access(use));
                holder.Sites.Add(new Site(start, text.Length, new[] { target! }, isDynamic: false, "method group" + kind));
                Write(";");
                break;
            }

            case UseKind.Property:
            {
                Write("_ = ");
                var start = text.Length;
                Write(Access(use));
                holder.Sites.Add(new Site(start, text.Length, new[] { target! }, isDynamic: false, "property" + kind));
                Write(";");
                break;
            }

            case UseKind.Creation:
            {
                var start = text.Length;
                Write($"new {target!.Type.QualifiedName}()");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "creation" + kind));
                Write(";");
                break;
            }

            case UseKind.Using:
            {
                // The receiver's static type is the created class: IDisposable.Dispose is bound, the receiver's implementation runs.
                var resource = use.Receiver ?? target!.Type;
                Write("using (var ");
                var start = text.Length;
                Write($"u{n} = ");
                var creationStart = text.Length;
                Write($"new {resource.QualifiedName}()");
                var usingKind = use.Receiver is null ? "using" : target!.IsOverride ? "using of an overriding receiver" : "using of a virtual Dispose";
                holder.Sites.Add(new Site(start, text.Length, new[] { model.DisposeInterfaceMember, target! }, isDynamic: false, usingKind + kind));
                holder.Sites.Add(new Site(creationStart, text.Length, new[] { ConstructorOf(resource) }, isDynamic: false, "creation" + kind));
                Write(") { }");
                break;
            }

            case UseKind.AwaitUsing:
            {
                Write("await using (var ");
                var start = text.Length;
                Write($"u{n} = ");
                var creationStart = text.Length;
                Write($"new {target!.Type.QualifiedName}()");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "await using" + kind));
                holder.Sites.Add(new Site(creationStart, text.Length, new[] { ConstructorOf(target.Type) }, isDynamic: false, "creation" + kind));
                Write(") { }");
                break;
            }

            case UseKind.DeconstructionAssignment:
            {
                Write("(");
                var start = text.Length;
                Write(Access(use));
                holder.Sites.Add(new Site(start, text.Length, new[] { target! }, isDynamic: false, "deconstruction into a property" + kind));
                Write(", _) = (1, 2);");
                break;
            }

            case UseKind.IndexFromEnd:
            case UseKind.RangeSlice:
            {
                Write("_ = ");
                var start = text.Length;
                Write($"default({target!.Type.QualifiedName})[{(use.Kind == UseKind.IndexFromEnd ? "^1" : "1..2")}]");
                holder.Sites.Add(new Site(start, text.Length, target.Companions.Append(target).ToArray(), isDynamic: false, (use.Kind == UseKind.IndexFromEnd ? "index from end" : "range") + kind));
                Write(";");
                break;
            }

            case UseKind.ListPattern:
            {
                Write($"_ = default({target!.Type.QualifiedName}) is ");
                var start = text.Length;
                Write("[0]");
                holder.Sites.Add(new Site(start, text.Length, target.Companions.Append(target).ToArray(), isDynamic: false, "list pattern" + kind));
                Write(";");
                break;
            }

            case UseKind.LocalRequires:
            {
                Write("[RequiresScope(");
                var arg = target!.Requires[0];
                arg.Start = text.Length;
                Write($"\"{arg.Scope}\"");
                arg.End = text.Length;
                model.RequiresArgs.Add((arg, false));
                Write($")] void {target.Name}() {{ }} ");
                var start = text.Length;
                Write($"{target.Name}()");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "call of a local function with [RequiresScope]" + kind));
                Write(";");
                break;
            }

            case UseKind.DynamicCandidates:
            {
                var start = text.Length;
                Write($"{target!.Type.QualifiedName}.{target.Name}((dynamic)0)");
                holder.Sites.Add(new Site(start, text.Length, use.Candidates, isDynamic: true, "dynamic call with candidates" + kind));
                Write(";");
                break;
            }

            case UseKind.ConstantRead:
            {
                Write($"_ = {target!.Type.QualifiedName}.{target.Name};");
                holder.Sites.Add(new Site(text.Length, text.Length, Array.Empty<MemberDecl>(), isDynamic: false, "constant of an annotated type (not a use)" + kind));
                break;
            }

            case UseKind.Reflection:
            {
                Write("_ = ");
                var start = text.Length;
                Write(target!.Type.Name switch
                {
                    "MethodBase" => "typeof(object).GetMethod(\"ToString\").Invoke(null, null)",
                    "Activator" => "System.Activator.CreateInstance(typeof(object))",
                    _ => "typeof(object).GetConstructor(System.Type.EmptyTypes).Invoke(null)",
                });
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, $"reflection ({target.Type.Name}.{target.Name})" + kind));
                Write(";");
                break;
            }

            case UseKind.ArgumentConversion:
            {
                Write("Sink.Take(");
                var start = text.Length;
                Write($"default({target!.Type.QualifiedName})");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "conversion of an argument" + kind));
                Write(");");
                break;
            }

            case UseKind.Operator:
            {
                Write("_ = ");
                var start = text.Length;
                Write($"default({target!.Type.QualifiedName}) + default({target.Type.QualifiedName})");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "operator" + kind));
                Write(";");
                break;
            }

            case UseKind.Conversion:
            {
                Write($"int c{n} = ");
                var start = text.Length;
                Write($"default({target!.Type.QualifiedName})");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "conversion" + kind));
                Write(";");
                break;
            }

            case UseKind.ForEach:
            {
                // Not default(En): foreach over a null constant does not compile.
                Write($"foreach (var e{n} in ");
                var start = text.Length;
                Write($"new {target!.Type.QualifiedName}()");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }.Concat(target.Companions).ToArray(), isDynamic: false, "foreach" + kind));
                holder.Sites.Add(new Site(start, text.Length, new[] { ConstructorOf(target.Type) }, isDynamic: false, "creation" + kind));
                Write(") { }");
                break;
            }

            case UseKind.Await:
            {
                var start = text.Length;
                Write($"await default({target!.Type.QualifiedName})");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }.Concat(target.Companions).ToArray(), isDynamic: false, "await" + kind));
                Write(";");
                break;
            }

            case UseKind.Deconstruction:
            {
                var start = text.Length;
                Write($"var (a{n}, b{n}) = default({target!.Type.QualifiedName})");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "deconstruction" + kind));
                Write(";");
                break;
            }

            case UseKind.Indexer:
            {
                Write("_ = ");
                var start = text.Length;
                Write($"default({target!.Type.QualifiedName})[0]");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "indexer" + kind));
                Write(";");
                break;
            }

            case UseKind.Assignment:
            {
                var start = text.Length;
                Write(Access(use));
                var targets = use.Alternative ? new[] { target!.Getter!, target } : new[] { target! };
                holder.Sites.Add(new Site(start, text.Length, targets, isDynamic: false, (use.Alternative ? "compound assignment" : "property set") + kind));
                Write(use.Alternative ? " += 1;" : " = 1;");
                break;
            }

            case UseKind.EventSubscription:
            {
                var start = text.Length;
                Write(Access(use));
                holder.Sites.Add(new Site(start, text.Length, new[] { target! }, isDynamic: false, "event subscription" + kind));
                Write(" += () => { };");
                break;
            }

            case UseKind.BaseCall:
            {
                var start = text.Length;
                Write($"base.{target!.Name}()");
                holder.Sites.Add(new Site(start, text.Length, new[] { target }, isDynamic: false, "base call" + kind));
                Write(";");
                break;
            }

            case UseKind.NotAUse:
            {
                Write(use.Alternative ? $"_ = typeof({target!.Type.QualifiedName});" : $"_ = nameof({target!.Type.QualifiedName}.{(target.Kind is MemberKind.Constructor or MemberKind.ImplicitConstructor ? "ToString" : target.Name)});");
                holder.Sites.Add(new Site(text.Length, text.Length, Array.Empty<MemberDecl>(), isDynamic: false, (use.Alternative ? "typeof" : "nameof") + " (not a use)" + kind));
                break;
            }

            case UseKind.Dynamic:
            {
                var start = text.Length;
                Write("((dynamic)null).Go()");
                holder.Sites.Add(new Site(start, text.Length, Array.Empty<MemberDecl>(), isDynamic: true, "dynamic" + kind));
                Write(";");
                break;
            }
        }

        switch (wrapper)
        {
            case Wrapper.Lambda:
                Write(" };");
                break;
            case Wrapper.LocalFunction:
                Write($" }} f{n}();");
                break;
        }

        Line(string.Empty);
    }

    private static string CallKind(Use use)
    {
        var target = use.Target!;
        if (target.Type.InMetadata)
        {
            return target.Type.Shape == TypeShape.Interface ? "call of a metadata interface member" : target.IsOverride || target.IsVirtual || target.IsAbstract ? "virtual call (metadata)" : "call of a metadata API";
        }

        return target switch
        {
            { Type.Shape: TypeShape.Interface } => "interface call",
            { Implemented: not null } => "call of an interface implementation",
            { IsOverride: true } => "call of an override",
            { IsVirtual: true } or { IsAbstract: true } => "virtual call",
            { Type.Principal: not null } or { Type.Container: not null } => "call into a principal",
            _ => "call",
        };
    }

    private static string Access(Use use) =>
        use.Receiver is { } receiver
            ? $"default({receiver.QualifiedName}).{use.Target!.Name}"
            : $"{use.Target!.Type.QualifiedName}.{use.Target.Name}{(use.Target.IsGeneric ? "<int>" : string.Empty)}";

    private void PrintDeclaration(Declaration declaration, string target)
    {
        for (var i = 0; i < declaration.GrantAttributes.Count; i++)
        {
            Write(Indent());
            PrintAttribute("GrantedScopes", null, declaration.GrantAttributes[i], declaration.GrantArrays[i], requires: false, metadata: false, target);
            Line(string.Empty);
        }

        foreach (var feature in declaration.Features)
        {
            Write(Indent());
            PrintAttribute("FeatureNeeds", feature.Name, feature.Needs, feature.AsArray, requires: false, metadata: false, target);
            Line(string.Empty);
        }

        if (declaration.GrantAttributes.Count == 0 && declaration.Features.Count == 0)
        {
            Line($"[{target}GrantedScopes]");
        }
    }

    private void PrintAttribute(string name, string? feature, List<ScopeArg> args, bool asArray, bool requires, bool metadata, string target = "")
    {
        if (requires)
        {
            Write(Indent());
        }

        Write($"[{target}{name}(");
        var first = true;
        if (feature is not null)
        {
            Write($"\"{feature}\"");
            first = false;
        }

        if (asArray)
        {
            Write(first ? "new string[] { " : ", new string[] { ");
            first = true;
        }

        foreach (var arg in args)
        {
            Write(first ? string.Empty : ", ");
            first = false;
            arg.Start = text.Length;
            Write(arg.Form switch
            {
                ArgForm.Literal => $"\"{arg.Scope}\"",
                ArgForm.Constant => $"K.C{IndexOf(arg.Scope)}",
                ArgForm.Null => "null",
                ArgForm.Empty => "\"\"",
                _ => "\" \"",
            });
            arg.End = text.Length;
            if (requires)
            {
                model.RequiresArgs.Add((arg, metadata));
            }
        }

        if (asArray)
        {
            Write(" }");
        }

        Write(")]");
    }

    private static int IndexOf(string scope)
    {
        for (var i = 0; i < Constants.Count; i++)
        {
            if (Constants[i] == scope)
            {
                return i;
            }
        }

        throw new InvalidOperationException("No constant for " + scope);
    }

    private string Indent() => new(' ', indent * 4);

    private void Write(string value) => text.Append(value);

    private void Line(string value)
    {
        if (value.Length > 0 && (text.Length == 0 || text[^1] == '\n'))
        {
            text.Append(Indent());
        }

        text.Append(value).Append('\n');
    }
}
