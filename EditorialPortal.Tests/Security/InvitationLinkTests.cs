using EditorialPortal.Hosting;
using EditorialPortal.Notifications;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Serilog.AspNetCore;
using Serilog.Events;
using Xunit;

namespace EditorialPortal.Tests.Security;

/// <summary>An answer link works without signing in, so it stays out of the logs and stops working by a date of its own.</summary>
public sealed class InvitationLinkTests
{
    private readonly InvitationLinks _links = new(new EphemeralDataProtectionProvider(), new PortalLinks("http://portal.test"), new TestClock());

    private static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    [Fact]
    public void A_link_works_until_its_date_and_not_after()
    {
        var (submission, invitation) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        Assert.Equal((submission, invitation), _links.Read(TokenOf(_links.LinkFor(submission, invitation, DateTimeOffset.UtcNow.AddDays(30)))));
        Assert.Null(_links.Read(TokenOf(_links.LinkFor(submission, invitation, DateTimeOffset.UtcNow.AddMinutes(-1)))));
    }

    [Fact]
    public void A_forged_or_altered_token_reads_as_no_invitation()
    {
        var token = TokenOf(_links.LinkFor(Guid.CreateVersion7(), Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddDays(30)));
        Assert.Null(_links.Read(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")));
        Assert.Null(_links.Read("not-a-token"));
    }

    [Theory]
    [InlineData("/invitations/CfDJ8Nh3x-secret", "/invitations/[token]")]
    [InlineData("/api/invitations/CfDJ8Nh3x-secret/accept", "/api/invitations/[token]/accept")]
    [InlineData("/api/submissions/0192/invitations/0193/draft", "/api/submissions/0192/invitations/0193/draft")]
    public void Request_logs_never_carry_an_invitation_token(string path, string logged)
    {
        var options = new RequestLoggingOptions();
        RequestLogging.Configure(options);
        var properties = options.GetMessageTemplateProperties(new DefaultHttpContext(), path, 1.5, 200).ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(logged, ((ScalarValue)properties["RequestPath"]).Value);
    }
}
