using PermissionAnalyzer;

// The code outside the integrations (the helper) is the assembly's own: it reads messages.
[assembly: GrantedScopes("messages:read")]
