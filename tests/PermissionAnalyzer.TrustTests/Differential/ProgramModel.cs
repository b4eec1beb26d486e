using System.Collections.Generic;
using System.Linq;

namespace PermissionAnalyzer.TrustTests.Differential;

// The abstract model of a generated program: types, members with their declared requirements, bodies as
// lists of uses (the call graph), principals with grants and feature needs. It is printed to C# by
// ProgramPrinter and judged by ReferenceModel; neither reads the analyzer's code.

public enum TypeShape
{
    StaticClass,
    Class,
    AbstractClass,
    Interface,
    Struct,
}

public enum MemberKind
{
    StaticMethod,
    InstanceMethod,
    StaticProperty,
    Constructor,
    ImplicitConstructor,

    /// <summary>A member printed from <see cref="MemberDecl.Signature"/> with a block body and <see cref="MemberDecl.Epilogue"/>.</summary>
    Custom,

    /// <summary>An indexer's getter: <c>public int this[int i] { get { ... } }</c>.</summary>
    Indexer,

    /// <summary>An instance field initialized with a lambda: <c>public System.Action F = () => { ... };</c>.</summary>
    Field,

    /// <summary>A one-line member printed from <see cref="MemberDecl.Signature"/> (no uses).</summary>
    Raw,

    /// <summary>A static property's setter with uses (its getter is a <see cref="Hidden"/> member).</summary>
    Setter,

    /// <summary>A static event's add accessor with uses.</summary>
    EventAdd,

    /// <summary>A static field initialized with a lambda.</summary>
    StaticField,

    /// <summary>Not printed on its own (the getter of a <see cref="Setter"/>'s property).</summary>
    Hidden,

    /// <summary>An instance field-like event initialized with a lambda: <c>public event System.Action E = () => { ... };</c>.</summary>
    EventField,

    /// <summary>A static field-like event initialized with a lambda.</summary>
    StaticEventField,

    /// <summary>A local function with <c>[RequiresScope]</c>, printed at its use (not a member of its type).</summary>
    LocalFunction,

    /// <summary>A static abstract interface method: <c>[RequiresScope("s")] static abstract void Run();</c>.</summary>
    StaticAbstract,
}

public enum UseKind
{
    /// <summary><c>T.M()</c> or <c>default(R).M()</c>.</summary>
    Call,

    /// <summary><c>System.Action g = T.M;</c>.</summary>
    MethodGroup,

    /// <summary><c>_ = T.P;</c>.</summary>
    Property,

    /// <summary><c>new T();</c>.</summary>
    Creation,

    /// <summary><c>using (var u = new R()) { }</c>: IDisposable.Dispose and R's implementation.</summary>
    Using,

    /// <summary><c>((dynamic)null).Go();</c>.</summary>
    Dynamic,

    /// <summary><c>_ = default(Op) + default(Op);</c>: a user-defined operator.</summary>
    Operator,

    /// <summary><c>int c = default(Cv);</c>: a user-defined implicit conversion.</summary>
    Conversion,

    /// <summary><c>foreach (var e in default(En)) { }</c>: GetEnumerator, MoveNext, Current.</summary>
    ForEach,

    /// <summary><c>await default(Aw)</c> in an async lambda or local function: GetAwaiter, GetResult.</summary>
    Await,

    /// <summary><c>var (a, b) = default(Dc);</c>: Deconstruct.</summary>
    Deconstruction,

    /// <summary><c>_ = default(Ix)[0];</c>: an indexer.</summary>
    Indexer,

    /// <summary><c>T.P = 1;</c> (setter) or <c>T.P += 1;</c> (getter and setter).</summary>
    Assignment,

    /// <summary><c>T.E += () => { };</c>: the add accessor.</summary>
    EventSubscription,

    /// <summary><c>base.V();</c> in an override.</summary>
    BaseCall,

    /// <summary><c>_ = nameof(T.M);</c> or <c>_ = typeof(T);</c>: not a use.</summary>
    NotAUse,

    /// <summary><c>(T.P, _) = (1, 2);</c>: the setter.</summary>
    DeconstructionAssignment,

    /// <summary><c>await using (var u = new Ad()) { }</c>: the pattern DisposeAsync.</summary>
    AwaitUsing,

    /// <summary><c>_ = default(Sq)[^1];</c>: Length/Count and the indexer.</summary>
    IndexFromEnd,

    /// <summary><c>_ = default(Sq)[1..2];</c>: Length/Count and Slice.</summary>
    RangeSlice,

    /// <summary><c>_ = default(Sq) is [0];</c>: Length/Count and the indexer.</summary>
    ListPattern,

    /// <summary><c>[RequiresScope("s")] void lf0() { } lf0();</c>.</summary>
    LocalRequires,

    /// <summary><c>Dy.Go((dynamic)0);</c>: every candidate, and undetermined.</summary>
    DynamicCandidates,

    /// <summary><c>_ = Service.Limit;</c>: a constant, not a use.</summary>
    ConstantRead,

    /// <summary>MethodBase.Invoke, Activator.CreateInstance or ConstructorInfo.Invoke: the target is the entry point.</summary>
    Reflection,

    /// <summary><c>Sink.Take(default(Cv));</c>: the implicit conversion of the argument.</summary>
    ArgumentConversion,
}



public enum Wrapper
{
    None,
    Lambda,
    LocalFunction,
}

public enum ArgForm
{
    Literal,
    Constant,
    Null,
    Empty,
    Whitespace,
}

/// <summary>One scope argument of an attribute as written: a scope (or wildcard) and how it is spelled.</summary>
public sealed class ScopeArg
{
    public ScopeArg(string scope, ArgForm form)
    {
        Scope = scope;
        Form = form;
    }

    public string Scope { get; }

    public ArgForm Form { get; }

    public bool IsValid => Form is ArgForm.Literal or ArgForm.Constant;

    // Filled by the printer: the span of the argument expression.
    public int Start { get; set; }

    public int End { get; set; }
}

public sealed class Feature
{
    public Feature(string name, List<ScopeArg> needs, bool asArray)
    {
        Name = name;
        Needs = needs;
        AsArray = asArray;
    }

    public string Name { get; }

    public List<ScopeArg> Needs { get; }

    public bool AsArray { get; }
}

/// <summary>What a principal declares. Grants are printed as one or two attributes, plain or as an array.</summary>
public sealed class Declaration
{
    public Declaration(List<List<ScopeArg>> grantAttributes, List<bool> grantArrays, List<Feature> features)
    {
        GrantAttributes = grantAttributes;
        GrantArrays = grantArrays;
        Features = features;
    }

    public List<List<ScopeArg>> GrantAttributes { get; }

    public List<bool> GrantArrays { get; }

    public List<Feature> Features { get; }

    public IEnumerable<ScopeArg> Grants => GrantAttributes.SelectMany(a => a);
}

public sealed class TypeDecl
{
    public TypeDecl(string name, TypeShape shape, bool inMetadata)
    {
        Name = name;
        Shape = shape;
        InMetadata = inMetadata;
    }

    public string Name { get; }

    public TypeShape Shape { get; }

    public bool InMetadata { get; }

    public TypeDecl? Base { get; set; }

    public List<TypeDecl> Interfaces { get; } = new();

    public List<ScopeArg> TypeRequires { get; } = new();

    /// <summary>Terms a scope map's <c>T:</c> entry adds to every member (each term a list of alternatives).</summary>
    public List<List<string>> MapTerms { get; } = new();

    /// <summary>Non-null for a type principal.</summary>
    public Declaration? Principal { get; set; }

    public TypeDecl? Container { get; set; }

    public List<TypeDecl> Nested { get; } = new();

    public List<MemberDecl> Members { get; } = new();

    /// <summary>The implicit constructor's call of the base constructor, reported at the base type (filled by the printer).</summary>
    public Site? BaseSite { get; set; }

    public string QualifiedName => Container is null ? Name : Container.QualifiedName + "." + Name;

    public bool IsClass => Shape is TypeShape.Class or TypeShape.AbstractClass;

    public override string ToString() => QualifiedName;
}

public sealed class MemberDecl
{
    public MemberDecl(TypeDecl type, string name, MemberKind kind)
    {
        Type = type;
        Name = name;
        Kind = kind;
    }

    public TypeDecl Type { get; }

    public string Name { get; }

    public MemberKind Kind { get; }

    public bool IsVirtual { get; set; }

    public bool IsAbstract { get; set; }

    public bool IsOverride { get; set; }

    public bool IsGeneric { get; set; }

    /// <summary>A reflection entry point (<c>Activator.CreateInstance</c>): not printed, its use is undetermined (PA0009).</summary>
    public bool IsReflection { get; set; }

    /// <summary>The span of the member's name as printed (the operator token, the conversion's type, <c>this</c>).</summary>
    public int NameStart { get; set; }

    public int NameEnd { get; set; }

    /// <summary>For <see cref="MemberKind.Custom"/>: the text of the name within <see cref="Signature"/>.</summary>
    public string? NameInSignature { get; set; }

    /// <summary>For a <see cref="MemberKind.Setter"/>: its property's getter.</summary>
    public MemberDecl? Getter { get; set; }

    public MemberDecl? Overridden { get; set; }

    public MemberDecl? Implemented { get; set; }

    public List<ScopeArg> Requires { get; } = new();

    /// <summary>Each <c>[RequiresAnyScope]</c> on the member: one term, its alternatives in declared order.</summary>
    public List<List<string>> RequiresAny { get; } = new();

    /// <summary>Terms a scope map's <c>M:</c>/<c>P:</c> entry adds to the member.</summary>
    public List<List<string>> MapTerms { get; } = new();

    /// <summary>The documentation-comment ID a scope map names the member by (null when it has none the generator maps).</summary>
    public string? DocumentationId { get; set; }

    /// <summary>For <see cref="MemberKind.Custom"/> and <see cref="MemberKind.Raw"/>: the declaration as printed.</summary>
    public string? Signature { get; set; }

    /// <summary>For <see cref="MemberKind.Custom"/>: statements after the uses (a return).</summary>
    public string? Epilogue { get; set; }

    /// <summary>
    /// For a constructor: the sites of the instance field initializers it runs, after its own (base call,
    /// body). They count for what calling the constructor reaches; as own code they are the field's.
    /// </summary>
    public List<Site> InitializerSites { get; } = new();

    /// <summary>For a use of this member by an implicit call (foreach, await): the other members called with it.</summary>
    public List<MemberDecl> Companions { get; } = new();

    /// <summary>The uses in the member's body, in source order; null when it has no body the analyzer can see.</summary>
    public List<Use>? Body { get; set; }

    /// <summary>The member's use sites in source order (filled by the printer; includes an implicit base-constructor call).</summary>
    public List<Site> Sites { get; } = new();

    public bool IsMethodLike => Kind is MemberKind.StaticMethod or MemberKind.InstanceMethod;

    public override string ToString() => Type.Name + "." + Name;
}

/// <summary>One use in a body: what it targets, how it is written, and wrapped how.</summary>
public sealed class Use
{
    public Use(UseKind kind, MemberDecl? target, TypeDecl? receiver, Wrapper wrapper, bool alternative = false)
    {
        Kind = kind;
        Target = target;
        Receiver = receiver;
        Wrapper = wrapper;
        Alternative = alternative;
    }

    /// <summary>For <see cref="UseKind.DynamicCandidates"/>: the candidate members, in declaration order.</summary>
    public IReadOnlyList<MemberDecl> Candidates { get; init; } = System.Array.Empty<MemberDecl>();

    /// <summary>The second form of a kind: a compound assignment, <c>typeof</c> instead of <c>nameof</c>.</summary>
    public bool Alternative { get; }

    public UseKind Kind { get; }

    /// <summary>The member used (for Using: the resource class's Dispose; for Creation: the constructor).</summary>
    public MemberDecl? Target { get; }

    /// <summary>For instance calls: the static type of the receiver <c>default(R)</c>.</summary>
    public TypeDecl? Receiver { get; }

    public Wrapper Wrapper { get; }
}

/// <summary>A use site as printed: its span and the members it reaches directly, in the order the model binds them.</summary>
public sealed class Site
{
    public Site(int start, int end, IReadOnlyList<MemberDecl> targets, bool isDynamic, string kind)
    {
        Start = start;
        End = end;
        Targets = targets;
        IsDynamic = isDynamic;
        Kind = kind;
    }

    public int Start { get; }

    public int End { get; }

    public IReadOnlyList<MemberDecl> Targets { get; }

    public bool IsDynamic { get; }

    /// <summary>The kind of use, for the occurrence counts.</summary>
    public string Kind { get; }
}

/// <summary>Where a catalog statement is written.</summary>
public enum CatalogPlace
{
    /// <summary><c>[assembly: ...]</c> in the analyzed source.</summary>
    Source,

    /// <summary><c>[assembly: ...]</c> in the referenced library (seen through metadata).</summary>
    Library,

    /// <summary>A line of <c>ScopeMap.txt</c>.</summary>
    Map,
}

/// <summary><c>[assembly: ScopeImplies("a", "b", "c")]</c> or <c>scope a implies b, c</c>.</summary>
public sealed class ImplicationDecl
{
    public ImplicationDecl(string scope, List<ScopeArg> implied, CatalogPlace place)
    {
        Scope = scope;
        Implied = implied;
        Place = place;
    }

    public string Scope { get; }

    /// <summary>The implied scopes; for an attribute, their argument spans (filled by the printer).</summary>
    public List<ScopeArg> Implied { get; }

    public CatalogPlace Place { get; }

    /// <summary>For a map line: its span in the map text (filled by the printer).</summary>
    public int LineStart { get; set; }

    public int LineEnd { get; set; }
}

public sealed class ProgramModel
{
    /// <summary>What the map's spans are shifted by in <see cref="Expected"/>, so they never meet the source's.</summary>
    public const int MapOffset = 10_000_000;

    /// <summary>The scope catalog's implications, in the order the analyzer reads them: source, library, map.</summary>
    public List<ImplicationDecl> Implications { get; } = new();

    /// <summary><c>[assembly: DestructiveScope("x")]</c> or <c>scope x destructive</c>.</summary>
    public List<(string Scope, CatalogPlace Place)> DestructiveScopes { get; } = new();

    /// <summary>The text of <c>ScopeMap.txt</c>, empty when the program has no map (filled by the printer).</summary>
    public string MapText { get; set; } = string.Empty;

    public bool HasMap => Implications.Any(i => i.Place == CatalogPlace.Map) || DestructiveScopes.Any(d => d.Place == CatalogPlace.Map)
        || AllTypes.Any(t => t.MapTerms.Count > 0) || AllMembers.Any(m => m.MapTerms.Count > 0);

    public List<TypeDecl> Types { get; } = new();

    /// <summary>Built as a library (what other assemblies reference) rather than an application: PA0012 applies.</summary>
    public bool IsLibrary { get; set; } = true;

    /// <summary>What this program may contain and the reference model judges.</summary>
    public Coverage Coverage { get; set; }

    /// <summary>The assembly principal's declaration, if the assembly is one.</summary>
    public Declaration? AssemblyPrincipal { get; set; }

    /// <summary>System.IDisposable.Dispose, as the model sees it: no body, no requirement.</summary>
    public MemberDecl DisposeInterfaceMember { get; } = CreateDispose();

    // Filled by the printer.
    public string Source { get; set; } = string.Empty;

    public string LibrarySource { get; set; } = string.Empty;

    /// <summary>Spans of [RequiresScope] arguments (the printer records them).</summary>
    public List<(ScopeArg Arg, bool InMetadata)> RequiresArgs { get; } = new();

    public IEnumerable<TypeDecl> AllTypes => Types.SelectMany(Flatten);

    public IEnumerable<MemberDecl> AllMembers => AllTypes.SelectMany(t => t.Members);

    public override string ToString() => Source + (LibrarySource.Length > 0 ? "\n// ---- referenced library (metadata) ----\n" + LibrarySource : string.Empty)
        + (MapText.Length > 0 ? "\n// ---- ScopeMap.txt ----\n" + MapText : string.Empty);

    private static IEnumerable<TypeDecl> Flatten(TypeDecl type) => new[] { type }.Concat(type.Nested.SelectMany(Flatten));

    private static MemberDecl CreateDispose()
    {
        var disposable = new TypeDecl("System.IDisposable", TypeShape.Interface, inMetadata: true);
        var dispose = new MemberDecl(disposable, "Dispose", MemberKind.InstanceMethod) { IsAbstract = true };
        disposable.Members.Add(dispose);
        return dispose;
    }
}
