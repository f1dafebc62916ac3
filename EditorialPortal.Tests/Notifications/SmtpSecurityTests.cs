using EditorialPortal.Domain.Notifications;
using EditorialPortal.Notifications;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EditorialPortal.Tests.Notifications;

/// <summary>Mail leaves over TLS or not at all; plain SMTP only to a relay configured for it, and never with a password.</summary>
public sealed class SmtpSecurityTests : IAsyncLifetime
{
    private readonly TestMailServer _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private SmtpPostOffice PostOffice(bool useTls, string? userName = null) =>
        new(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _server.Port, UseTls = useTls, UserName = userName, Password = userName is null ? null : "secret" } },
            NullLogger<SmtpPostOffice>.Instance);

    private static OutgoingMail Mail(string to) => new(to, "Rita Reviewer", "Invitation to review", "Dear Rita, ...");

    [Fact]
    public async Task A_server_that_offers_no_starttls_is_not_sent_to_and_never_sees_the_password()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => PostOffice(useTls: true, userName: "portal").Send(Mail("rita@kyoto-u.example"), TestContext.Current.CancellationToken));
        Assert.Empty(_server.To("rita@kyoto-u.example"));
    }

    [Fact]
    public async Task Plain_smtp_reaches_a_local_relay_configured_for_it()
    {
        await PostOffice(useTls: false).Send(Mail("hugo@uchile.example"), TestContext.Current.CancellationToken);
        await _server.WaitFor("hugo@uchile.example", "Invitation to review");
    }

    [Fact]
    public void Credentials_without_tls_are_refused_as_a_setting()
    {
        Assert.Contains("plain text", new SmtpOptions { Host = "smtp.example", UseTls = false, UserName = "portal" }.Problem);
        Assert.Null(new SmtpOptions { Host = "smtp.example", UseTls = true, UserName = "portal" }.Problem);
        Assert.Null(new SmtpOptions { Host = "relay.local", UseTls = false }.Problem);
    }
}
