using System;
using System.Net.Http;
using GraphMail.Partners;
using Microsoft.Graph;

// Built to be analyzed, not run against a tenant: a real app passes a credential (Azure.Identity) and the scopes
// it requests to GraphServiceClient.
using var http = new HttpClient();
var graph = new GraphServiceClient(http);
var partner = new LeastPrivilegePartner(graph);
Console.WriteLine($"{nameof(LeastPrivilegePartner)} ready: {partner.GetType().Name}");
