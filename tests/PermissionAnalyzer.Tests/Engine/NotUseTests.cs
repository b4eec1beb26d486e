using System.Threading.Tasks;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>What is not use: <c>nameof</c>, <c>typeof</c>, attributes, doc comments, mere mentions of a type.</summary>
public class NotUseTests
{
    private const string Apis = """
        using System;
        using PermissionAnalyzer;

        [RequiresScope("messages:admin")]
        public static class MessagesApi
        {
            public const string Name = "messages";

            [RequiresScope("messages:delete")] public static void DeleteThread(string id) { }
        }

        [RequiresScope("audit:write")]
        [AttributeUsage(AttributeTargets.All)]
        public sealed class AuditedAttribute : Attribute
        {
            [RequiresScope("audit:write")] public AuditedAttribute(Type api) { }
        }

        [RequiresScope("contacts:read")]
        public sealed class Contact
        {
        }
        """;

    [Fact]
    public async Task NameofTypeofAttributesAndDocComments_AreNotUse()
    {
        const string source = """
            using PermissionAnalyzer;

            /// <summary>Never calls <see cref="MessagesApi.DeleteThread(string)"/>.</summary>
            [GrantedScopes({|#0:"messages:delete"|})]
            [Audited(typeof(MessagesApi))]
            public sealed class Partner
            {
                [Audited(typeof(MessagesApi))]
                public string Name() => nameof(MessagesApi.DeleteThread);

                public System.Type Kind() => typeof(MessagesApi);

                /// <see cref="MessagesApi.DeleteThread"/>
                public bool IsContact(object value, Contact? contact) => value is Contact && contact == null;

                public Contact? Nothing() => default;
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { Apis, source },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "no code uses"));
    }

    [Fact]
    public async Task ReadingAConstantOrAnEnumMember_IsNotUse()
    {
        const string source = """
            using PermissionAnalyzer;

            [RequiresScope("config:read")]
            public static class Settings
            {
                public const string Region = "eu";

                public static string Endpoint = "https://example.com";

                public enum Tier
                {
                    Free,
                    Paid,
                }
            }

            [GrantedScopes]
            public sealed class Partner
            {
                public string Region() => Settings.Region;

                public Settings.Tier Level() => Settings.Tier.Paid;

                public string Endpoint() => {|#0:Settings.Endpoint|};
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0004").WithLocation(0).WithArguments("Partner.Endpoint", "config:read", "Settings.Endpoint", "Partner"));
    }
}
