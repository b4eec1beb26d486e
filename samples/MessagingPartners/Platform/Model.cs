using System;

namespace MessagingPartners.Platform;

/// <summary>A person on the messaging platform.</summary>
public readonly record struct UserId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A conversation between two or more people.</summary>
public readonly record struct ThreadId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>One message of a conversation.</summary>
public readonly record struct MessageId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A link card shown under a message: a song, a show, a folder, a transfer.</summary>
public sealed record LinkAttachment(string Title, Uri Url);

/// <summary>A message as stored by the platform: the private content partners were able to read.</summary>
public sealed record Message(MessageId Id, ThreadId Thread, UserId Sender, string Text, LinkAttachment? Link, DateTimeOffset SentAt);
