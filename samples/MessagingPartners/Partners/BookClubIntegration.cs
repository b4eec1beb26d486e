using System;
using MessagingPartners.Platform;
using MessagingPartners.Sharing;
using PermissionAnalyzer;

namespace MessagingPartners.Partners;

public sealed record Book(string Title, string Author, Uri Url);

/// <summary>
/// A partner that follows least privilege: it invites the members of a group conversation to read a
/// book together. It is granted exactly what its code uses (see who is in the conversation, send), and
/// its declared feature needs exactly that. The analyzer has nothing to say about it.
/// </summary>
[GrantedScopes("threads:read", "messages:send")]
[FeatureNeeds("Invite a group conversation to read a book", "threads:read", "messages:send")]
public sealed class BookClubIntegration
{
    private readonly MessagingClient messenger;

    public BookClubIntegration(MessagingClient messenger)
    {
        this.messenger = messenger;
    }

    public int InviteGroup(UserId host, ThreadId group, Book book)
    {
        var invited = 0;
        foreach (var member in messenger.ListParticipants(group))
        {
            if (member != host)
            {
                LinkShare.Send(messenger, host, member, $"{host} invites you to read {book.Title} by {book.Author}", new LinkAttachment(book.Title, book.Url));
                invited++;
            }
        }

        return invited;
    }
}
