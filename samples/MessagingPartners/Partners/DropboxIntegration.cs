using System;
using System.Collections.Generic;
using MessagingPartners.Platform;
using MessagingPartners.Sharing;
using PermissionAnalyzer;

namespace MessagingPartners.Partners;

public sealed record SharedFolder(string Name, Uri Link);

public sealed record FolderPreview(string Name, Uri Link);

/// <summary>
/// Dropbox: lets a user share a folder link in a conversation and preview the Dropbox links already
/// in it. Granted read, write and delete on messages, as reported in 2018; it reads and sends, as its
/// features say, and never deletes.
/// </summary>
[GrantedScopes("messages:read", "messages:send", "messages:delete")]
[FeatureNeeds("Share a folder link in a conversation", "messages:send")]
[FeatureNeeds("Preview the Dropbox links of a conversation", "messages:read")]
public sealed class DropboxIntegration
{
    private readonly MessagingClient messenger;

    public DropboxIntegration(MessagingClient messenger)
    {
        this.messenger = messenger;
    }

    public MessageId ShareFolder(UserId owner, UserId friend, SharedFolder folder) =>
        LinkShare.Send(messenger, owner, friend, $"{owner} shared the folder \"{folder.Name}\" with you", new LinkAttachment(folder.Name, folder.Link));

    public IReadOnlyList<FolderPreview> PreviewLinks(ThreadId conversation)
    {
        var previews = new List<FolderPreview>();
        foreach (var link in InboxScanner.FindLinks(messenger, conversation, "www.dropbox.com"))
        {
            previews.Add(new FolderPreview(link.Title, link.Url));
        }

        return previews;
    }
}
