using System.Linq;
using Messenger.Platform;

namespace Messenger.Helpers;

/// <summary>Conversation helpers shared by the team's apps.</summary>
public static class Conversations
{
    /// <summary>The newest message of a thread.</summary>
    public static string LastMessage(string threadId) => MessagingClient.ReadThread(threadId).Last();

    /// <summary>Answers in a thread, quoting its newest message.</summary>
    public static void ReplyTo(string threadId, string text) =>
        MessagingClient.Send(threadId, $"> {LastMessage(threadId)}\n{text}");

    /// <summary>Counts the messages of a thread; an internal detail, not part of the library's contract.</summary>
    internal static int Count(string threadId) => MessagingClient.ReadThread(threadId).Count;
}
