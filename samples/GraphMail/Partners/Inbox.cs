using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Me.SendMail;
using Microsoft.Graph.Models;

namespace GraphMail.Partners;

/// <summary>What both partners do with a user's mailbox: list the latest messages, send one. Plain Graph SDK calls.</summary>
internal static class Inbox
{
    public static async Task<IReadOnlyList<string>> LatestSubjects(GraphServiceClient graph, int count)
    {
        var page = await graph.Me.Messages.GetAsync(request =>
        {
            request.QueryParameters.Top = count;
            request.QueryParameters.Orderby = ["receivedDateTime desc"];
            request.QueryParameters.Select = ["subject", "from", "receivedDateTime"];
        });
        return page?.Value?.Select(message => message.Subject ?? "(no subject)").ToList() ?? [];
    }

    public static Task Send(GraphServiceClient graph, string to, string text) =>
        graph.Me.SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = "Shared with you",
                Body = new ItemBody { ContentType = BodyType.Text, Content = text },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to } }],
            },
        });
}
