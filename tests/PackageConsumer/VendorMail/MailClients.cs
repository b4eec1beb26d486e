namespace VendorMail;

/// <summary>A vendor's mailbox client; every call goes to the vendor's service with the app's token.</summary>
public sealed class MailboxClient
{
    public string[] ListMessages(string folder) => new[] { folder + "/1", folder + "/2" };

    public string ReadMessage(string id) => "message " + id;

    public void DeleteMessage(string id) { _ = id.Length; }
}

/// <summary>The vendor's search service: all of it reads mail.</summary>
public sealed class MailSearch
{
    public string[] Find(string query) => new[] { query };

    public int Count(string query) => Find(query).Length;
}
