using Messenger.Helpers;
using PermissionAnalyzer;

namespace ChatBot;

/// <summary>
/// The bot's principal: it reads a thread and answers in it. It was granted delete "in case", and never
/// deletes anything.
/// </summary>
[GrantedScopes("messages:read", "messages:send", "messages:delete")]
public sealed class EchoBot
{
    public void OnMention(string threadId) => Conversations.ReplyTo(threadId, "You said: " + Conversations.LastMessage(threadId));
}
