using PermissionAnalyzer;

namespace FormatFixture;

[GrantedScopes(new[] { Scopes.Read, "contacts:read" })]
public sealed partial class RoyalBankIntegration
{
}
