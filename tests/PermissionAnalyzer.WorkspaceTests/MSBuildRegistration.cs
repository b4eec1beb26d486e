using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace PermissionAnalyzer.WorkspaceTests;

internal static class MSBuildRegistration
{
#pragma warning disable CA2255 // A test assembly: the SDK's MSBuild must be registered before any test loads an MSBuild type.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
