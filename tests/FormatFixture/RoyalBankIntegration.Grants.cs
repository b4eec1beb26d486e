using PermissionAnalyzer;

namespace FormatFixture;

[GrantedScopes(new[] { Scopes.Read, "messages:purgeHistory", "contacts:read" })]
public sealed partial class RoyalBankIntegration
{
}
