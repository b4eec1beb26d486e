using System.Threading;

namespace PermissionAnalyzer.Engine;

// Grant requests: the scopes code requests for its token (GraphServiceClient, MSAL, Identity.Web), found once per compilation.
internal sealed partial class ScopeIndex
{
    private GrantRequests? grantRequests;

    /// <summary>The compilation's grant requests (DESIGN.md, "Grant requests in code"), found on first use.</summary>
    public GrantRequests Requests => LazyInitializer.EnsureInitialized(ref grantRequests, () =>
        GrantRequests.Find(Compilation, declaresAssemblyPrincipal, GetSemanticModel, CancellationToken.None))!;
}
