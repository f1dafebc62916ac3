using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Production;

public sealed record SetPublicationDetails(string LicenceName, string LicenceUrl, string CopyrightHolder, int CopyrightYear, string Section) : ProductionCommand;

/// <summary>Declares the article ready to publish; refused, with what is missing in words, until the portal finds nothing missing.</summary>
public sealed record MarkReadyToPublish : ProductionCommand;

/// <summary>The portal reminds whoever holds an overdue production task; refused unless a reminder is due by the journal's schedule now.</summary>
public sealed record SendProductionReminder(Guid Task) : ProductionCommand, INamesATask;

public sealed record PublicationDetailsSet(Guid Production, PublicationDetails Details, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record MarkedReadyToPublish(Guid Production, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record ProductionTaskReminded(Guid Production, Guid Task, Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>
/// Ready to publish: a checklist the portal checks rather than one people tick. The galleys are approved by the author,
/// the licence and copyright are set, the article has its type and section, and its dates come from the record.
/// </summary>
public static class Readiness
{
    internal static void Register(ProductionUseCases cases) => cases
        .Command<SetPublicationDetails>(new(Who.ProductionEditor, "set the publication details", ProductionRules.OnlyProductionEditor), Set)
        .Command<MarkReadyToPublish>(new(Who.ProductionEditor, "mark the article ready to publish", ProductionRules.OnlyProductionEditor), Mark)
        .Command<SendProductionReminder>(new(Who.ThePortal, "send a production reminder", "reminders go out on the journal's schedule, by the portal itself"), Remind)
        .Fact<PublicationDetailsSet>((p, f) => p with { Details = f.Details, LastChangedAt = f.At },
            (f, _) => $"set the publication details: {f.Details.LicenceName}, © {f.Details.CopyrightYear} {f.Details.CopyrightHolder}, section “{f.Details.Section}”",
            (_, _) => Notice.NoOne)
        .Fact<MarkedReadyToPublish>((p, f) => p with { ReadyAt = f.At, LastChangedAt = f.At },
            (_, _) => "marked the article ready to publish",
            (_, n) => [new(n.State.SubmittingAuthor, NoticeKind.ReadyToPublish, Notice.Nothing)])
        // A reminder is bookkeeping, not a change anyone waits on: the article's last change stays as it was.
        .Fact<ProductionTaskReminded>((p, f) => p with
            {
                Copyedits = [.. p.Copyedits.Select(c => c.Id == f.Task ? c with { Reminders = [.. c.Reminders, f.At] } : c)],
                Rounds = [.. p.Rounds.Select(r => r.Id == f.Task ? r with { Reminders = [.. r.Reminders, f.At] } : r)],
                Proofs = [.. p.Proofs.Select(t => t.Id == f.Task ? t with { Reminders = [.. t.Reminders, f.At] } : t)]
            },
            (f, _) => "sent a reminder of an overdue task",
            (f, n) => n.State.HolderOf(f.Task) is { } holder ? [new(holder, NoticeKind.ProductionTaskOverdue, ProductionScene.Due(DueOf(n.State, f.Task)!.Value))] : []);

    /// <summary>What the article still lacks before it may be published, in words; nothing when it is ready.</summary>
    public static IReadOnlyList<FieldError> WhatIsMissing(ArticleProduction p)
    {
        var missing = new List<FieldError>();
        if (p.Galleys.Count == 0) missing.Add(new("galleys", "galleys: nothing has been typeset yet"));
        else if (p.Settings.ProofRounds > 0 && !p.ApprovedByAuthor) missing.Add(new("proofs", "the author's approval of the galleys as they are now"));
        if (p.CurrentRound is { Done: false }) missing.Add(new("typesetting", "the end of the typesetting round under way"));
        if (p.Details is not { } details) missing.Add(new("details", "the licence, the copyright holder and year, and the section"));
        else
        {
            if (string.IsNullOrWhiteSpace(details.LicenceName) || string.IsNullOrWhiteSpace(details.LicenceUrl)) missing.Add(new("licence", "the licence"));
            if (string.IsNullOrWhiteSpace(details.CopyrightHolder) || details.CopyrightYear == 0) missing.Add(new("copyright", "the copyright holder and year"));
            if (string.IsNullOrWhiteSpace(details.Section)) missing.Add(new("section", "the section the article appears in"));
        }
        return missing;
    }

    /// <summary>When the task is due, if it is one of the article's and still open.</summary>
    public static DateTimeOffset? DueOf(ArticleProduction p, Guid task) =>
        p.Copyedit(task) is { Done: false } copyedit ? copyedit.Due
        : p.Round(task) is { Done: false } round ? round.Due
        : p.Proof(task) is { Status: ProofStatus.Waiting } proof ? proof.Due
        : null;

    /// <summary>Every open task whose reminder is due: once it is overdue, then every <paramref name="daysBetween"/> days (0: never).</summary>
    public static IEnumerable<Guid> RemindersDue(ArticleProduction p, int daysBetween, DateTimeOffset now) =>
        p.Stopped || p.ReadyAt is not null || daysBetween <= 0 ? []
        : p.Copyedits.Where(c => !c.Done).Select(c => (c.Id, c.Due, c.Reminders))
            .Concat(p.Rounds.Where(r => !r.Done).Select(r => (r.Id, r.Due, r.Reminders)))
            .Concat(p.Proofs.Where(t => t.Status == ProofStatus.Waiting).Select(t => (t.Id, t.Due, t.Reminders)))
            .Where(t => now > t.Due && (t.Reminders.Count == 0 || now >= t.Reminders[^1].AddDays(daysBetween)))
            .Select(t => t.Id);

    private static Decision Set(SetPublicationDetails c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "set the publication details") is { } closed) return closed;
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.LicenceName) || c.LicenceName.Trim().Length > 200) errors.Add(new("licenceName", "Name the licence (at most 200 characters)."));
        if (!Uri.TryCreate(c.LicenceUrl?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")) errors.Add(new("licenceUrl", "Give the licence's address (https://…)."));
        if (string.IsNullOrWhiteSpace(c.CopyrightHolder) || c.CopyrightHolder.Trim().Length > 500) errors.Add(new("copyrightHolder", "Name the copyright holder (at most 500 characters)."));
        if (c.CopyrightYear < p.Accepted.Year - 1 || c.CopyrightYear > d.Now.Year + 1) errors.Add(new("copyrightYear", $"Give the copyright year, {p.Accepted.Year} or after."));
        if (string.IsNullOrWhiteSpace(c.Section) || c.Section.Trim().Length > 200) errors.Add(new("section", "Name the section the article appears in (at most 200 characters)."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        var details = new PublicationDetails(c.LicenceName.Trim(), c.LicenceUrl!.Trim(), c.CopyrightHolder.Trim(), c.CopyrightYear, c.Section.Trim());
        return details == p.Details ? Decision.NothingToRecord : Decision.Record(new PublicationDetailsSet(p.Id, details, d.Actor.Account, d.Now));
    }

    private static Decision Mark(MarkReadyToPublish c, ArticleProduction p, ProductionDeciding d)
    {
        if (p.ReadyAt is not null) return Decision.NothingToRecord;
        if (ProductionRules.Closed(p, "mark the article ready to publish") is { } closed) return closed;
        var missing = WhatIsMissing(p);
        if (missing.Count > 0) return new Refusal.Invalid([.. missing.Select(m => new FieldError(m.Field, $"Before publication, the article needs {m.Message}."))]);
        return Decision.Record(new MarkedReadyToPublish(p.Id, d.Actor.Account, d.Now));
    }

    private static Decision Remind(SendProductionReminder c, ArticleProduction p, ProductionDeciding d) =>
        RemindersDue(p, d.Journal!.Reminders.DaysBetweenOverdueReminders, d.Now).Contains(c.Task)
            ? Decision.Record(new ProductionTaskReminded(p.Id, c.Task, d.Actor.Account, d.Now))
            : new Refusal.NotAllowedInState("send a production reminder", "not overdue", "no reminder of this task is due now", Of: "");
}
