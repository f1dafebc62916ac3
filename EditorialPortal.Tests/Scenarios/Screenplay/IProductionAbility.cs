using EditorialPortal.Domain.Production;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>
/// What a person can do in an accepted article's production, through one protocol. A task is always the person's own
/// open one (the copyedit assigned to them, the round they typeset, the proofs sent to them), found as they would find it.
/// Each step answers null when accepted, else the refusal the person was shown.
/// </summary>
public interface IProductionAbility
{
    /// <summary>The article's production as the person is shown it, or null if they are told there is no such article.</summary>
    Task<ProductionSighting?> OpenProduction(Guid submission);

    Task<SeenRefusal?> AssignCopyedit(Guid submission, PersonAccount copyeditor);

    Task<SeenRefusal?> UploadCopyedit(Guid submission, SampleFile file);

    Task<SeenRefusal?> FinishCopyedit(Guid submission);

    /// <summary>As the author: accepts the copyedits.</summary>
    Task<SeenRefusal?> AcceptCopyedits(Guid submission);

    /// <summary>As the author: says what is to be corrected, with a corrected copy if they have one.</summary>
    Task<SeenRefusal?> SendCopyeditCorrections(Guid submission, string notes, SampleFile? correctedCopy = null);

    Task<SeenRefusal?> AssignTypesetting(Guid submission, PersonAccount typesetter);

    /// <summary>The JATS front matter the portal writes for the article, as a typesetter downloads it to build on; null if refused.</summary>
    Task<byte[]?> DownloadJatsFrontMatter(Guid submission);

    /// <summary>Uploads a galley in the round the person typesets: a new one, or a new version of the galley with this format and language.</summary>
    Task<SeenRefusal?> UploadGalley(Guid submission, GalleyFormat format, string label, SampleFile file);

    Task<SeenRefusal?> FinishTypesetting(Guid submission);

    /// <summary>As production editor: sends the galleys to the author to proof, due in a week.</summary>
    Task<SeenRefusal?> SendProofsToTheAuthor(Guid submission);

    Task<SeenRefusal?> ApproveProofs(Guid submission);

    /// <summary>Asks for a correction to the galley with this label, with annotated proofs if there are any.</summary>
    Task<SeenRefusal?> AskForProofCorrections(Guid submission, string galleyLabel, string note, SampleFile? annotated = null);

    /// <summary>As production editor: saves the publication details as the portal offers them.</summary>
    Task<SeenRefusal?> SaveSuggestedPublicationDetails(Guid submission);

    Task<SeenRefusal?> MarkReadyToPublish(Guid submission);

    /// <summary>As production editor: gives the article the DOI its publication offers by the journal's rule.</summary>
    Task<SeenRefusal?> AssignTheOfferedDoi(Guid submission);

    /// <summary>As production editor: publishes the article now, or schedules it for <paramref name="at"/>.</summary>
    Task<SeenRefusal?> Publish(Guid submission, DateTimeOffset? at = null);

    /// <summary>As production editor: opens the journal's issue with this volume and number, in the current year.</summary>
    Task<SeenRefusal?> OpenIssue(Guid journal, int volume, int number, string title);

    /// <summary>As production editor: plans the article into the journal's issue with this volume and number, at these pages, from the article's production.</summary>
    Task<SeenRefusal?> PlanIntoIssue(Guid submission, int volume, int number, string pages);

    /// <summary>As production editor: publishes the issue, with its articles, now or at <paramref name="at"/>.</summary>
    Task<SeenRefusal?> PublishIssue(Guid journal, int volume, int number, DateTimeOffset? at = null);

    /// <summary>What came of each deposit of the article's DOI with Crossref, oldest first, as its production editor is shown it; null if refused.</summary>
    Task<IReadOnlyList<Domain.Publication.DepositStatus>?> DepositsOf(Guid submission);

    /// <summary>Publishes a correction, expression of concern or retraction of the published article, with the DOI the journal's rule offers it.</summary>
    Task<SeenRefusal?> PublishNotice(Guid submission, Domain.Publication.ArticleNoticeKind kind, string text);

    /// <summary>Begins a new version of the published article, with the note readers will see.</summary>
    Task<SeenRefusal?> BeginNewVersion(Guid submission, Domain.Publication.VersionKind kind, string note);

    /// <summary>Puts the article's title right in production, its abstract and keywords as they are.</summary>
    Task<SeenRefusal?> CorrectTheTitle(Guid submission, string title);

    Task<SeenRefusal?> PublishNewVersion(Guid submission);
}

/// <summary>A file as a person picks it from their disk.</summary>
public sealed record SampleFile(string Name, byte[] Content);

/// <summary>
/// An article's production as a person is shown it: the step it is at, its galleys (label, and whether locked), what it
/// still lacks before publication (by the checklist's field names), and its history in words.
/// </summary>
public sealed record ProductionSighting(string Step, IReadOnlyList<(string Label, bool Locked)> Galleys, IReadOnlyList<string> Missing, IReadOnlyList<string> History);
