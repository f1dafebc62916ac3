using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Production;

/// <summary>Sends the article's galleys to the author, or to a proofreader, to read as readers will see them.</summary>
/// <param name="Proofreader">The proofreader's account, when the proofs go to one.</param>
public sealed record SendProofs(Guid Task, ProofReaderKind Reader, DateTimeOffset Due, Guid? Proofreader = null) : ProductionCommand;

public sealed record ApproveProofs(Guid Task, string? Notes = null) : ProductionCommand, INamesATask;

/// <summary>What is to change, galley by galley, with notes and perhaps an annotated file.</summary>
public sealed record RequestProofCorrections(Guid Task, IReadOnlyList<ProofCorrection> Corrections, string? Notes = null, ProductionUpload? Annotated = null)
    : ProductionCommand, INamesATask;

public sealed record ProofsSent(Guid Production, Guid Task, int Number, Guid Reader, ProofReaderKind ReaderKind, DateTimeOffset Due, IReadOnlyList<Guid> Galleys,
    Guid By, DateTimeOffset At) : IProductionFact;

public sealed record ProofsApproved(Guid Production, Guid Task, string? Notes, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record ProofCorrectionsRequested(Guid Production, Guid Task, IReadOnlyList<ProofCorrection> Corrections, string? Notes, ProductionFile? Annotated,
    Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>
/// Proofs: the author (and perhaps a proofreader) reads the galleys in the page readers will see, and approves them or
/// asks for corrections that each name their galley. The author's approval locks the galleys for publication.
/// </summary>
public static class Proofing
{
    internal static void Register(ProductionUseCases cases) => cases
        .Command<SendProofs>(new(Who.ProductionEditor, "send proofs", ProductionRules.OnlyProductionEditor), Send, subject: c => c.Proofreader ?? Guid.Empty)
        .Command<ApproveProofs>(new(Who.ProofReader, "approve the proofs", "only the person the proofs were sent to answers them"), Approve)
        .Command<RequestProofCorrections>(new(Who.ProofReader, "ask for corrections to the proofs", "only the person the proofs were sent to answers them"), Correct)
        .Fact<ProofsSent>((p, f) => p with { Proofs = [.. p.Proofs, new ProofTask(f.Task, f.Number, f.Reader, f.ReaderKind, f.Due, f.Galleys, f.At)], LastChangedAt = f.At },
            (f, t) => $"sent proof {f.Number} to {(f.ReaderKind == ProofReaderKind.Author ? "the author" : t.Name(f.Reader, "a proofreader"))}, due {f.Due:d MMMM yyyy}",
            (f, _) => [new(f.Reader, NoticeKind.ProofsToRead, ProductionScene.Due(f.Due))],
            named: f => [f.Reader])
        .Fact<ProofsApproved>((p, f) =>
            {
                var proof = p.Proof(f.Task);
                var approved = p.WithProof(f.Task, t => t with { Status = ProofStatus.Approved, Notes = f.Notes, AnsweredAt = f.At }, f.At);
                // Only the author's approval is approval for publication.
                return proof?.ReaderKind == ProofReaderKind.Author
                    ? approved with { Galleys = [.. approved.Galleys.Select(g => proof.Galleys.Contains(g.Id) ? g with { Locked = true } : g)] }
                    : approved;
            },
            (f, _) => f.Notes is null ? "approved the proofs" : $"approved the proofs: “{f.Notes}”",
            (_, n) => n.ProductionEditors.Select(e => new Notice(e, NoticeKind.ProofsAnswered, new Dictionary<string, string> { ["reason"] = "The proofs were approved." })))
        .Fact<ProofCorrectionsRequested>((p, f) => p.WithProof(f.Task, t => t with
            {
                Status = ProofStatus.CorrectionsAsked, Notes = f.Notes, Corrections = f.Corrections, Annotated = f.Annotated, AnsweredAt = f.At
            }, f.At),
            (f, _) => $"asked for {f.Corrections.Count} correction{(f.Corrections.Count == 1 ? "" : "s")} to the proofs",
            (f, n) => n.ProductionEditors.Select(e => new Notice(e, NoticeKind.ProofsAnswered, new Dictionary<string, string>
            {
                ["reason"] = "Corrections asked:\n\n" + string.Join("\n", f.Corrections.Select(c => $"- {n.State.Galley(c.Galley)?.Label ?? "A galley"}: {c.Note}"))
                    + (f.Notes is null ? "" : $"\n\n{f.Notes}")
            })));

    private static Decision Send(SendProofs c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "send proofs") is { } closed) return closed;
        if (p.Proofs.Any(t => t.Id == c.Task)) return Decision.NothingToRecord;
        if (p.CurrentRound is not { Done: true } || p.Galleys.Count == 0)
            return new Refusal.NotAllowedInState("send proofs", p.Rounds.Count == 0 ? "not typeset" : "in typesetting", "proofs follow a finished typesetting round", Of: "");
        if (p.Proofs.Any(t => t.Status == ProofStatus.Waiting && t.ReaderKind == c.Reader))
            return new Refusal.NotAllowedInState("send proofs", "in proof", "the last proofs to this reader wait for an answer", Of: "");
        var reader = c.Reader == ProofReaderKind.Author ? p.SubmittingAuthor : d.Subject?.Id;
        if (c.Reader == ProofReaderKind.Proofreader
            && (d.Subject is not { } proofreader || !(d.Journal!.Grants(proofreader.Id, JournalRole.Proofreader) || d.Journal.Grants(proofreader.Id, JournalRole.ProductionEditor))))
            return new Refusal.Invalid("proofreader", "Choose one of the journal's proofreaders or production editors.");
        if (c.Due <= d.Now) return new Refusal.Invalid("due", "The proofs are due back in the future.");
        return Decision.Record(new ProofsSent(p.Id, c.Task, p.Proofs.Count + 1, reader!.Value, c.Reader, c.Due, [.. p.Galleys.Select(g => g.Id)], d.Actor.Account, d.Now));
    }

    private static Decision Approve(ApproveProofs c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "approve the proofs") is { } closed) return closed;
        var proof = p.Proof(c.Task)!;
        if (proof.Status == ProofStatus.Approved) return Decision.NothingToRecord;
        if (proof.Status != ProofStatus.Waiting) return new Refusal.NotAllowedInState("approve the proofs", "answered", "these proofs have their answer", Of: "");
        if ((c.Notes?.Length ?? 0) > Copyediting.NotesMaxLength) return new Refusal.Invalid("notes", $"Keep the notes under {Copyediting.NotesMaxLength} characters.");
        return Decision.Record(new ProofsApproved(p.Id, proof.Id, ProductionRules.Blank(c.Notes), d.Actor.Account, d.Now));
    }

    private static Decision Correct(RequestProofCorrections c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "ask for corrections to the proofs") is { } closed) return closed;
        var proof = p.Proof(c.Task)!;
        if (proof.Status != ProofStatus.Waiting) return new Refusal.NotAllowedInState("ask for corrections to the proofs", "answered", "these proofs have their answer", Of: "");
        var corrections = (c.Corrections ?? []).Where(x => !string.IsNullOrWhiteSpace(x.Note)).Select(x => x with { Note = x.Note.Trim() }).ToList();
        if (corrections.Count == 0) return new Refusal.Invalid("corrections", "Say what is to be corrected, galley by galley.");
        if (corrections.Any(x => !proof.Galleys.Contains(x.Galley))) return new Refusal.Invalid("corrections", "Each correction names one of the galleys you were sent.");
        if (corrections.Any(x => x.Note.Length > Copyediting.NotesMaxLength) || (c.Notes?.Length ?? 0) > Copyediting.NotesMaxLength)
            return new Refusal.Invalid("corrections", $"Keep each note under {Copyediting.NotesMaxLength} characters.");
        if (c.Annotated?.Problems("annotated") is { Count: > 0 } problems) return new Refusal.Invalid(problems);
        return Decision.Record(new ProofCorrectionsRequested(p.Id, proof.Id, corrections, ProductionRules.Blank(c.Notes), c.Annotated?.Kept(d.Actor, d.Now), d.Actor.Account, d.Now));
    }
}
