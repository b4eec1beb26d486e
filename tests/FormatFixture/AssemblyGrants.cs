using PermissionAnalyzer;

// The code outside the integrations (the helper) is the assembly's own: it reads messages.
[assembly: GrantedScopes(FormatFixture.Scopes.AllMessages)]
[assembly: GrantedScopes("contacts:delete")]
