using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace GraphMapGenerator;

/// <summary>One request-builder method of the SDK: the HTTP verb it sends (null when it sends nothing we could read).</summary>
internal sealed record BuilderMethod(string Name, string? Verb);

/// <summary>A request builder: its metadata name, the path of its URL template, and its sending methods.</summary>
internal sealed record RequestBuilder(string TypeName, string UrlTemplate, IReadOnlyList<BuilderMethod> Methods);

/// <summary>
/// Reads the request builders of a Kiota-generated SDK (Microsoft.Graph) from metadata only: a builder derives from
/// <c>Microsoft.Kiota.Abstractions.BaseRequestBuilder</c>; its URL template is the string literal its constructor
/// passes to the base; each public <c>*Async</c> method calls a <c>To*RequestInformation</c> method (in the
/// compiler's state machine when the method is <c>async</c>) that creates <c>new RequestInformation(Method.X, ...)</c>.
/// </summary>
internal static class SdkReader
{
    private const string BaseRequestBuilder = "Microsoft.Kiota.Abstractions.BaseRequestBuilder";


    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>The values of <c>Microsoft.Kiota.Abstractions.Method</c>: number → verb name.</summary>
    public static IReadOnlyDictionary<int, string> ReadVerbs(string kiotaAssemblyPath)
    {
        using var stream = File.OpenRead(kiotaAssemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var verbs = new Dictionary<int, string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (FullName(md, type) != "Microsoft.Kiota.Abstractions.Method")
            {
                continue;
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                if (!field.GetDefaultValue().IsNil)
                {
                    var blob = md.GetBlobReader(md.GetConstant(field.GetDefaultValue()).Value);
                    verbs[blob.ReadInt32()] = md.GetString(field.Name);
                }
            }
        }

        return verbs.Count > 0 ? verbs : throw new InvalidOperationException("no Method enum in " + kiotaAssemblyPath);
    }

    public static IReadOnlyList<RequestBuilder> Read(string assemblyPath, IReadOnlyDictionary<int, string> verbs)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var builders = new List<RequestBuilder>();
        var isBuilder = new Dictionary<TypeDefinitionHandle, bool>();

        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (type.GetDeclaringType().IsNil && IsRequestBuilder(md, handle, isBuilder))
            {
                var builder = ReadBuilder(md, pe, type, verbs);
                if (builder is not null)
                {
                    builders.Add(builder);
                }
            }
        }

        builders.Sort((a, b) => string.CompareOrdinal(a.TypeName, b.TypeName));
        return builders;
    }

    private static bool IsRequestBuilder(MetadataReader md, TypeDefinitionHandle handle, Dictionary<TypeDefinitionHandle, bool> known)
    {
        if (known.TryGetValue(handle, out var result))
        {
            return result;
        }

        known[handle] = false;
        var baseType = md.GetTypeDefinition(handle).BaseType;
        result = baseType.IsNil ? false : baseType.Kind switch
        {
            HandleKind.TypeReference => FullName(md, (TypeReferenceHandle)baseType) == BaseRequestBuilder,
            HandleKind.TypeDefinition => IsRequestBuilder(md, (TypeDefinitionHandle)baseType, known),
            _ => false,
        };
        return known[handle] = result;
    }

    private static RequestBuilder? ReadBuilder(MetadataReader md, PEReader pe, TypeDefinition type, IReadOnlyDictionary<int, string> verbs)
    {
        var typeName = FullName(md, type);
        string? template = null;
        var methods = new List<BuilderMethod>();
        var stateMachines = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        foreach (var nested in type.GetNestedTypes())
        {
            var nestedType = md.GetTypeDefinition(nested);
            var name = md.GetString(nestedType.Name);
            if (name.StartsWith('<') && name.IndexOf(">d__", StringComparison.Ordinal) is > 1 and var end)
            {
                stateMachines.TryAdd(name[1..end], nestedType);
            }
        }

        var requestInformationVerbs = new Dictionary<string, (string? Verb, string? Template)>(StringComparer.Ordinal);
        foreach (var handle in type.GetMethods())
        {
            var method = md.GetMethodDefinition(handle);
            var name = md.GetString(method.Name);
            if (name == ".ctor")
            {
                template ??= Literals(md, pe, method).FirstOrDefault(s => s.StartsWith("{+baseurl}", StringComparison.Ordinal));
            }
            else if (name.StartsWith("To", StringComparison.Ordinal) && name.EndsWith("RequestInformation", StringComparison.Ordinal))
            {
                requestInformationVerbs[name] = (VerbOf(md, pe, method, verbs), Literals(md, pe, method).FirstOrDefault(s => s.StartsWith("{+baseurl}", StringComparison.Ordinal)));
            }
        }

        foreach (var handle in type.GetMethods())
        {
            var method = md.GetMethodDefinition(handle);
            var name = md.GetString(method.Name);
            if ((method.Attributes & MethodAttributes.MemberAccessMask) != MethodAttributes.Public
                || (method.Attributes & (MethodAttributes.Static | MethodAttributes.SpecialName)) != 0)
            {
                continue;
            }

            if (name == "WithUrl")
            {
                methods.Add(new BuilderMethod(name, null));
                continue;
            }

            if (!name.EndsWith("Async", StringComparison.Ordinal) || methods.Any(m => m.Name == name))
            {
                continue;
            }

            var body = stateMachines.TryGetValue(name, out var machine)
                ? machine.GetMethods().Select(md.GetMethodDefinition).First(m => md.GetString(m.Name) == "MoveNext")
                : method;
            var verb = CalledMethods(md, pe, body)
                .Where(requestInformationVerbs.ContainsKey)
                .Select(called => requestInformationVerbs[called].Verb)
                .FirstOrDefault(v => v is not null);
            methods.Add(new BuilderMethod(name, verb));
        }

        if (template is null)
        {
            Console.Error.WriteLine($"no URL template: {typeName}");
            return null;
        }

        return new RequestBuilder(typeName, template, methods);
    }

    /// <summary>The verb of the <c>new RequestInformation(Method.X, ...)</c> in a method's body: the last int constant before it.</summary>
    private static string? VerbOf(MetadataReader md, PEReader pe, MethodDefinition method, IReadOnlyDictionary<int, string> verbs)
    {
        int? lastInt = null;
        foreach (var (opcode, operand) in Instructions(pe, method))
        {
            switch (opcode)
            {
                case >= 0x16 and <= 0x1E: // ldc.i4.0 .. ldc.i4.8
                    lastInt = opcode - 0x16;
                    break;
                case 0x1F or 0x20: // ldc.i4.s, ldc.i4
                    lastInt = operand;
                    break;
                case 0x73 when lastInt is { } value && DeclaringTypeName(md, MetadataTokens.EntityHandle(operand)) == "Microsoft.Kiota.Abstractions.RequestInformation":
                    return verbs.TryGetValue(value, out var verb) ? verb : null;
            }
        }

        return null;
    }

    private static IEnumerable<string> Literals(MetadataReader md, PEReader pe, MethodDefinition method)
    {
        foreach (var (opcode, operand) in Instructions(pe, method))
        {
            if (opcode == 0x72)
            {
                yield return md.GetUserString(MetadataTokens.UserStringHandle(operand & 0xFFFFFF));
            }
        }
    }

    private static IEnumerable<string> CalledMethods(MetadataReader md, PEReader pe, MethodDefinition method)
    {
        foreach (var (opcode, operand) in Instructions(pe, method))
        {
            if (opcode is 0x28 or 0x6F)
            {
                var handle = MetadataTokens.EntityHandle(operand);
                if (handle.Kind == HandleKind.MethodDefinition)
                {
                    yield return md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)handle).Name);
                }
                else if (handle.Kind == HandleKind.MemberReference)
                {
                    yield return md.GetString(md.GetMemberReference((MemberReferenceHandle)handle).Name);
                }
            }
        }
    }

    private static string? DeclaringTypeName(MetadataReader md, EntityHandle handle)
    {
        if (handle.Kind != HandleKind.MemberReference)
        {
            return null;
        }

        var parent = md.GetMemberReference((MemberReferenceHandle)handle).Parent;
        return parent.Kind == HandleKind.TypeReference ? FullName(md, (TypeReferenceHandle)parent) : null;
    }

    /// <summary>The instructions of a method body as (opcode, int operand); wider operands are skipped.</summary>
    private static IEnumerable<(int OpCode, int Operand)> Instructions(PEReader pe, MethodDefinition method)
    {
        if (method.RelativeVirtualAddress == 0)
        {
            yield break;
        }

        var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = unchecked((short)(0xFE00 | il.ReadByte()));
            }

            var operandType = Operands.TryGetValue(unchecked((short)code), out var type) ? type : OperandType.InlineNone;
            var operand = 0;
            switch (operandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineVar:
                    il.ReadByte();
                    break;
                case OperandType.ShortInlineI:
                    operand = il.ReadSByte();
                    break;
                case OperandType.InlineVar:
                    il.ReadInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    il.Offset += count * 4;
                    break;
                default:
                    operand = il.ReadInt32();
                    break;
            }

            yield return (code, operand);
        }
    }

    private static string FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        return md.GetString(type.Namespace) + "." + md.GetString(type.Name);
    }

    private static string FullName(MetadataReader md, TypeDefinition type) =>
        md.GetString(type.Namespace) + "." + md.GetString(type.Name);
}
