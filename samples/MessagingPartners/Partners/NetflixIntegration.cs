using System;
using MessagingPartners.Platform;
using MessagingPartners.Sharing;
using PermissionAnalyzer;

namespace MessagingPartners.Partners;

public sealed record Show(string Title, int Season, Uri Url);

/// <summary>
/// Netflix: lets a viewer recommend a show to a friend. Granted read, write and delete on messages,
/// as reported in 2018; its feature needs only to send, and nothing in its code reads or deletes.
/// </summary>
[GrantedScopes("messages:read", "messages:send", "messages:delete")]
[FeatureNeeds("Recommend a show to a friend", "messages:send")]
public sealed class NetflixIntegration
{
    private readonly MessagingClient messenger;

    public NetflixIntegration(MessagingClient messenger)
    {
        this.messenger = messenger;
    }

    public MessageId Recommend(UserId viewer, UserId friend, Show show) =>
        LinkShare.Send(messenger, viewer, friend, Pitch(viewer, show), new LinkAttachment(show.Title, show.Url));

    private static string Pitch(UserId viewer, Show show) =>
        show.Season > 1
            ? $"{viewer} thinks you should watch {show.Title}, season {show.Season}"
            : $"{viewer} thinks you should watch {show.Title}";
}
