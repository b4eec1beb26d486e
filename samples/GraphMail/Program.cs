using System;
using Azure.Identity;
using GraphMail.Partners;

// Built to be analyzed, not run against a tenant: each partner asks Graph for its scopes with the user's credential.
var credential = new InteractiveBrowserCredential();
var partners = new object[] { new SongSharingPartner(credential), new LeastPrivilegePartner(credential) };
Console.WriteLine($"{partners.Length} partners ready");
