using System.Collections.Generic;
using PermissionAnalyzer;

namespace Messenger.Platform;

/// <summary>The platform's API. Each operation declares the scope a caller's token must hold.</summary>
public static class MessagingClient
{
    [RequiresScope("messages:read")]
    public static IReadOnlyList<string> ReadThread(string threadId) => new[] { $"last message of {threadId}" };

    [RequiresScope("messages:send")]
    public static void Send(string threadId, string text)
    {
    }

    [RequiresScope("messages:delete")]
    public static void DeleteMessage(string messageId)
    {
    }
}
