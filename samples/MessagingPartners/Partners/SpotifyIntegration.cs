using System;
using System.Collections.Generic;
using MessagingPartners.Platform;
using MessagingPartners.Sharing;
using PermissionAnalyzer;

namespace MessagingPartners.Partners;

public sealed record Song(string Title, string Artist, Uri Url);

/// <summary>
/// Spotify: lets a listener share a song with a friend. Granted read, write and delete on messages,
/// as reported in 2018; the one feature it declared needs only to send.
/// </summary>
[GrantedScopes("messages:read", "messages:send", "messages:delete")]
[FeatureNeeds("Share a song with a friend", "messages:send")]
public sealed class SpotifyIntegration
{
    private readonly MessagingClient messenger;

    public SpotifyIntegration(MessagingClient messenger)
    {
        this.messenger = messenger;
    }

    public MessageId ShareSong(UserId listener, UserId friend, Song song) =>
        LinkShare.Send(messenger, listener, friend, $"{listener} shared a song with you", new LinkAttachment($"{song.Title} · {song.Artist}", song.Url));

    /// <summary>The songs shared in a conversation, shown inside the Spotify app.</summary>
    /// <remarks>Not in the declared features: to list them, the integration reads the private conversation.</remarks>
    public IReadOnlyList<LinkAttachment> SongsSharedIn(ThreadId conversation) =>
        InboxScanner.FindLinks(messenger, conversation, "open.spotify.com");
}
