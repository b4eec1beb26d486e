using Messenger.Platform;
using PermissionAnalyzer;

namespace Messenger.Helpers;

/// <summary>Moderation helpers: a bot that never moderates never calls them.</summary>
public sealed class Moderation
{
    /// <summary>Removes a message that breaks the rules.</summary>
    [RequiresScope("messages:delete")]
    public void Retract(string messageId) => MessagingClient.DeleteMessage(messageId);
}
