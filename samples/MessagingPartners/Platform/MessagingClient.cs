using System;
using System.Collections.Generic;
using System.Linq;
using PermissionAnalyzer;

namespace MessagingPartners.Platform;

/// <summary>
/// The messaging platform's API as a partner integration sees it. Each operation declares the scope a
/// caller must be granted; the analyzer follows calls from the partners' code to these declarations.
/// </summary>
/// <remarks>
/// The scope vocabulary: <c>threads:read</c> (which conversations exist and who is in them, no content),
/// <c>messages:read</c> (the content of private messages), <c>messages:send</c> (write a message as the
/// user) and <c>messages:delete</c> (remove messages from a conversation).
/// </remarks>
public sealed class MessagingClient
{
    private readonly Dictionary<ThreadId, List<Message>> threads = new();
    private readonly Dictionary<ThreadId, HashSet<UserId>> participants = new();
    private readonly TimeProvider clock;
    private long nextMessageId = 1;

    public MessagingClient(TimeProvider clock)
    {
        this.clock = clock;
    }

    /// <summary>The conversations <paramref name="user"/> takes part in.</summary>
    [RequiresScope("threads:read")]
    public IReadOnlyList<ThreadId> ListThreads(UserId user) =>
        participants.Where(p => p.Value.Contains(user)).Select(p => p.Key).ToList();

    /// <summary>Who takes part in a conversation.</summary>
    [RequiresScope("threads:read")]
    public IReadOnlyCollection<UserId> ListParticipants(ThreadId thread) =>
        participants.TryGetValue(thread, out var people) ? people.ToList() : Array.Empty<UserId>();

    /// <summary>The messages of a conversation, oldest first: private content.</summary>
    [RequiresScope("messages:read")]
    public IReadOnlyList<Message> ReadThread(ThreadId thread) =>
        threads.TryGetValue(thread, out var messages) ? messages.ToList() : Array.Empty<Message>();

    /// <summary>Sends a message from <paramref name="sender"/> to <paramref name="recipient"/>.</summary>
    [RequiresScope("messages:send")]
    public MessageId Send(UserId sender, UserId recipient, string text, LinkAttachment? link = null)
    {
        var thread = DirectThread(sender, recipient);
        var message = new Message(new MessageId(nextMessageId++), thread, sender, text, link, clock.GetUtcNow());
        threads[thread].Add(message);
        return message.Id;
    }

    /// <summary>Removes one message from its conversation, for every participant.</summary>
    [RequiresScope("messages:delete")]
    public bool DeleteMessage(MessageId message)
    {
        foreach (var messages in threads.Values)
        {
            if (messages.RemoveAll(m => m.Id == message) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes a whole conversation, for every participant.</summary>
    [RequiresScope("messages:delete")]
    public void DeleteThread(ThreadId thread)
    {
        threads.Remove(thread);
        participants.Remove(thread);
    }

    private ThreadId DirectThread(UserId a, UserId b)
    {
        var pair = string.CompareOrdinal(a.Value, b.Value) < 0 ? (a, b) : (b, a);
        var thread = new ThreadId(pair.Item1.Value + "+" + pair.Item2.Value);
        if (!threads.ContainsKey(thread))
        {
            threads[thread] = new List<Message>();
            participants[thread] = new HashSet<UserId> { a, b };
        }

        return thread;
    }
}
