using System.Collections.Generic;

namespace PermissionAnalyzer.TrustTests.Robustness;

/// <summary>Hand-written inputs that cover every kind of use and declaration DESIGN.md lists, for mutation.</summary>
public static class CuratedSources
{
    public static IReadOnlyList<(string Name, string Source)> All { get; } = new[]
    {
        ("implicit calls", """
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PermissionAnalyzer;

            public sealed class Mailbox : IEnumerable<string>
            {
                [RequiresScope("mail:list")] public IEnumerator<string> GetEnumerator() { yield break; }
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
                [RequiresScope("mail:write")] public void Add(string item) { }
                [RequiresScope("mail:read")] public void Deconstruct(out string a, out string b) { a = b = ""; }
                [RequiresScope("mail:merge")] public static Mailbox operator +(Mailbox a, Mailbox b) => a;
                [RequiresScope("mail:convert")] public static implicit operator string(Mailbox m) => "";
                [RequiresScope("mail:index")] public string this[int i] => "";
                [RequiresScope("mail:notify")] public event Action? Changed;
            }

            public sealed class Session : IDisposable, IAsyncDisposable
            {
                [RequiresScope("session:close")] public void Dispose() { }
                [RequiresScope("session:close")] public ValueTask DisposeAsync() => default;
            }

            public sealed class Later
            {
                [RequiresScope("later:wait")] public Awaiter GetAwaiter() => new();
                public sealed class Awaiter : System.Runtime.CompilerServices.INotifyCompletion
                {
                    public bool IsCompleted => true;
                    [RequiresScope("later:result")] public int GetResult() => 0;
                    public void OnCompleted(Action continuation) { }
                }
            }

            [GrantedScopes("mail:list", "mail:write", "mail:delete", "mail:*")]
            [FeatureNeeds("Sync", "mail:list", "mail:read")]
            [FeatureNeeds("Wild", "mail:*")]
            public sealed class Client
            {
                private readonly Mailbox box = new() { "a", "b" };
                public async Task RunAsync()
                {
                    foreach (var item in box) { }
                    using (var s = new Session()) { }
                    await using var t = new Session();
                    var (a, b) = box;
                    var merged = box + box;
                    string text = box;
                    var first = box[0];
                    box.Changed += () => { };
                    var r = await new Later();
                    Func<IEnumerator<string>> f = box.GetEnumerator;
                    dynamic d = box;
                    d.Anything();
                    typeof(Mailbox).GetMethod("Add")!.Invoke(box, new object[] { "x" });
                    _ = nameof(Mailbox.Add);
                }
            }
            """),
        ("principals and ownership", """
            using PermissionAnalyzer;

            [assembly: GrantedScopes("repo:read", "delete_repo")]
            [assembly: FeatureNeeds("Browse", "repo:read")]

            [RequiresScope("repo:read")]
            public interface IRepos { void List(); [RequiresScope("repo:write")] void Push(); }

            public abstract class Base { [RequiresScope("base:run")] public abstract void Run(); public virtual void Go() { Helpers.Deep0(); } }
            public class Derived : Base { public override void Run() { } public override void Go() { base.Go(); } }

            public static class Helpers
            {
                public static void Deep0() => Deep1();
                public static void Deep1() => Deep2();
                public static void Deep2() { Deep0(); Api.Purge(); }
            }

            public static class Api
            {
                [RequiresScope("repo:purgeAll")] public static void Purge() { }
                [RequiresScope("")] public static void Empty() { }
                [RequiresScope(null)] public static void Null() { }
                [RequiresScope(Consts.Read, Consts.Write)] public static void Both() { }
            }

            public static class Consts { public const string Read = "repo:read"; public const string Write = "repo:write"; }

            [GrantedScopes(new[] { "repo:read", Consts.Write }, Scopes = null)]
            [FeatureNeeds(feature: "Edit", scopes: new[] { "repo:write" })]
            public partial class Editor : Derived, IRepos
            {
                public void List() { }
                void IRepos.Push() { Helpers.Deep0(); }
                public Editor() : base() { new Derived().Run(); }
                public static int Count { get; } = Compute();
                private static int Compute() { Api.Both(); return 0; }
                [GrantedScopes("nested:*")]
                public struct Inner { public void Work() { Api.Purge(); } }
                private sealed class Owned { public void Work() => Api.Purge(); }
                public record Item(string Name) { public void Touch() => Api.Both(); }
            }

            public partial class Editor { partial void Hook(); public void Use() { System.Action a = Helpers.Deep1; var lambda = () => Api.Purge(); void Local() => Api.Both(); } }

            public class Primary(int x) : Derived { public int X => x; }
            """),
        ("declarations", """
            using PermissionAnalyzer;

            [GrantedScopes]
            [GrantedScopes(null)]
            [GrantedScopes("", " ", "*", "a*")]
            [GrantedScopes((string)null, new string[] { null, "ok" })]
            [FeatureNeeds(null)]
            [FeatureNeeds("f")]
            [FeatureNeeds("f", null)]
            [FeatureNeeds("g", "*", "x:*", "")]
            public class Odd
            {
                [RequiresScope] public void None() { }
                [RequiresScope(new string[0])] public void Zero() { }
                public void Call() { None(); Zero(); }
            }

            [GrantedScopes("generic:use")]
            public class Generic<T> where T : new()
            {
                [RequiresScope("generic:use")] public T Make() => new T();
                public void Use<U>(U u) where U : Generic<T> { u.Make(); }
            }
            """),
        ("grant requests", """
            using System.Collections.Generic;
            using Microsoft.Graph;
            using Microsoft.Identity.Client;
            using Microsoft.Identity.Web;
            using PermissionAnalyzer;

            [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]

            var top = new GraphServiceClient(null, new[] { "Mail.Read", "Files.Read" });
            MailApi.Latest(top);

            namespace Azure.Core { public abstract class TokenCredential { } }

            namespace Microsoft.Graph
            {
                public class GraphServiceClient
                {
                    public GraphServiceClient(Azure.Core.TokenCredential tokenCredential, IEnumerable<string> scopes = null, string baseUrl = null) { }
                }
            }

            namespace Microsoft.Identity.Client
            {
                public interface IPublicClientApplication { object AcquireTokenInteractive(IEnumerable<string> scopes); }
            }

            namespace Microsoft.Identity.Web
            {
                public sealed class AuthorizeForScopesAttribute : System.Attribute { public string[] Scopes { get; set; } }
            }

            public static class MailApi
            {
                [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")] public static string[] Latest(GraphServiceClient client) => new string[0];
                [RequiresScope("Mail.Send")] public static void Send(GraphServiceClient client) { }
            }

            public sealed class Partner
            {
                private const string Send = "Mail.Send";
                private static readonly string[] Scopes = { "Mail.ReadWrite", Send };
                private static readonly string[] Cycle = Again;
                private static readonly string[] Again = Cycle;

                public string[] Show(Azure.Core.TokenCredential c) => MailApi.Latest(new GraphServiceClient(c, Scopes));
                public void Reply(Azure.Core.TokenCredential c) => MailApi.Send(new(c, ["Mail.Send", "https://graph.microsoft.com/Mail.Read", "openid"]));
                public object Login(IPublicClientApplication app) { var s = new List<string> { "Mail.Read" }; return app.AcquireTokenInteractive(s); }
                public object Broken(Azure.Core.TokenCredential c) => new GraphServiceClient(c, Cycle);

                [AuthorizeForScopes(Scopes = new[] { "Calendars.Read" })]
                public sealed class Nested { public void Run(Azure.Core.TokenCredential c) => MailApi.Send(new GraphServiceClient(c, new[] { ".default" })); }
            }
            """),
    };
}
