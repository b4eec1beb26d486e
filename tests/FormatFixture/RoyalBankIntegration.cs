namespace FormatFixture;

/// <summary>Royal Bank of Canada: pay a friend from a conversation.</summary>
[PermissionAnalyzer.GrantedScopes("contacts:*")]
public sealed partial class RoyalBankIntegration
{
    public string Pay(string friend, decimal amount) => ContactsApi.Read(friend) + MessagesApi.ReadThread(friend) + amount;
}
