using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Production;

/// <summary>Gives a copyeditor (or a production editor) a copyedit of the article, from the files named (the accepted file by default).</summary>
/// <param name="StartFrom">The SHA-256 of each file to start from, among the article's production files; none for the latest ones.</param>
public sealed record AssignCopyedit(Guid Task, Guid Assignee, DateTimeOffset Due, string? Notes = null, IReadOnlyList<string>? StartFrom = null) : ProductionCommand;

public sealed record UploadCopyeditedFile(Guid Task, ProductionUpload File) : ProductionCommand, INamesATask;

public sealed record CompleteCopyedit(Guid Task) : ProductionCommand, INamesATask;

/// <summary>The production editor opens a finished copyedit again, saying why; its copyeditor is told.</summary>
public sealed record ReopenCopyedit(Guid Task, string Reason) : ProductionCommand;

/// <summary>The author accepts the copyedits as they are.</summary>
public sealed record AcceptCopyedits : ProductionCommand;

/// <summary>The author sends corrections to the copyedits: notes, and perhaps a file.</summary>
public sealed record SendCopyeditCorrections(string Notes, ProductionUpload? File = null) : ProductionCommand;

public sealed record CopyeditAssigned(Guid Production, Guid Task, int Number, Guid Assignee, DateTimeOffset Due, string? Notes,
    IReadOnlyList<ProductionFile> StartsFrom, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record CopyeditedFileUploaded(Guid Production, Guid Task, ProductionFile File, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record CopyeditCompleted(Guid Production, Guid Task, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record CopyeditReopened(Guid Production, Guid Task, string Reason, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record CopyeditsAccepted(Guid Production, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record CopyeditCorrectionsSent(Guid Production, string Notes, ProductionFile? File, Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>
/// Copyediting: each task has its own copyeditor, due date and files, and finishing one never closes the step for the
/// others. Once every task is done, the author reviews the copyedits where the journal asks them to.
/// </summary>
public static class Copyediting
{
    public const int NotesMaxLength = 10_000;

    internal static void Register(ProductionUseCases cases) => cases
        .Command<AssignCopyedit>(new(Who.ProductionEditor, "assign a copyedit", ProductionRules.OnlyProductionEditor), Assign, subject: c => c.Assignee)
        .Command<UploadCopyeditedFile>(new(Who.TaskHolder, "upload a copyedited file", ProductionRules.OnlyTaskHolder), Upload)
        .Command<CompleteCopyedit>(new(Who.TaskHolder, "finish a copyedit", ProductionRules.OnlyTaskHolder), Complete)
        .Command<ReopenCopyedit>(new(Who.ProductionEditor, "reopen a copyedit", ProductionRules.OnlyProductionEditor), Reopen)
        .Command<AcceptCopyedits>(new(Who.SubmittingAuthor, "accept the copyedits", ProductionRules.OnlyAuthor), (_, p, d) => Answer(p, d, null))
        .Command<SendCopyeditCorrections>(new(Who.SubmittingAuthor, "send corrections to the copyedits", ProductionRules.OnlyAuthor), (c, p, d) => Answer(p, d, c))
        .Fact<CopyeditAssigned>((p, f) => p with
            {
                Copyedits = [.. p.Copyedits, new CopyeditTask(f.Task, f.Number, f.Assignee, f.Due, f.Notes, f.StartsFrom, f.At)],
                // The author's corrections are answered by another copyedit, which the author reviews in turn.
                AuthorReview = CopyeditReview.NotAsked,
                LastChangedAt = f.At
            },
            (f, t) => $"gave {t.Name(f.Assignee, "a copyeditor")} copyedit {f.Number}, due {f.Due:d MMMM yyyy}",
            (f, _) => [new(f.Assignee, NoticeKind.CopyeditAssigned, ProductionScene.Due(f.Due))],
            named: f => [f.Assignee])
        .Fact<CopyeditedFileUploaded>((p, f) => p.WithCopyedit(f.Task, c => c with { Files = [.. c.Files, f.File] }, f.At),
            (f, _) => $"uploaded the copyedited file {f.File.FileName}",
            (_, _) => Notice.NoOne)
        .Fact<CopyeditCompleted>((p, f) =>
            {
                var done = p.WithCopyedit(f.Task, c => c with { Done = true, DoneAt = f.At }, f.At);
                return done.CopyeditingDone && p.Settings.AuthorReviewsCopyedits ? done with { AuthorReview = new CopyeditReview(CopyeditReviewStatus.Waiting, At: f.At) } : done;
            },
            (f, _) => "finished a copyedit",
            (_, n) => n.State.AuthorReview.Status == CopyeditReviewStatus.Waiting
                ? [new(n.State.SubmittingAuthor, NoticeKind.CopyeditsToReview, Notice.Nothing), .. n.ProductionEditors.Select(e => new Notice(e, NoticeKind.CopyeditDone, Notice.Nothing))]
                : n.ProductionEditors.Select(e => new Notice(e, NoticeKind.CopyeditDone, Notice.Nothing)))
        .Fact<CopyeditReopened>((p, f) => p.WithCopyedit(f.Task, c => c with { Done = false, DoneAt = null }, f.At) with { AuthorReview = CopyeditReview.NotAsked },
            (f, _) => $"reopened a copyedit: “{f.Reason}”",
            (f, n) => [new(n.State.Copyedit(f.Task)!.Assignee, NoticeKind.CopyeditReopened, new Dictionary<string, string> { ["reason"] = f.Reason })])
        .Fact<CopyeditsAccepted>((p, f) => p with { AuthorReview = new CopyeditReview(CopyeditReviewStatus.Accepted, At: f.At), LastChangedAt = f.At },
            (_, _) => "accepted the copyedits",
            (_, n) => n.ProductionEditors.Select(e => new Notice(e, NoticeKind.CopyeditsAnswered, new Dictionary<string, string> { ["reason"] = "The author accepted the copyedits." })))
        .Fact<CopyeditCorrectionsSent>((p, f) => p with { AuthorReview = new CopyeditReview(CopyeditReviewStatus.CorrectionsSent, f.Notes, f.File, f.At), LastChangedAt = f.At },
            (f, _) => $"sent corrections to the copyedits: “{f.Notes}”",
            (f, n) => n.ProductionEditors.Select(e => new Notice(e, NoticeKind.CopyeditsAnswered, new Dictionary<string, string> { ["reason"] = $"The author sent corrections:\n\n{f.Notes}" })));

    private static Decision Assign(AssignCopyedit c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "assign a copyedit") is { } closed) return closed;
        if (!p.Settings.Copyediting)
            return new Refusal.NotAllowedInState("assign a copyedit", "without copyediting", "this journal goes from the accepted file straight to typesetting", Of: "");
        if (p.Rounds.Count > 0) return new Refusal.NotAllowedInState("assign a copyedit", "in typesetting", "copyediting comes before typesetting");
        if (p.Copyedits.Any(t => t.Id == c.Task)) return Decision.NothingToRecord;
        if (d.Subject is not { } assignee || !(d.Journal!.Grants(assignee.Id, JournalRole.Copyeditor) || d.Journal.Grants(assignee.Id, JournalRole.ProductionEditor)))
            return new Refusal.Invalid("assignee", "Choose one of the journal's copyeditors or production editors.");
        if (c.Due <= d.Now) return new Refusal.Invalid("due", "The copyedit is due in the future.");
        if ((c.Notes?.Length ?? 0) > NotesMaxLength) return new Refusal.Invalid("notes", $"Keep the notes under {NotesMaxLength} characters.");
        var known = ProductionRules.FilesOf(p);
        var startsFrom = c.StartFrom is { Count: > 0 } named
            ? named.Select(sha => known.LastOrDefault(f => f.Sha256 == sha.ToLowerInvariant())).ToList()
            : [.. ProductionRules.LatestText(p)];
        if (startsFrom.Any(f => f is null)) return new Refusal.Invalid("startFrom", "Start from files of this article's production.");
        return Decision.Record(new CopyeditAssigned(p.Id, c.Task, p.Copyedits.Count + 1, assignee.Id, c.Due, ProductionRules.Blank(c.Notes), [.. startsFrom.OfType<ProductionFile>()],
            d.Actor.Account, d.Now));
    }

    private static Decision Upload(UploadCopyeditedFile c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "upload a copyedited file") is { } closed) return closed;
        var task = p.Copyedit(c.Task)!;
        if (task.Done) return new Refusal.NotAllowedInState("upload a copyedited file", "finished", "the copyedit is finished; the production editor can reopen it", Of: "");
        if (c.File.Problems("file") is { Count: > 0 } problems) return new Refusal.Invalid(problems);
        if (task.Files.Concat(task.StartsFrom).Any(f => f.Sha256 == c.File.Sha256.ToLowerInvariant()))
            return new Refusal.Invalid("file", "Nothing changed: this file is byte for byte one the copyedit already has.");
        return Decision.Record(new CopyeditedFileUploaded(p.Id, task.Id, c.File.Kept(d.Actor, d.Now), d.Actor.Account, d.Now));
    }

    private static Decision Complete(CompleteCopyedit c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "finish a copyedit") is { } closed) return closed;
        var task = p.Copyedit(c.Task)!;
        if (task.Done) return Decision.NothingToRecord;
        if (task.Files.Count == 0) return new Refusal.Invalid("file", "Upload the copyedited files first.");
        return Decision.Record(new CopyeditCompleted(p.Id, task.Id, d.Actor.Account, d.Now));
    }

    private static Decision Reopen(ReopenCopyedit c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "reopen a copyedit") is { } closed) return closed;
        if (p.Copyedit(c.Task) is not { } task) return new Refusal.Invalid("task", "There is no such copyedit.");
        if (!task.Done) return Decision.NothingToRecord;
        if (p.Rounds.Count > 0) return new Refusal.NotAllowedInState("reopen a copyedit", "in typesetting", "copyediting comes before typesetting");
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Say what is to change; the copyeditor is told.");
        return Decision.Record(new CopyeditReopened(p.Id, task.Id, c.Reason.Trim(), d.Actor.Account, d.Now));
    }

    private static Decision Answer(ArticleProduction p, ProductionDeciding d, SendCopyeditCorrections? corrections)
    {
        var action = corrections is null ? "accept the copyedits" : "send corrections to the copyedits";
        if (ProductionRules.Closed(p, action) is { } closed) return closed;
        if (p.AuthorReview.Status != CopyeditReviewStatus.Waiting)
            return p.AuthorReview.Status == CopyeditReviewStatus.Accepted && corrections is null
                ? Decision.NothingToRecord
                : new Refusal.NotAllowedInState(action, "no copyedits to review", "the copyedits come to you once every copyedit is finished", Of: "");
        if (corrections is null) return Decision.Record(new CopyeditsAccepted(p.Id, d.Actor.Account, d.Now));
        if (string.IsNullOrWhiteSpace(corrections.Notes)) return new Refusal.Invalid("notes", "Say what is to be corrected.");
        if (corrections.Notes.Length > NotesMaxLength) return new Refusal.Invalid("notes", $"Keep the notes under {NotesMaxLength} characters.");
        if (corrections.File?.Problems("file") is { Count: > 0 } problems) return new Refusal.Invalid(problems);
        return Decision.Record(new CopyeditCorrectionsSent(p.Id, corrections.Notes.Trim(), corrections.File?.Kept(d.Actor, d.Now), d.Actor.Account, d.Now));
    }
}
