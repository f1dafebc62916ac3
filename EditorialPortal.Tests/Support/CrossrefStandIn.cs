using System.Collections.Concurrent;
using System.Xml.Linq;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Notifications;
using EditorialPortal.Publication;
using EditorialPortal.Publication.Crossref;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EditorialPortal.Tests.Support;

/// <summary>
/// Crossref's deposit API as a local server, one for the whole test run, answering each way Crossref can (the
/// <c>answer</c> query parameter: success by default, warning, failure, acknowledged, unauthorised, down, slow). A
/// successful answer is Crossref's diagnostic with one record per DOI in the batch it was sent.
/// </summary>
public sealed class CrossrefStandIn
{
    public sealed record Received(string Operation, string Login, string Password, string FileName, string Xml);

    private static readonly Lazy<Task<CrossrefStandIn>> Shared = new(Start);

    /// <summary>The running stand-in, started on first use.</summary>
    public static Task<CrossrefStandIn> Running => Shared.Value;

    private readonly ConcurrentQueue<Received> _received = new();

    private CrossrefStandIn(string address) => Address = address;

    public string Address { get; }

    /// <summary>Every upload it was sent, in order.</summary>
    public IReadOnlyList<Received> Uploads => [.. _received];

    private static async Task<CrossrefStandIn> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        CrossrefStandIn? standIn = null;
        app.MapPost("/servlet/deposit", async (HttpContext http, string? answer) =>
        {
            var form = await http.Request.ReadFormAsync();
            var file = form.Files["fname"]!;
            string xml;
            using (var content = new StreamReader(file.OpenReadStream())) xml = await content.ReadToEndAsync();
            standIn!._received.Enqueue(new Received(form["operation"].ToString(), form["login_id"].ToString(), form["login_passwd"].ToString(), file.FileName, xml));
            return (answer ?? "success") switch
            {
                "success" => Results.Text(Diagnostic(xml, "Success", "Successfully added"), "text/xml"),
                "warning" => Results.Text(Diagnostic(xml, "Warning", "Added with conflict"), "text/xml"),
                "failure" => Results.Text(Diagnostic(xml, "Failure", "Record not processed because submitted version: 1 is less or equal to previously submitted version"), "text/xml"),
                "acknowledged" => Results.Text("<html><body><h2>SUCCESS</h2><p>Your batch submission was successfully received.</p></body></html>", "text/html"),
                "unauthorised" => Results.StatusCode(StatusCodes.Status401Unauthorized),
                "down" => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
                _ => await Slow(http)
            };
        });
        // Crossref's later report on a batch it took in: in process while the report parameter says so, else its diagnostic.
        app.MapGet("/servlet/submissionDownload", (string doi_batch_id, string? type, string? report) =>
            standIn!._received.LastOrDefault(r => r.FileName == $"{doi_batch_id}.xml") is not { } received
                ? Results.Text($"<doi_batch_diagnostic status=\"unknown_submission\"><batch_id>{doi_batch_id}</batch_id></doi_batch_diagnostic>", "text/xml")
                : (report ?? "success") switch
                {
                    "pending" => Results.Text("<doi_batch_diagnostic status=\"in_process\"/>", "text/xml"),
                    "failure" => Results.Text(Diagnostic(received.Xml, "Failure", "ISSN 1234-5679 is not registered to this prefix."), "text/xml"),
                    _ => Results.Text(Diagnostic(received.Xml, "Success", "Successfully added"), "text/xml")
                });
        await app.StartAsync();
        standIn = new CrossrefStandIn(app.Urls.Single());
        return standIn;
    }

    private static async Task<IResult> Slow(HttpContext http)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
        return Results.Ok();
    }

    // The DOIs registered by the batch: each record's own doi_data, not the citations it lists.
    private static string Diagnostic(string xml, string status, string message) =>
        new XDocument(new XElement("doi_batch_diagnostic", new XAttribute("status", "completed"),
            XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "doi_data").Select(d => d.Elements().First(e => e.Name.LocalName == "doi").Value)
                .Select(doi => new XElement("record_diagnostic", new XAttribute("status", status), new XElement("doi", doi), new XElement("msg", message))))).ToString();

    /// <param name="answer">How the deposit is answered.</param>
    /// <param name="report">How a report on a batch taken in is answered: success, failure or pending.</param>
    public CrossrefHttpClient Client(string answer = "success", double timeoutSeconds = 10, string report = "success") =>
        new(new Clients(), Options(answer, timeoutSeconds, report));

    private IOptions<CrossrefOptions> Options(string answer, double timeoutSeconds = 10, string report = "success") =>
        Microsoft.Extensions.Options.Options.Create(new CrossrefOptions
        {
            DepositUrl = $"{Address}/servlet/deposit?answer={answer}", ReportUrl = $"{Address}/servlet/submissionDownload?report={report}", Login = "demo",
            Password = "secret", TimeoutSeconds = timeoutSeconds
        });

    /// <summary>The portal's depositing round, sending to this stand-in.</summary>
    public DepositingRound Round(IPublicationQueries publications, IJournalQueries journals, IEditorialDesk desk, PortalLinks links, string answer = "success",
        string report = "success") =>
        new(publications, journals, desk, Client(answer, report: report), Options(answer, report: report), links, NullLogger<DepositingRound>.Instance);

    private sealed class Clients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
