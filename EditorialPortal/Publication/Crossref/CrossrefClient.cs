using System.Xml.Linq;
using EditorialPortal.Domain.Publication;
using Microsoft.Extensions.Options;

namespace EditorialPortal.Publication.Crossref;

/// <summary>The portal's account with Crossref (section <c>Crossref</c>): where deposits go, with whose credentials.</summary>
public sealed class CrossrefOptions
{
    /// <summary>Crossref's deposit endpoint, such as https://doi.crossref.org/servlet/deposit; none: deposits wait in their queue.</summary>
    public string? DepositUrl { get; set; }

    /// <summary>Where Crossref's reports on deposits are asked for; none: beside the deposit endpoint, as Crossref has it (/servlet/submissionDownload).</summary>
    public string? ReportUrl { get; set; }
    public string? Login { get; set; }
    public string? Password { get; set; }
    public string DepositorName { get; set; } = "EditorialPortal";
    public string DepositorEmail { get; set; } = "crossref@editorialportal.example";
    public double TimeoutSeconds { get; set; } = 60;

    public Depositor Depositor => new(DepositorName, DepositorEmail);

    public string? Reports => ReportUrl is { Length: > 0 } given ? given : DepositUrl?.Replace("/servlet/deposit", "/servlet/submissionDownload", StringComparison.Ordinal);
}

/// <summary>Sends a deposit to Crossref and says in domain terms what came of it.</summary>
public interface ICrossrefClient
{
    /// <summary>Whether the portal has a Crossref account to deposit with.</summary>
    bool Configured { get; }

    Task<(DepositResult Result, string Message)> Deposit(string batch, string xml, CancellationToken cancellationToken);

    /// <summary>Crossref's report on a batch it took in: how it ended, or null while it is still being processed (or Crossref cannot say now).</summary>
    Task<(DepositResult Result, string Message)?> Report(string batch, CancellationToken cancellationToken);
}

/// <summary>
/// Crossref's deposit API over HTTP: a multipart upload (<c>operation=doMDUpload</c>, the credentials, the file as
/// <c>fname</c>). A diagnostic in the answer is read for each record's status; a plain acknowledgement means the batch
/// was taken in. Timeouts, refused connections and 5xx are "unreachable", to be tried again; other refusals are failures.
/// </summary>
public sealed class CrossrefHttpClient(IHttpClientFactory clients, IOptions<CrossrefOptions> options) : ICrossrefClient
{
    public const string Name = "crossref";

    public bool Configured => options.Value.DepositUrl is { Length: > 0 };

    public async Task<(DepositResult Result, string Message)> Deposit(string batch, string xml, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("doMDUpload"), "operation" },
            { new StringContent(settings.Login ?? ""), "login_id" },
            { new StringContent(settings.Password ?? ""), "login_passwd" },
            { new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"), "fname", $"{batch}.xml" }
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(Name).PostAsync(settings.DepositUrl, form, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if ((int)response.StatusCode >= 500) return (DepositResult.Unreachable, $"Crossref answered HTTP {(int)response.StatusCode}.");
            if (!response.IsSuccessStatusCode) return (DepositResult.Failed, $"Crossref refused the upload (HTTP {(int)response.StatusCode}): {Plain(body)}");
            return Diagnosed(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (DepositResult.Unreachable, $"Crossref did not answer within {settings.TimeoutSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            return (DepositResult.Unreachable, $"Crossref could not be reached: {e.Message}");
        }
    }

    public async Task<(DepositResult Result, string Message)?> Report(string batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Reports is not { } reports) return null;
        var query = $"usr={Uri.EscapeDataString(settings.Login ?? "")}&pwd={Uri.EscapeDataString(settings.Password ?? "")}&doi_batch_id={Uri.EscapeDataString(batch)}&type=result";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(Name).GetAsync($"{reports}{(reports.Contains('?') ? '&' : '?')}{query}", timeout.Token);
            if (!response.IsSuccessStatusCode) return null;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            // Until Crossref has processed the batch, its diagnostic says "queued" or "in_process", or it does not know the batch yet.
            if (!Completed(body)) return null;
            var (result, message) = Diagnosed(body);
            return result == DepositResult.Submitted ? null : (result, message);
        }
        catch (Exception e) when (e is OperationCanceledException && !cancellationToken.IsCancellationRequested || e is HttpRequestException)
        {
            return null;
        }
    }

    private static bool Completed(string body)
    {
        try
        {
            return XDocument.Parse(body).Root is { Name.LocalName: "doi_batch_diagnostic" } root && (string?)root.Attribute("status") == "completed";
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    // Crossref's diagnostic: <doi_batch_diagnostic> with a <record_diagnostic status="Success|Warning|Failure"><msg>… per DOI.
    private static (DepositResult, string) Diagnosed(string body)
    {
        XDocument diagnostic;
        try
        {
            diagnostic = XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            return (DepositResult.Submitted, "Crossref took the batch in; its registration report comes later.");
        }
        var records = diagnostic.Descendants().Where(e => e.Name.LocalName == "record_diagnostic").ToList();
        if (records.Count == 0) return (DepositResult.Submitted, "Crossref took the batch in; its registration report comes later.");
        var messages = string.Join(" ", records.Select(r => r.Elements().FirstOrDefault(e => e.Name.LocalName == "msg")?.Value.Trim()).Where(m => !string.IsNullOrEmpty(m)));
        var statuses = records.Select(r => (string?)r.Attribute("status")).ToList();
        return statuses.Any(s => s == "Failure") ? (DepositResult.Failed, messages)
            : statuses.Any(s => s == "Warning") ? (DepositResult.RegisteredWithWarnings, messages)
            : (DepositResult.Registered, messages.Length > 0 ? messages : "Registered.");
    }

    private static string Plain(string body) => body.Length > 500 ? body[..500] : body;
}
