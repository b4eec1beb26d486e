using System.Collections.Generic;
using System.Globalization;
using MessagingPartners.Platform;
using PermissionAnalyzer;

namespace MessagingPartners.Partners;

public sealed record Transfer(string Reference, UserId Sender, UserId Recipient, decimal Amount, string Currency);

/// <summary>
/// Royal Bank of Canada: tells a friend that money is on its way. Granted read, write and delete on
/// messages, as reported in 2018; its declared feature needs only to send. Its code also takes a notice
/// back when the transfer is cancelled, which deletes a message from the users' conversation: a use of
/// delete that no declared feature covers.
/// </summary>
[GrantedScopes("messages:read", "messages:send", "messages:delete")]
[FeatureNeeds("Notify a friend of a money transfer", "messages:send")]
public sealed class RoyalBankOfCanadaIntegration
{
    private readonly MessagingClient messenger;
    private readonly Dictionary<string, MessageId> notices = new();

    public RoyalBankOfCanadaIntegration(MessagingClient messenger)
    {
        this.messenger = messenger;
    }

    public void NotifyTransfer(Transfer transfer)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{transfer.Sender} sent you {transfer.Amount:0.00} {transfer.Currency}");
        notices[transfer.Reference] = messenger.Send(transfer.Sender, transfer.Recipient, text);
    }

    public void CancelTransfer(Transfer transfer)
    {
        if (notices.Remove(transfer.Reference, out var notice))
        {
            Retract(notice);
        }
    }

    private void Retract(MessageId notice) => messenger.DeleteMessage(notice);
}
