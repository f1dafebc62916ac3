using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EditorialPortal.Hosting;
using EditorialPortal.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Security;

/// <summary>The keys behind cookies and invitation links, as they lie in PostgreSQL: encrypted once a certificate is configured.</summary>
public sealed class DataProtectionKeyTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_are_encrypted_and_still_sign_people_in()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=EditorialPortal keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-password"), Token);
        }
        try
        {
            await using var portal = new PortalFactory(await fixture.Postgres.NewDatabase("keys"), fixture.Mail, new TestClock())
            {
                Settings = new Dictionary<string, string> { ["DataProtection:Certificate:Path"] = path, ["DataProtection:Certificate:Password"] = "test-password" }
            };
            using var client = portal.CreateClient();
            // The sign-in form carries an antiforgery token, which needs a key: the first key is made and stored now.
            Assert.True((await client.GetAsync("/signin", Token)).IsSuccessStatusCode);
            await using var session = portal.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var keys = await session.Query<DataProtectionKey>().ToListAsync(Token);

            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Contains("encryptedSecret", key.Xml));
            Assert.All(keys, key => Assert.DoesNotContain("<masterKey", key.Xml));
            Assert.True((await client.GetAsync("/signin", Token)).IsSuccessStatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
