using MessagingPartners.Platform;

namespace MessagingPartners.Sharing;

/// <summary>
/// The share-a-link helper every partner SDK wraps: one message with a link card. It belongs to no
/// partner; the scope it uses counts for every partner that calls it.
/// </summary>
public static class LinkShare
{
    public static MessageId Send(MessagingClient messenger, UserId sender, UserId recipient, string text, LinkAttachment link)
    {
        var body = text.Length <= MaxTextLength ? text : text.Substring(0, MaxTextLength - 1) + "…";
        return messenger.Send(sender, recipient, body, link);
    }

    private const int MaxTextLength = 280;
}
