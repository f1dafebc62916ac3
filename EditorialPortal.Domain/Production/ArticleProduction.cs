using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Production;

/// <summary>A fact of an accepted article's production stream.</summary>
public interface IProductionFact : IHistoricalFact
{
    Guid Production { get; }
}

/// <summary>A command on one article's production; the desk names the production stream it is for.</summary>
public abstract record ProductionCommand : Command;

/// <summary>A command that names one task of the production (a copyedit, a typesetting round, a proof).</summary>
public interface INamesATask
{
    Guid Task { get; }
}

/// <summary>A file of the production stage, kept by its content like a manuscript: an upload never overwrites another.</summary>
public sealed record ProductionFile(string FileName, string MediaType, long Size, string Sha256, Guid By, DateTimeOffset At);

/// <summary>Where an article's production stands, as the production dashboard groups it.</summary>
public enum ProductionStep
{
    Copyediting,
    WithTheAuthor,
    Typesetting,
    InProof,
    Finishing,
    ReadyToPublish,
    Stopped
}

public enum GalleyFormat
{
    Pdf,
    Html,
    JatsXml
}

public sealed record CopyeditTask(Guid Id, int Number, Guid Assignee, DateTimeOffset Due, string? Notes, IReadOnlyList<ProductionFile> StartsFrom, DateTimeOffset AssignedAt)
{
    public IReadOnlyList<ProductionFile> Files { get; init; } = [];
    public bool Done { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public IReadOnlyList<DateTimeOffset> Reminders { get; init; } = [];
}

public enum CopyeditReviewStatus
{
    NotAsked,
    Waiting,
    Accepted,
    CorrectionsSent
}

/// <summary>The author's answer to the copyedits: accepted, or corrections with notes and perhaps a file.</summary>
public sealed record CopyeditReview(CopyeditReviewStatus Status, string? Notes = null, ProductionFile? File = null, DateTimeOffset? At = null)
{
    public static readonly CopyeditReview NotAsked = new(CopyeditReviewStatus.NotAsked);
}

public sealed record TypesettingRound(Guid Id, int Number, Guid Typesetter, DateTimeOffset Due, string? Notes, IReadOnlyList<ProductionFile> Sources, DateTimeOffset AssignedAt)
{
    public bool Done { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public IReadOnlyList<DateTimeOffset> Reminders { get; init; } = [];
}

/// <summary>One upload of a galley, in the typesetting round that made it.</summary>
public sealed record GalleyVersion(int Round, ProductionFile File);

/// <summary>A file readers will read: PDF, HTML or JATS XML, with its label, language and place among the article's galleys.</summary>
public sealed record Galley(Guid Id, GalleyFormat Format, string Label, string Language, int Order, IReadOnlyList<GalleyVersion> Versions)
{
    /// <summary>Approved by the author in proof: a later change is a new typesetting round.</summary>
    public bool Locked { get; init; }

    public ProductionFile Current => Versions[^1].File;
}

public enum ProofReaderKind
{
    Author,
    Proofreader
}

public enum ProofStatus
{
    Waiting,
    Approved,
    CorrectionsAsked
}

/// <summary>What is to change in one galley.</summary>
public sealed record ProofCorrection(Guid Galley, string Note);

public sealed record ProofTask(Guid Id, int Number, Guid Reader, ProofReaderKind ReaderKind, DateTimeOffset Due, IReadOnlyList<Guid> Galleys, DateTimeOffset SentAt)
{
    public ProofStatus Status { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<ProofCorrection> Corrections { get; init; } = [];
    public ProductionFile? Annotated { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public IReadOnlyList<DateTimeOffset> Reminders { get; init; } = [];
}

/// <summary>What the published article carries besides its text: its licence, copyright, and where it goes in the journal.</summary>
public sealed record PublicationDetails(string LicenceName, string LicenceUrl, string CopyrightHolder, int CopyrightYear, string Section)
{
    /// <summary>What the form offers until someone saves details: the journal's licence, the authors' copyright in the year of acceptance, the type's section.</summary>
    public static PublicationDetails SuggestedFor(ArticleProduction p) =>
        p.Details ?? new(p.Settings.LicenceName, p.Settings.LicenceUrl, "The authors", p.Accepted.Year, p.Type.Describe() + "s");
}

/// <summary>
/// One accepted article on its way to publication: the tasks of copyediting, typesetting and proofs, the galleys with
/// every upload kept, and the details publication needs. Folded from its own stream, apart from the manuscript's.
/// </summary>
/// <param name="Received">When the journal first received the manuscript, from the record.</param>
/// <param name="Revised">When each revision came in, from the record.</param>
public sealed record ArticleProduction(
    Guid Id,
    Guid Submission,
    Guid Journal,
    ManuscriptType Type,
    string Title,
    string Abstract,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<ContributingAuthor> Authors,
    Guid SubmittingAuthor,
    ProductionFile AcceptedFile,
    DateTimeOffset Received,
    IReadOnlyList<DateTimeOffset> Revised,
    DateTimeOffset Accepted,
    ProductionSettings Settings,
    DateTimeOffset StartedAt) : IVersioned
{
    public long Version { get; init; }
    public bool Stopped { get; init; }
    public string? StoppedBecause { get; init; }
    public IReadOnlyList<CopyeditTask> Copyedits { get; init; } = [];
    public CopyeditReview AuthorReview { get; init; } = CopyeditReview.NotAsked;
    public IReadOnlyList<TypesettingRound> Rounds { get; init; } = [];
    public IReadOnlyList<Galley> Galleys { get; init; } = [];
    public IReadOnlyList<ProofTask> Proofs { get; init; } = [];
    public PublicationDetails? Details { get; init; }
    public DateTimeOffset? ReadyAt { get; init; }

    /// <summary>The version of record the production makes: the first, until production opens again for a new one.</summary>
    public int VersionOfRecord { get; init; } = 1;
    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>Since when the article has been at its current step: how long it has waited.</summary>
    public DateTimeOffset StepSince { get; init; }

    /// <summary>Kept with the document, for the dashboard to group and count by.</summary>
    public ProductionStep Step { get; init; }

    public bool CopyeditingDone => !Settings.Copyediting || (Copyedits.Count > 0 && Copyedits.All(c => c.Done));

    /// <summary>The author has accepted the copyedits, or the journal does not ask them to.</summary>
    public bool CopyeditsSettled => CopyeditingDone && (!Settings.Copyediting || !Settings.AuthorReviewsCopyedits || AuthorReview.Status == CopyeditReviewStatus.Accepted);

    public TypesettingRound? CurrentRound => Rounds.Count == 0 ? null : Rounds[^1];

    public ProofTask? LatestAuthorProof => Proofs.LastOrDefault(p => p.ReaderKind == ProofReaderKind.Author);

    /// <summary>The author approved proofs of the galleys as they stand now.</summary>
    public bool ApprovedByAuthor => Galleys.Count > 0 && Galleys.All(g => g.Locked);

    /// <summary>Whose work it is now, as the dashboard and the timeline say it.</summary>
    public ProductionStep StepNow() =>
        Stopped ? ProductionStep.Stopped
        : ReadyAt is not null ? ProductionStep.ReadyToPublish
        : Proofs.Any(p => p.Status == ProofStatus.Waiting) ? (Proofs.Any(p => p.Status == ProofStatus.Waiting && p.ReaderKind == ProofReaderKind.Author) ? ProductionStep.WithTheAuthor : ProductionStep.InProof)
        : ApprovedByAuthor ? ProductionStep.Finishing
        : !CopyeditingDone ? ProductionStep.Copyediting
        : !CopyeditsSettled ? (AuthorReview.Status == CopyeditReviewStatus.CorrectionsSent ? ProductionStep.Copyediting : ProductionStep.WithTheAuthor)
        : CurrentRound is { Done: true } && Galleys.Count > 0 ? ProductionStep.InProof
        : ProductionStep.Typesetting;

    public CopyeditTask? Copyedit(Guid id) => Copyedits.FirstOrDefault(c => c.Id == id);

    public TypesettingRound? Round(Guid id) => Rounds.FirstOrDefault(r => r.Id == id);

    public ProofTask? Proof(Guid id) => Proofs.FirstOrDefault(p => p.Id == id);

    public Galley? Galley(Guid id) => Galleys.FirstOrDefault(g => g.Id == id);

    /// <summary>Everyone given a task on the article, whatever became of it.</summary>
    public IEnumerable<Guid> Assignees => Copyedits.Select(c => c.Assignee).Concat(Rounds.Select(r => r.Typesetter)).Concat(Proofs.Select(p => p.Reader)).Distinct();

    /// <summary>The task the id names, if it is one of this article's, and who holds it.</summary>
    public Guid? HolderOf(Guid task) => Copyedit(task)?.Assignee ?? Round(task)?.Typesetter ?? Proof(task)?.Reader;

    internal ArticleProduction WithCopyedit(Guid id, Func<CopyeditTask, CopyeditTask> change, DateTimeOffset at) =>
        this with { Copyedits = [.. Copyedits.Select(c => c.Id == id ? change(c) : c)], LastChangedAt = at };

    internal ArticleProduction WithRound(Guid id, Func<TypesettingRound, TypesettingRound> change, DateTimeOffset at) =>
        this with { Rounds = [.. Rounds.Select(r => r.Id == id ? change(r) : r)], LastChangedAt = at };

    internal ArticleProduction WithProof(Guid id, Func<ProofTask, ProofTask> change, DateTimeOffset at) =>
        this with { Proofs = [.. Proofs.Select(p => p.Id == id ? change(p) : p)], LastChangedAt = at };

    /// <summary>The stream of an accepted manuscript's production: derived from the manuscript's id, so acceptance knows it without asking.</summary>
    public static Guid StreamOf(Guid submission) => DeterministicGuid.From(submission, ProductionNamespace);

    private static readonly Guid ProductionNamespace = Guid.Parse("6f1c2e4a-7d0b-4b8e-9a55-2f3c9d1e0a71");

    /// <summary>One step of the fold, for every store: the Marten projection and the in-memory adapter both call it.</summary>
    public static ArticleProduction? Fold(ArticleProduction? state, object fact)
    {
        var next = ProductionUseCases.All.Facts.Find(fact.GetType()) is { } useCase ? useCase.Fold(state, fact) : state;
        if (next is null || fact is not IHistoricalFact happened) return next;
        var step = next.StepNow();
        return next with { Step = step, StepSince = state is null || state.Step != step ? happened.At : next.StepSince };
    }

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<IProductionFact>();
}

/// <summary>A file already received by the file store, which vouches for its size and SHA-256, as a command names it.</summary>
public sealed record ProductionUpload(string FileName, string MediaType, long Size, string Sha256)
{
    public ProductionFile Kept(Actor by, DateTimeOffset at) => new(FileName.Trim(), MediaType, Size, Sha256.ToLowerInvariant(), by.Account, at);

    public IReadOnlyList<FieldError> Problems(string field) =>
        string.IsNullOrWhiteSpace(FileName) || FileName.Length > 255 ? [new(field, "Give the file a name of at most 255 characters.")]
        : Size <= 0 ? [new(field, "The file is empty.")]
        : Sha256.Length != 64 || !Sha256.All(Uri.IsHexDigit) ? [new(field, "The file was not received whole; upload it again.")]
        : [];
}
