using System.Collections.Generic;
using PermissionAnalyzer.Report.Model;

namespace PermissionAnalyzer.Report.Writers;

/// <summary>The text marks of a matrix cell, shared by Markdown and HTML so both read without colour.</summary>
internal static class Marks
{
    public const string Legend = "G granted · N needed by a declared feature · U used by the code · B broader than needed · D destructive scope · — nothing";

    public static IEnumerable<string> Of(MatrixCell cell)
    {
        if (cell.Granted)
        {
            yield return "G";
        }

        if (cell.Needed)
        {
            yield return "N";
        }

        if (cell.Used)
        {
            yield return "U";
        }

        if (cell.BroaderThanNeeded)
        {
            yield return "B";
        }

        if (cell.Destructive && cell.Granted)
        {
            yield return "D";
        }
    }
}
