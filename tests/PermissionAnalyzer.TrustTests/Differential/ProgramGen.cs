using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace PermissionAnalyzer.TrustTests.Differential;

// Raw random choices, as CsCheck generates and shrinks them (towards zero and shorter arrays). Build maps
// them deterministically to a valid ProgramModel: every index is taken modulo what exists, so any raw value
// is a valid program, and a shrunk raw value is a smaller program.
public sealed record RawUse(int Kind, int Target, int Receiver, int Wrapper, int Form);

public sealed record RawBody(int[] Requires, RawUse[] Uses);

public sealed record RawApi(int Kind, int[] Scopes, int TypeScope, bool Metadata);

public sealed record RawCtorClass(int Base, int TypeScope, RawBody Body, RawBody[] Fields);

public sealed record RawSpecial(int Kind, RawBody Body);

public sealed record RawVirtual(bool MetadataRoot, bool Abstract, RawBody Root, RawBody[] Levels, bool[] Overrides, bool[] BaseCalls);

public sealed record RawImpl(int Interface, RawBody Body);

public sealed record RawArg(int Scope, int Form);

public sealed record RawPrincipal(RawArg[] Grants, int GrantSplit, bool GrantArray, RawArg[][] Features, bool FeatureArray, RawBody[] Members, RawBody[] NestedOwned, RawBody[] Fields, int Parent, int Base, bool Struct);

public sealed record RawAnyApi(int[] Alternatives, int Kind, bool Metadata);

public sealed record RawImplication(int Scope, int[] Implied, int Place);

public sealed record RawMapEntry(int Target, int[][] Terms);

/// <summary>Issue 11: APIs with alternatives, catalog statements, scope map entries (each used only when its coverage is on).</summary>
public sealed record RawCatalog(RawAnyApi[] Apis, RawImplication[] Implications, int[] Destructive, RawMapEntry[] Map);

public sealed record RawProgram(
    RawApi[] Apis,
    RawBody[] Helpers,
    RawBody[] Properties,
    RawCtorClass[] Constructors,
    RawVirtual[] Virtuals,
    RawImpl[] Implementations,
    RawBody[] Disposables,
    RawSpecial[] Specials,
    RawPrincipal[] Principals,
    RawPrincipal[] Assembly,
    RawVirtual[] DisposableHierarchies,
    bool Application,
    RawCatalog Catalog);

public static class ProgramGen
{
    /// <summary>Concrete scopes; destructive ones (by DESIGN.md's word rule) are mixed with look-alikes that are not.</summary>
    public static readonly string[] Scopes =
    {
        "msg:read", "msg:send", "msg:delete", "Mail.Read", "Mail.DELETE", "messages:deleted", "purgeHistory",
        "chat:write", "repo_admin", "files/erase", "user-profile", "msg:readAll", "administrator", "x",
    };

    public static readonly string[] Wildcards = { "*", "msg:*", "Mail.*", "purge*", "files/*" };

    public static readonly string[] AllScopeStrings = Scopes.Concat(Wildcards).ToArray();

    /// <summary>The scopes alternatives, implications and maps use: few, so chains and cycles are frequent; all of them grantable.</summary>
    public static readonly string[] CatalogScopes = { "msg:read", "msg:send", "msg:delete", "Mail.Read", "chat:write", "user-profile", "msg:readAll", "x" };

    private static readonly Gen<int> CatalogScope = Gen.Int[0, CatalogScopes.Length - 1];

    private static readonly Gen<RawCatalog> Catalog = Gen.Select(
            Gen.Select(CatalogScope.Array[2, 3], Gen.Int[0, 1], Gen.Bool).Select((alternatives, kind, metadata) => new RawAnyApi(alternatives, kind, metadata)).Array[0, 3],
            Gen.Select(CatalogScope, CatalogScope.Array[1, 2], Gen.Int[0, 9]).Select((scope, implied, place) => new RawImplication(scope, implied, place)).Array[0, 4],
            Gen.Int[0, 2 * CatalogScopes.Length - 1].Array[0, 2],
            Gen.Select(Gen.Int[0, 1000], CatalogScope.Array[1, 2].Array[1, 2]).Select((target, terms) => new RawMapEntry(target, terms)).Array[0, 3])
        .Select((apis, implications, destructive, map) => new RawCatalog(apis, implications, destructive, map));

    private static readonly Gen<int> ScopeIndex = Gen.Int[0, Scopes.Length - 1];

    private static readonly Gen<RawUse> Use = Gen.Select(Gen.Int[0, 139], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 9], Gen.Int[0, 4])
        .Select((kind, target, receiver, wrapper, form) => new RawUse(kind, target, receiver, wrapper, form));

    private static Gen<RawBody> Body(int maxUses) => Gen.Select(Gen.Int[0, 3 * Scopes.Length].Array[0, 1], Use.Array[0, maxUses])
        .Select((requires, uses) => new RawBody(requires, uses));

    private static readonly Gen<RawApi> Api = Gen.Select(Gen.Int[0, 4], Gen.Int[0, Scopes.Length + 1].Array[1, 2], Gen.Int[0, 2 * Scopes.Length], Gen.Bool)
        .Select((kind, scopes, typeScope, metadata) => new RawApi(kind, scopes, typeScope, metadata));

    private static readonly Gen<RawArg> Arg = Gen.Select(Gen.Int[0, AllScopeStrings.Length - 1], Gen.Int[0, 24])
        .Select((scope, form) => new RawArg(scope, form));

    private static readonly Gen<RawPrincipal> Principal = Gen.Select(
            Gen.Select(Arg.Array[0, 5], Gen.Int[0, 3], Gen.Bool),
            Gen.Select(Arg.Array[0, 3].Array[0, 2], Gen.Bool),
            Gen.Select(Body(4).Array[1, 3], Body(3).Array[0, 1], Body(2).Array[0, 2]),
            Gen.Select(Gen.Int[0, 8], Gen.Int[0, 3], Gen.Int[0, 5]))
        .Select((grants, features, members, shape) => new RawPrincipal(
            grants.Item1, grants.Item2, grants.Item3, features.Item1, features.Item2, members.Item1, members.Item2, members.Item3, shape.Item1, shape.Item2, shape.Item3 == 5));

    public static readonly Gen<RawProgram> Raw = Gen.Select(
            Gen.Select(Api.Array[1, 6], Body(4).Array[0, 8], Body(3).Array[0, 3]),
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3 * Scopes.Length], Body(3), Body(2).Array[0, 1]).Select((b, t, body, fields) => new RawCtorClass(b, t, body, fields)).Array[0, 3],
            Gen.Select(Gen.Bool, Gen.Int[0, 2], Body(3), Body(3).Array[1, 2], Gen.Bool.Array[2], Gen.Bool.Array[2]).Select((m, a, root, levels, overrides, baseCalls) => new RawVirtual(m, a == 2, root, levels, overrides, baseCalls)).Array[0, 2],
            Gen.Select(
                Gen.Select(Gen.Int[0, 5], Body(3)).Select((i, body) => new RawImpl(i, body)).Array[0, 2],
                Body(3).Array[0, 2],
                Gen.Select(Gen.Int[0, 9], Body(3)).Select((k, body) => new RawSpecial(k, body)).Array[0, 3]),
            Gen.Select(Principal.Array[1, 4], Gen.Int[0, 4].SelectMany(a => a == 4 ? Principal.Array[1] : Gen.Const(System.Array.Empty<RawPrincipal>()))),
            Gen.Select(
                Gen.Select(Body(3), Body(3).Array[1, 2], Gen.Bool.Array[2], Gen.Bool.Array[2]).Select((root, levels, overrides, baseCalls) => new RawVirtual(false, false, root, levels, overrides, baseCalls)).Array[0, 1],
                Gen.Int[0, 3]),
            Catalog)
        .Select((basics, constructors, virtuals, implementations, principals, extra, catalog) => new RawProgram(
            basics.Item1, basics.Item2, basics.Item3, constructors, virtuals, implementations.Item1, implementations.Item2, implementations.Item3, principals.Item1, principals.Item2,
            extra.Item1, extra.Item2 == 3, catalog));

    /// <summary>Raw choices to a printed program.</summary>
    public static readonly Gen<ProgramModel> Programs = Raw.Select(Build);

    public static ProgramModel Build(RawProgram raw) => Build(raw, CoverageSettings.Current);

    public static ProgramModel Build(RawProgram raw, Coverage coverage)
    {
        var builder = new Builder(raw, coverage);
        var model = builder.Build();
        ProgramPrinter.Print(model);
        return model;
    }

    private sealed class Builder
    {
        private readonly RawProgram raw;
        private readonly ProgramModel model = new();
        private readonly List<(MemberDecl Member, TypeDecl? Receiver, UseKind Kind)> apis = new();
        private readonly List<MemberDecl> helpers = new();
        private readonly List<MemberDecl> properties = new();
        private readonly List<MemberDecl> setters = new();
        private readonly List<MemberDecl> events = new();
        private readonly List<(MemberDecl Member, MemberDecl Base)> baseCalls = new();
        private readonly List<MemberDecl> constructors = new();
        private readonly List<(MemberDecl Member, TypeDecl Receiver)> virtuals = new();
        private readonly List<MemberDecl> implementations = new();
        private readonly List<MemberDecl> disposables = new();
        private readonly List<MemberDecl> principalMethods = new();
        private readonly List<(MemberDecl Member, UseKind Kind)> specials = new();
        private readonly List<(MemberDecl Member, RawBody Body)> bodies = new();
        private readonly List<TypeDecl> interfaces = new();
        private readonly List<(MemberDecl Member, TypeDecl Receiver)> disposeReceivers = new();
        private readonly List<MemberDecl> constants = new();
        private readonly List<MemberDecl> conversions = new();
        private readonly Coverage coverage;
        private readonly List<(TypeDecl Type, MemberDecl Member)> mappable = new();
        private MemberDecl? sink;
        private int localFunctions;

        public Builder(RawProgram raw, Coverage coverage)
        {
            this.raw = raw;
            this.coverage = coverage;
            model.Coverage = coverage;
            model.IsLibrary = !raw.Application;
        }

        private bool Covers(Coverage shape) => (coverage & shape) == shape;

        public ProgramModel Build()
        {
            BuildApis();
            BuildAlternativeApis();
            BuildHelpers();
            BuildConstructorClasses();
            BuildVirtuals();
            BuildImplementations();
            BuildDisposableHierarchies();
            BuildSpecials();
            BuildPrincipals();
            BuildCatalog();
            foreach (var (member, body) in bodies)
            {
                member.Body = body.Uses.Select(use => ResolveUse(member, use)).ToList();
            }

            foreach (var (member, nearest) in baseCalls)
            {
                member.Body!.Insert(0, new Use(UseKind.BaseCall, nearest, null, Wrapper.None));
            }

            return model;
        }

        private void BuildApis()
        {
            for (var i = 0; i < raw.Apis.Length; i++)
            {
                var api = raw.Apis[i];
                var metadata = api.Metadata;
                var prefix = metadata ? "L" : "S";
                var requires = api.Scopes.Select(RequiresArg).ToList();
                switch (api.Kind)
                {
                    case 0:
                    {
                        var type = AddType(new TypeDecl($"{prefix}Api{i}", TypeShape.StaticClass, metadata));
                        var run = AddMember(type, "Run", MemberKind.StaticMethod, requires, null);
                        Mappable(type, run, "M:" + type.Name + ".Run");
                        apis.Add((run, null, UseKind.Call));
                        break;
                    }

                    case 1:
                    {
                        var type = AddType(new TypeDecl($"{prefix}Data{i}", TypeShape.StaticClass, metadata));
                        var value = AddMember(type, "Value", MemberKind.StaticProperty, requires, null);
                        Mappable(type, value, "P:" + type.Name + ".Value");
                        apis.Add((value, null, UseKind.Property));
                        break;
                    }

                    case 2:
                    {
                        var type = AddType(new TypeDecl($"{prefix}Client{i}", TypeShape.Class, metadata));
                        var constructor = AddMember(type, "ctor", MemberKind.Constructor, requires, null);
                        // Not mappable: `M:T.#ctor` cannot be written in a map, `#` starts a comment (see RegressionTests).
                        apis.Add((constructor, null, UseKind.Creation));
                        break;
                    }

                    case 3:
                    {
                        var type = AddType(new TypeDecl($"{prefix}Service{i}", TypeShape.Class, metadata));
                        type.TypeRequires.Add(new ScopeArg(Scopes[api.TypeScope % Scopes.Length], ArgForm.Literal));
                        AddMember(type, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                        var run = AddMember(type, "Run", MemberKind.StaticMethod, api.Scopes.Length > 1 ? requires.Skip(1).ToList() : new List<ScopeArg>(), null);
                        Mappable(type, run, "M:" + type.Name + ".Run");
                        apis.Add((run, null, UseKind.Call));
                        if (Covers(Coverage.ConstantRead))
                        {
                            constants.Add(Raw(type, "Limit", "public const int Limit = 1;"));
                        }
                        break;
                    }

                    default:
                    {
                        var type = AddType(new TypeDecl($"{prefix}IApi{i}", TypeShape.Interface, metadata));
                        if (api.TypeScope < Scopes.Length / 2)
                        {
                            type.TypeRequires.Add(new ScopeArg(Scopes[api.TypeScope], ArgForm.Literal));
                        }

                        var run = AddMember(type, "Run", MemberKind.InstanceMethod, requires, null);
                        run.IsAbstract = true;
                        Mappable(type, run, "M:" + type.Name + ".Run");
                        interfaces.Add(type);
                        apis.Add((run, type, UseKind.Call));
                        break;
                    }
                }
            }
        }

        /// <summary>An API a scope map may name: by its member's ID, or by its type's (<c>T:</c>).</summary>
        private void Mappable(TypeDecl type, MemberDecl member, string id)
        {
            member.DocumentationId = id;
            mappable.Add((type, member));
        }

        /// <summary>Issue 11: APIs with <c>[RequiresAnyScope]</c> (added after the others, so they do not shift them), catalog statements, map entries.</summary>
        private void BuildAlternativeApis()
        {
            if (!Covers(Coverage.Alternatives))
            {
                return;
            }

            for (var i = 0; i < raw.Catalog.Apis.Length; i++)
            {
                var api = raw.Catalog.Apis[i];
                var type = AddType(new TypeDecl($"{(api.Metadata ? "L" : "S")}Any{i}", TypeShape.StaticClass, api.Metadata));
                var alternatives = api.Alternatives.Select(a => CatalogScopes[a]).ToList();
                var member = api.Kind == 0
                    ? AddMember(type, "Run", MemberKind.StaticMethod, new List<ScopeArg>(), null)
                    : AddMember(type, "Value", MemberKind.StaticProperty, new List<ScopeArg>(), null);
                member.RequiresAny.Add(alternatives);
                Mappable(type, member, (api.Kind == 0 ? "M:" : "P:") + type.Name + "." + member.Name);
                apis.Add((member, null, api.Kind == 0 ? UseKind.Call : UseKind.Property));
            }
        }

        private void BuildCatalog()
        {
            var hasLibrary = model.Types.Any(t => t.InMetadata);
            if (Covers(Coverage.Implications) || Covers(Coverage.ScopeMap))
            {
                foreach (var implication in raw.Catalog.Implications)
                {
                    var place = implication.Place switch
                    {
                        < 6 => CatalogPlace.Source,
                        < 8 => hasLibrary ? CatalogPlace.Library : CatalogPlace.Source,
                        _ => Covers(Coverage.ScopeMap) ? CatalogPlace.Map : CatalogPlace.Source,
                    };
                    if (place != CatalogPlace.Map && !Covers(Coverage.Implications))
                    {
                        continue;
                    }

                    var scope = CatalogScopes[implication.Scope];
                    var implied = implication.Implied.Select(i => new ScopeArg(CatalogScopes[i], ArgForm.Literal)).ToList();
                    if (place == CatalogPlace.Map)
                    {
                        // One map line per scope (a second `scope x implies` line is a duplicate, PA0011), without repeats.
                        implied = implied.GroupBy(a => a.Scope).Select(g => g.First()).ToList();
                        if (model.Implications.FirstOrDefault(i => i.Place == CatalogPlace.Map && i.Scope == scope) is { } line)
                        {
                            line.Implied.AddRange(implied.Where(a => line.Implied.All(b => b.Scope != a.Scope)));
                            continue;
                        }
                    }

                    model.Implications.Add(new ImplicationDecl(scope, implied, place));
                }

                // The order the analyzer reads them in: this assembly, the library, the maps.
                var ordered = model.Implications.OrderBy(i => i.Place).ToList();
                model.Implications.Clear();
                model.Implications.AddRange(ordered);
            }

            foreach (var code in raw.Catalog.Destructive)
            {
                var scope = code < CatalogScopes.Length ? CatalogScopes[code] : Scopes[code % Scopes.Length];
                var place = Covers(Coverage.ScopeMap) && code % 3 == 2 ? CatalogPlace.Map : CatalogPlace.Source;
                if (place == CatalogPlace.Source && !Covers(Coverage.DestructiveCatalog)
                    || model.DestructiveScopes.Contains((scope, CatalogPlace.Map)) && place == CatalogPlace.Map)
                {
                    continue;
                }

                model.DestructiveScopes.Add((scope, place));
            }

            if (Covers(Coverage.ScopeMap) && mappable.Count > 0)
            {
                foreach (var entry in raw.Catalog.Map)
                {
                    var (type, member) = mappable[entry.Target % mappable.Count];
                    var terms = entry.Terms.Select(term => term.Select(a => CatalogScopes[a]).ToList()).ToList();
                    // One entry per ID (a repeated ID is PA0011): a type's entry one time in four.
                    var list = entry.Target % 4 == 3 ? type.MapTerms : member.MapTerms;
                    if (list.Count == 0)
                    {
                        list.AddRange(terms);
                    }
                }
            }
        }

        private void BuildHelpers()
        {
            if (raw.Helpers.Length + raw.Properties.Length == 0)
            {
                return;
            }

            var type = AddType(new TypeDecl("Helpers", TypeShape.StaticClass, inMetadata: false));
            for (var i = 0; i < raw.Helpers.Length; i++)
            {
                var helper = AddMember(type, $"H{i}", MemberKind.StaticMethod, OptionalRequires(raw.Helpers[i]), raw.Helpers[i]);
                helper.IsGeneric = i % 3 == 2;
                helpers.Add(helper);
            }

            // Properties with a getter that has uses, properties with a setter that has uses, events with an add accessor that has uses.
            for (var i = 0; i < raw.Properties.Length; i++)
            {
                var requires = OptionalRequires(raw.Properties[i]);
                switch (i % 3)
                {
                    case 0:
                        properties.Add(AddMember(type, $"HP{i}", MemberKind.StaticProperty, requires, raw.Properties[i]));
                        break;
                    case 1:
                        var getter = AddMember(type, $"HS{i}", MemberKind.Hidden, requires, null);
                        var setter = AddMember(type, $"HS{i}", MemberKind.Setter, requires, raw.Properties[i]);
                        setter.Getter = getter;
                        setters.Add(setter);
                        break;
                    default:
                        events.Add(AddMember(type, $"HE{i}", MemberKind.EventAdd, requires, raw.Properties[i]));
                        break;
                }
            }
        }

        private void BuildConstructorClasses()
        {
            var classes = new List<TypeDecl>();
            for (var i = 0; i < raw.Constructors.Length; i++)
            {
                var ctor = raw.Constructors[i];
                var type = AddType(new TypeDecl($"C{i}", TypeShape.Class, inMetadata: false));
                if (ctor.Base < i)
                {
                    type.Base = classes[ctor.Base];
                }

                if (ctor.TypeScope < Scopes.Length / 2)
                {
                    type.TypeRequires.Add(new ScopeArg(Scopes[ctor.TypeScope], ArgForm.Literal));
                }

                classes.Add(type);
                constructors.Add(AddMember(type, "ctor", MemberKind.Constructor, OptionalRequires(ctor.Body), ctor.Body));
                AddFields(type, ctor.Fields);
            }
        }

        private void BuildVirtuals()
        {
            for (var k = 0; k < raw.Virtuals.Length; k++)
            {
                var hierarchy = raw.Virtuals[k];
                var metadata = hierarchy.MetadataRoot;
                var root = AddType(new TypeDecl($"{(metadata ? "L" : string.Empty)}VB{k}", hierarchy.Abstract ? TypeShape.AbstractClass : TypeShape.Class, metadata));
                AddMember(root, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                var rootV = AddMember(root, "V", MemberKind.InstanceMethod, OptionalRequires(hierarchy.Root), hierarchy.Abstract || metadata ? null : hierarchy.Root);
                rootV.IsVirtual = !hierarchy.Abstract;
                rootV.IsAbstract = hierarchy.Abstract;
                if (hierarchy.Abstract)
                {
                    rootV.Body = null;
                }

                var chain = new List<TypeDecl> { root };
                var nearest = rootV;
                for (var l = 0; l < hierarchy.Levels.Length; l++)
                {
                    var level = AddType(new TypeDecl($"VD{k}x{l}", TypeShape.Class, inMetadata: false));
                    level.Base = chain[^1];
                    AddMember(level, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                    if (hierarchy.Overrides[l] || (l == 0 && hierarchy.Abstract))
                    {
                        var v = AddMember(level, "V", MemberKind.InstanceMethod, OptionalRequires(hierarchy.Levels[l]), hierarchy.Levels[l]);
                        v.IsOverride = true;
                        v.Overridden = nearest;
                        if (hierarchy.BaseCalls[l] && !nearest.IsAbstract)
                        {
                            baseCalls.Add((v, nearest));
                        }

                        nearest = v;
                    }

                    chain.Add(level);
                }

                foreach (var receiver in chain)
                {
                    // What the C# compiler binds for default(R).V(): the override nearest to R's static type.
                    virtuals.Add((BoundV(receiver), receiver));
                }
            }
        }

        private static MemberDecl BoundV(TypeDecl receiver)
        {
            for (var type = receiver; type is not null; type = type.Base)
            {
                if (type.Members.FirstOrDefault(m => m.Name == "V") is { } v)
                {
                    return v;
                }
            }

            throw new System.InvalidOperationException("No V");
        }

        private void BuildImplementations()
        {
            for (var i = 0; i < raw.Implementations.Length && interfaces.Count > 0; i++)
            {
                var implementation = raw.Implementations[i];
                var @interface = interfaces[implementation.Interface % interfaces.Count];
                var type = AddType(new TypeDecl($"Impl{i}", TypeShape.Class, inMetadata: false));
                type.Interfaces.Add(@interface);
                AddMember(type, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                var run = AddMember(type, "Run", MemberKind.InstanceMethod, OptionalRequires(implementation.Body), implementation.Body);
                run.Implemented = @interface.Members.Single(m => m.Name == "Run");
                implementations.Add(run);
            }

            var disposable = model.DisposeInterfaceMember.Type;
            for (var i = 0; i < raw.Disposables.Length; i++)
            {
                var type = AddType(new TypeDecl($"R{i}", TypeShape.Class, inMetadata: false));
                type.Interfaces.Add(disposable);
                AddMember(type, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                var dispose = AddMember(type, "Dispose", MemberKind.InstanceMethod, OptionalRequires(raw.Disposables[i]), raw.Disposables[i]);
                dispose.Implemented = model.DisposeInterfaceMember;
                disposables.Add(dispose);
            }
        }

        /// <summary>
        /// A virtual Dispose implementing IDisposable, overridden (with or without <c>base.Dispose()</c>) down a chain
        /// of classes: <c>using (var u = new RD())</c> binds IDisposable.Dispose, and the body that runs is RD's override.
        /// </summary>
        private void BuildDisposableHierarchies()
        {
            if (!Covers(Coverage.ReceiverBody))
            {
                return;
            }

            for (var k = 0; k < raw.DisposableHierarchies.Length; k++)
            {
                var hierarchy = raw.DisposableHierarchies[k];
                var root = AddType(new TypeDecl($"RB{k}", TypeShape.Class, inMetadata: false));
                root.Interfaces.Add(model.DisposeInterfaceMember.Type);
                AddMember(root, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                var nearest = AddMember(root, "Dispose", MemberKind.InstanceMethod, OptionalRequires(hierarchy.Root), hierarchy.Root);
                nearest.IsVirtual = true;
                nearest.Implemented = model.DisposeInterfaceMember;
                var chain = new List<(TypeDecl Type, MemberDecl Runs)> { (root, nearest) };
                for (var l = 0; l < hierarchy.Levels.Length; l++)
                {
                    var level = AddType(new TypeDecl($"RD{k}x{l}", TypeShape.Class, inMetadata: false));
                    level.Base = chain[^1].Type;
                    AddMember(level, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                    if (hierarchy.Overrides[l])
                    {
                        var dispose = AddMember(level, "Dispose", MemberKind.InstanceMethod, OptionalRequires(hierarchy.Levels[l]), hierarchy.Levels[l]);
                        dispose.IsOverride = true;
                        dispose.Overridden = nearest;
                        if (hierarchy.BaseCalls[l])
                        {
                            baseCalls.Add((dispose, nearest));
                        }

                        nearest = dispose;
                    }

                    chain.Add((level, nearest));
                }

                foreach (var (type, runs) in chain)
                {
                    disposeReceivers.Add((runs, type));
                    virtuals.Add((runs, type));
                }
            }
        }

        /// <summary>Types whose members the compiler calls implicitly: operators, conversions, foreach, await, deconstruction, indexers.</summary>
        private void BuildSpecials()
        {
            var notifyCompletion = new TypeDecl("System.Runtime.CompilerServices.INotifyCompletion", TypeShape.Interface, inMetadata: true);
            for (var i = 0; i < raw.Specials.Length; i++)
            {
                var special = raw.Specials[i];
                var requires = OptionalRequires(special.Body);
                var kind = special.Kind switch
                {
                    6 when !Covers(Coverage.IndexFromEnd) && !Covers(Coverage.Range) && !Covers(Coverage.ListPattern) => special.Kind % 6,
                    7 when !Covers(Coverage.AwaitUsing) => special.Kind % 6,
                    8 when !Covers(Coverage.DynamicCandidates) => special.Kind % 6,
                    9 when !Covers(Coverage.StaticAbstract) => special.Kind % 6,
                    _ => special.Kind,
                };
                switch (kind)
                {
                    case 0:
                    {
                        var type = SpecialType($"Op{i}");
                        var op = Custom(type, "op_Addition", $"public static Op{i} operator +(Op{i} a, Op{i} b)", "return a;", requires, special.Body);
                        op.NameInSignature = "+";
                        specials.Add((op, UseKind.Operator));
                        break;
                    }

                    case 1:
                    {
                        var type = SpecialType($"Cv{i}");
                        var conversion = Custom(type, "op_Implicit", $"public static implicit operator int(Cv{i} c)", "return 0;", requires, special.Body);
                        conversion.NameInSignature = "int";
                        specials.Add((conversion, UseKind.Conversion));
                        conversions.Add(conversion);
                        break;
                    }

                    case 2:
                    {
                        var type = SpecialType($"En{i}");
                        var getEnumerator = Custom(type, "GetEnumerator", $"public En{i} GetEnumerator()", "return this;", requires, special.Body);
                        getEnumerator.Companions.Add(Custom(type, "MoveNext", "public bool MoveNext()", "return false;", new List<ScopeArg>(), null));
                        getEnumerator.Companions.Add(Raw(type, "Current", "public int Current => 0;"));
                        specials.Add((getEnumerator, UseKind.ForEach));
                        break;
                    }

                    case 3:
                    {
                        var type = SpecialType($"Aw{i}");
                        type.Interfaces.Add(notifyCompletion);
                        var getAwaiter = Custom(type, "GetAwaiter", $"public Aw{i} GetAwaiter()", "return this;", requires, special.Body);
                        Raw(type, "IsCompleted", "public bool IsCompleted => true;");
                        getAwaiter.Companions.Add(Raw(type, "GetResult", "public int GetResult() => 0;"));
                        Raw(type, "OnCompleted", "public void OnCompleted(System.Action continuation) { }");
                        specials.Add((getAwaiter, UseKind.Await));
                        break;
                    }

                    case 4:
                    {
                        var type = SpecialType($"Dc{i}");
                        var deconstruct = Custom(type, "Deconstruct", "public void Deconstruct(out int a, out int b)", "a = 0; b = 0;", requires, special.Body);
                        specials.Add((deconstruct, UseKind.Deconstruction));
                        break;
                    }

                    case 5:
                    {
                        var type = SpecialType($"Ix{i}");
                        var indexer = AddMember(type, "this[]", MemberKind.Indexer, requires, special.Body);
                        specials.Add((indexer, UseKind.Indexer));
                        break;
                    }

                    case 6:
                    {
                        // Countable and indexable: Length (or Count) requires "x" in one of two, never the indexer or Slice (no ties).
                        var type = SpecialType($"Sq{i}");
                        var lengthName = i % 2 == 0 ? "Length" : "Count";
                        var length = AddMember(type, lengthName, MemberKind.Raw, i % 4 < 2 ? new List<ScopeArg> { new("x", ArgForm.Literal) } : new List<ScopeArg>(), null);
                        length.Signature = $"public int {lengthName} => 1;";
                        var withoutX = requires.Where(r => r.Scope != "x").ToList();
                        var indexer = AddMember(type, "this[]", MemberKind.Indexer, withoutX, special.Body);
                        var slice = Custom(type, "Slice", $"public int Slice(int start, int length)", "return 0;", withoutX.Take(1).ToList(), null);
                        indexer.Companions.Add(length);
                        slice.Companions.Add(length);
                        if (Covers(Coverage.IndexFromEnd))
                        {
                            specials.Add((indexer, UseKind.IndexFromEnd));
                        }

                        if (Covers(Coverage.Range))
                        {
                            specials.Add((slice, UseKind.RangeSlice));
                        }

                        if (Covers(Coverage.ListPattern))
                        {
                            specials.Add((indexer, UseKind.ListPattern));
                        }

                        break;
                    }

                    case 7:
                    {
                        var type = SpecialType($"Ad{i}");
                        var disposeAsync = Custom(type, "DisposeAsync", "public System.Threading.Tasks.ValueTask DisposeAsync()", "return default;", requires, special.Body);
                        specials.Add((disposeAsync, UseKind.AwaitUsing));
                        break;
                    }

                    case 8:
                    {
                        // Two candidates of a dynamic call: the second always requires a scope.
                        var type = SpecialType($"Dy{i}");
                        var first = Custom(type, "Go", "public static void Go(int v)", string.Empty, requires, special.Body);
                        var second = Custom(type, "Go", "public static void Go(string v)", string.Empty, new List<ScopeArg> { new(Scopes[(i * 5 + special.Body.Uses.Length) % Scopes.Length], ArgForm.Literal) }, null);
                        first.Epilogue = second.Epilogue = null;
                        first.Companions.Add(second);
                        specials.Add((first, UseKind.DynamicCandidates));
                        break;
                    }

                    default:
                    {
                        // A static abstract interface member and its implementation, called on the implementing class.
                        var contract = AddType(new TypeDecl($"ISa{i}", TypeShape.Interface, inMetadata: false));
                        var abstractRun = AddMember(contract, "Run", MemberKind.StaticAbstract, requires, null);
                        abstractRun.IsAbstract = true;
                        var type = SpecialType($"Sa{i}");
                        type.Interfaces.Add(contract);
                        var run = AddMember(type, "Run", MemberKind.StaticMethod, new List<ScopeArg>(), special.Body);
                        run.Implemented = abstractRun;
                        specials.Add((run, UseKind.Call));
                        break;
                    }
                }
            }
        }

        private TypeDecl SpecialType(string name)
        {
            var type = AddType(new TypeDecl(name, TypeShape.Class, inMetadata: false));
            AddMember(type, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
            return type;
        }

        private MemberDecl Custom(TypeDecl type, string name, string signature, string epilogue, List<ScopeArg> requires, RawBody? body)
        {
            var member = AddMember(type, name, MemberKind.Custom, requires, body);
            member.Signature = signature;
            member.Epilogue = epilogue.Length > 0 ? epilogue : null;
            return member;
        }

        /// <summary>
        /// A reflection entry point as the model sees it: a metadata member (not printed) whose use is undetermined,
        /// so a chain ends in its name (<c>Plugins.Load → Activator.CreateInstance</c>).
        /// </summary>
        private static MemberDecl ReflectionEntryPoint(int form)
        {
            var (type, name) = form switch
            {
                0 => ("MethodBase", "Invoke"),
                1 => ("Activator", "CreateInstance"),
                _ => ("ConstructorInfo", "Invoke"),
            };
            return new MemberDecl(new TypeDecl(type, TypeShape.Class, inMetadata: true), name, MemberKind.StaticMethod) { IsReflection = true };
        }

        /// <summary><c>Sink.Take(int)</c>: a method whose argument is converted.</summary>
        private MemberDecl Sink()
        {
            if (sink is null)
            {
                var type = AddType(new TypeDecl("Sink", TypeShape.StaticClass, inMetadata: false));
                sink = Raw(type, "Take", "public static void Take(int v) { }");
            }

            return sink;
        }

        private MemberDecl Raw(TypeDecl type, string name, string signature)
        {
            var member = AddMember(type, name, MemberKind.Raw, new List<ScopeArg>(), null);
            member.Signature = signature;
            return member;
        }

        /// <summary>
        /// Fields (and field-like events) initialized with a lambda: own code of the field, run by every constructor
        /// when it is an instance field.
        /// </summary>
        private void AddFields(TypeDecl type, RawBody[] fields, bool staticOnly = false)
        {
            for (var j = 0; j < fields.Length; j++)
            {
                var isStatic = staticOnly || j % 2 == 1;
                var isEvent = Covers(Coverage.EventInitializer) && fields[j].Requires is [var r] && r % 2 == 1;
                var kind = (isStatic, isEvent) switch
                {
                    (true, true) => MemberKind.StaticEventField,
                    (true, false) => MemberKind.StaticField,
                    (false, true) => MemberKind.EventField,
                    _ => MemberKind.Field,
                };
                AddMember(type, (isEvent ? "E" : isStatic ? "S" : "F") + j, kind, new List<ScopeArg>(), fields[j]);
            }
        }

        private void BuildPrincipals()
        {
            var principals = new List<TypeDecl>();
            var constructorClasses = constructors.Select(c => c.Type).ToList();
            for (var p = 0; p < raw.Principals.Length; p++)
            {
                var rp = raw.Principals[p];
                var isStruct = rp.Struct;
                var type = new TypeDecl($"P{p}", isStruct ? TypeShape.Struct : TypeShape.Class, inMetadata: false)
                {
                    Principal = Declare(rp),
                };

                if (rp.Parent < p)
                {
                    type.Container = principals[rp.Parent];
                    principals[rp.Parent].Nested.Add(type);
                }
                else
                {
                    model.Types.Add(type);
                }

                if (!isStruct && rp.Base < constructorClasses.Count)
                {
                    type.Base = constructorClasses[rp.Base];
                }

                if (!isStruct)
                {
                    AddMember(type, "ctor", MemberKind.ImplicitConstructor, new List<ScopeArg>(), null);
                    AddFields(type, rp.Fields);
                }

                for (var j = 0; j < rp.Members.Length; j++)
                {
                    principalMethods.Add(AddMember(type, $"M{j}", MemberKind.StaticMethod, OptionalRequires(rp.Members[j]), rp.Members[j]));
                }

                if (isStruct)
                {
                    AddFields(type, rp.Fields, staticOnly: true);
                }

                for (var j = 0; j < rp.NestedOwned.Length; j++)
                {
                    var nested = new TypeDecl($"N{p}x{j}", TypeShape.StaticClass, inMetadata: false) { Container = type };
                    type.Nested.Add(nested);
                    principalMethods.Add(AddMember(nested, "Run", MemberKind.StaticMethod, new List<ScopeArg>(), rp.NestedOwned[j]));
                }

                principals.Add(type);
            }

            if (raw.Assembly.Length > 0)
            {
                model.AssemblyPrincipal = Declare(raw.Assembly[0]);
            }
        }

        private static Declaration Declare(RawPrincipal rp)
        {
            var grants = rp.Grants.Select(a => GrantArg(a, feature: false)).ToList();
            var groups = new List<List<ScopeArg>>();
            var arrays = new List<bool>();
            if (grants.Count > 0)
            {
                var split = rp.GrantSplit % (grants.Count + 1);
                if (split == 0 || split == grants.Count)
                {
                    groups.Add(grants);
                }
                else
                {
                    groups.Add(grants.Take(split).ToList());
                    groups.Add(grants.Skip(split).ToList());
                }

                for (var i = 0; i < groups.Count; i++)
                {
                    arrays.Add(rp.GrantArray && i == 0);
                }
            }

            var features = rp.Features.Select((needs, j) => new Feature($"f{j}", needs.Select(a => GrantArg(a, feature: true)).ToList(), rp.FeatureArray && needs.Length > 0)).ToList();
            return new Declaration(groups, arrays, features);
        }

        /// <summary>Mostly valid scopes; sometimes a constant, null, empty or whitespace; wildcards only where the raw index picks one.</summary>
        private static ScopeArg GrantArg(RawArg arg, bool feature)
        {
            var scope = AllScopeStrings[arg.Scope];
            if (feature && arg.Scope >= Scopes.Length && arg.Form % 2 == 0)
            {
                // Wildcard needs are rare: mostly map them back to concrete scopes.
                scope = Scopes[arg.Scope % Scopes.Length];
            }

            var form = arg.Form switch
            {
                < 17 => ArgForm.Literal,
                < 21 => ArgForm.Constant,
                21 => ArgForm.Null,
                22 => ArgForm.Empty,
                23 => ArgForm.Whitespace,
                _ => ArgForm.Literal,
            };
            return new ScopeArg(scope, form);
        }

        private static ScopeArg RequiresArg(int code) => code switch
        {
            _ when code < Scopes.Length => new ScopeArg(Scopes[code], ArgForm.Literal),
            _ when code == Scopes.Length => new ScopeArg(string.Empty, ArgForm.Empty),
            _ => new ScopeArg(" ", ArgForm.Whitespace),
        };

        /// <summary>Helpers and bodies are annotated about one time in three.</summary>
        private static List<ScopeArg> OptionalRequires(RawBody body) =>
            body.Requires.Where(code => code < Scopes.Length).Select(code => new ScopeArg(Scopes[code], ArgForm.Literal)).ToList();

        private TypeDecl AddType(TypeDecl type)
        {
            model.Types.Add(type);
            return type;
        }

        private MemberDecl AddMember(TypeDecl type, string name, MemberKind kind, List<ScopeArg> requires, RawBody? body)
        {
            var member = new MemberDecl(type, name, kind);
            member.Requires.AddRange(requires);
            type.Members.Add(member);
            if (body is not null)
            {
                bodies.Add((member, body));
            }
            else if (!type.InMetadata && type.Shape != TypeShape.Interface && !(kind == MemberKind.InstanceMethod && member.IsAbstract))
            {
                member.Body = new List<Use>();
            }

            return member;
        }

        private Use ResolveUse(MemberDecl holder, RawUse use)
        {
            var wrapper = use.Wrapper switch
            {
                < 6 => Wrapper.None,
                < 8 => Wrapper.Lambda,
                _ => Wrapper.LocalFunction,
            };
            var group = use.Form == 4;

            Use Method(MemberDecl target, TypeDecl? receiver) =>
                new(group ? UseKind.MethodGroup : UseKind.Call, target, receiver, wrapper);

            switch (use.Kind)
            {
                case < 30:
                    break;
                case < 48 when helpers.Count > 0:
                    return Method(helpers[use.Target % helpers.Count], null);
                case < 55 when properties.Count + setters.Count + events.Count > 0:
                {
                    var index = use.Target % (properties.Count + setters.Count + events.Count);
                    return index < properties.Count ? new Use(UseKind.Property, properties[index], null, wrapper)
                        : index < properties.Count + setters.Count ? new Use(UseKind.Assignment, setters[index - properties.Count], null, wrapper, alternative: use.Form == 4)
                        : new Use(UseKind.EventSubscription, events[index - properties.Count - setters.Count], null, wrapper);
                }
                case < 62 when constructors.Count > 0:
                    return new Use(UseKind.Creation, constructors[use.Target % constructors.Count], null, wrapper);
                case < 72 when virtuals.Count > 0:
                {
                    var (member, receiver) = virtuals[use.Target % virtuals.Count];
                    return Method(member, receiver);
                }

                case < 78 when implementations.Count > 0:
                {
                    var member = implementations[use.Target % implementations.Count];
                    return Method(member, member.Type);
                }

                case < 84 when disposables.Count + disposeReceivers.Count > 0:
                {
                    var index = use.Target % (disposables.Count + disposeReceivers.Count);
                    return index < disposables.Count
                        ? new Use(UseKind.Using, disposables[index], null, wrapper)
                        : new Use(UseKind.Using, disposeReceivers[index - disposables.Count].Member, disposeReceivers[index - disposables.Count].Receiver, wrapper);
                }

                case < 95 when principalMethods.Count > 0:
                    return Method(principalMethods[use.Target % principalMethods.Count], null);
                case >= 95 and < 100:
                {
                    var candidates = apis.Select(a => a.Member).Concat(helpers).ToList();
                    return new Use(UseKind.NotAUse, candidates[use.Target % candidates.Count], null, wrapper, alternative: use.Form == 4);
                }

                case >= 100 and < 117 when specials.Count > 0:
                {
                    var (member, specialKind) = specials[use.Target % specials.Count];
                    return specialKind switch
                    {
                        UseKind.Call => Method(member, null),
                        UseKind.DynamicCandidates => new Use(specialKind, member, null, wrapper) { Candidates = new[] { member }.Concat(member.Companions).ToList() },
                        _ => new Use(specialKind, member, null, wrapper),
                    };
                }

                case >= 117 and < 120:
                    return new Use(UseKind.Dynamic, null, null, wrapper);
                case >= 120 and < 124 when setters.Count > 0 && Covers(Coverage.DeconstructionIntoProperty):
                    return new Use(UseKind.DeconstructionAssignment, setters[use.Target % setters.Count], null, wrapper);
                case >= 124 and < 127 when Covers(Coverage.LocalFunctionRequirement):
                {
                    var local = new MemberDecl(holder.Type, $"lf{localFunctions++}", MemberKind.LocalFunction);
                    local.Requires.Add(new ScopeArg(Scopes[use.Receiver % Scopes.Length], ArgForm.Literal));
                    return new Use(UseKind.LocalRequires, local, null, wrapper);
                }

                case >= 127 and < 130 when constants.Count > 0:
                    return new Use(UseKind.ConstantRead, constants[use.Target % constants.Count], null, wrapper);
                case >= 130 and < 134:
                {
                    var form = use.Form % (Covers(Coverage.ConstructorInfoInvoke) ? 3 : 2);
                    return new Use(UseKind.Reflection, ReflectionEntryPoint(form), null, wrapper);
                }

                case >= 134 when conversions.Count > 0 && Covers(Coverage.ArgumentConversion):
                    Sink();
                    return new Use(UseKind.ArgumentConversion, conversions[use.Target % conversions.Count], null, wrapper);
            }

            var (api, apiReceiver, kind) = apis[use.Target % apis.Count];
            return kind == UseKind.Call ? Method(api, apiReceiver) : new Use(kind, api, null, wrapper);
        }
    }
}
