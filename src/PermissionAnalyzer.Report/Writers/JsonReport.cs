using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PermissionAnalyzer.Report.Model;

namespace PermissionAnalyzer.Report.Writers;

/// <summary>
/// The report as JSON (docs/report-schema.json): camelCase names, properties in declaration order, absent values
/// left out, lists in the builder's fixed order, '\n' line ends: two reports of the same code are equal byte for byte.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Scopes, chains ("A → B") and messages stay readable; the JSON is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(PermissionReport report) => JsonSerializer.Serialize(report, Options) + "\n";
}
