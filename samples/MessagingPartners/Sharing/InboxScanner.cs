using System;
using System.Collections.Generic;
using MessagingPartners.Platform;

namespace MessagingPartners.Sharing;

/// <summary>
/// Finds the link cards a partner's users exchanged in a conversation. It reads the conversation, so
/// calling it needs <c>messages:read</c> even though the caller never names that API.
/// </summary>
public static class InboxScanner
{
    public static IReadOnlyList<LinkAttachment> FindLinks(MessagingClient messenger, ThreadId conversation, string host)
    {
        var links = new List<LinkAttachment>();
        foreach (var message in messenger.ReadThread(conversation))
        {
            if (message.Link is { } link && string.Equals(link.Url.Host, host, StringComparison.OrdinalIgnoreCase))
            {
                links.Add(link);
            }
        }

        return links;
    }
}
