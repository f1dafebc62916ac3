using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Review;

namespace EditorialPortal.Domain.Submissions;

public sealed record StartSubmission(Guid Journal, ManuscriptType Type) : SubmissionCommand;

public sealed record SetTitle(string Title) : SubmissionCommand;

public sealed record SetAbstract(string Abstract) : SubmissionCommand;

public sealed record SetKeywords(IReadOnlyList<string> Keywords) : SubmissionCommand;

public sealed record SetAuthors(IReadOnlyList<ContributingAuthor> Authors) : SubmissionCommand;

/// <summary>The reviewers the authors suggest and those they ask the editors not to invite, with reasons; replaces the earlier list.</summary>
public sealed record SetReviewerPreferences(IReadOnlyList<ReviewerPreference> Preferences) : SubmissionCommand;

/// <summary>Attaches a file already received by the file store, which vouches for its size and SHA-256.</summary>
/// <param name="EmbeddedAuthor">Whom the file's own properties name as its author, as the intake read them.</param>
public sealed record AttachManuscript(string FileName, string MediaType, long Size, string Sha256, string? EmbeddedAuthor = null) : SubmissionCommand;

public sealed record SubmitManuscript : SubmissionCommand;

public sealed record SubmissionStarted(Guid Submission, Guid Journal, ManuscriptType Type, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record TitleChanged(Guid Submission, [property: Audience(TextAudience.Everyone)] string Title, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record AbstractChanged(Guid Submission, [property: Audience(TextAudience.Everyone)] string Abstract, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record KeywordsChanged(Guid Submission, [property: Audience(TextAudience.Everyone)] IReadOnlyList<string> Keywords, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record AuthorsChanged(Guid Submission, IReadOnlyList<ContributingAuthor> Authors, Guid By, DateTimeOffset At) : ISubmissionFact;

/// <param name="FileName">The name the author gave the file often names the author; reviewers receive the file under a neutral name.</param>
/// <param name="EmbeddedAuthor">Whom the PDF's own properties name as its author, if anyone.</param>
public sealed record ManuscriptFileAttached(Guid Submission, int ManuscriptVersion,
    [property: Audience(TextAudience.EditorsAndAuthors)] string FileName,
    [property: Audience(TextAudience.Everyone)] string MediaType,
    long Size,
    [property: Audience(TextAudience.Everyone)] string Sha256,
    Guid By, DateTimeOffset At,
    [property: Audience(TextAudience.EditorsAndAuthors)] string? EmbeddedAuthor = null) : ISubmissionFact;

public sealed record ReviewerPreferencesChanged(Guid Submission, IReadOnlyList<ReviewerPreference> Preferences, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record ManuscriptSubmitted(Guid Submission, Guid Journal, int ManuscriptVersion, Guid By, DateTimeOffset At) : ISubmissionFact;

/// <summary>
/// Drafting: the submitting author starts a manuscript, describes it, attaches its file and submits it. Authors change
/// their manuscript while it is a draft, and again while a revision is asked of them.
/// </summary>
public static class Drafting
{
    private const string OnlySubmittingAuthor = Permissions.OnlySubmittingAuthor;

    internal static void Register(SubmissionUseCases cases) => cases
        .Starting<StartSubmission>(new(Who.AnyPerson, "start a submission", "only a signed-in person can author a manuscript"), Start)
        .Command<SetTitle>(new(Who.SubmittingAuthor, "change the title", OnlySubmittingAuthor), WhileAuthorsMayChange<SetTitle>(ChangeTitle))
        .Command<SetAbstract>(new(Who.SubmittingAuthor, "change the abstract", OnlySubmittingAuthor), WhileAuthorsMayChange<SetAbstract>(ChangeAbstract))
        .Command<SetKeywords>(new(Who.SubmittingAuthor, "change the keywords", OnlySubmittingAuthor), WhileAuthorsMayChange<SetKeywords>(ChangeKeywords))
        .Command<SetAuthors>(new(Who.SubmittingAuthor, "change the authors", OnlySubmittingAuthor), WhileAuthorsMayChange<SetAuthors>(ChangeAuthors))
        .Command<SetReviewerPreferences>(new(Who.SubmittingAuthor, "suggest or oppose reviewers", OnlySubmittingAuthor), WhileAuthorsMayChange<SetReviewerPreferences>(ChangePreferences))
        .Command<AttachManuscript>(new(Who.SubmittingAuthor, "attach a manuscript file", OnlySubmittingAuthor), WhileAuthorsMayChange<AttachManuscript>(Attach))
        .Command<SubmitManuscript>(new(Who.SubmittingAuthor, "submit the manuscript", OnlySubmittingAuthor), (c, s, d) => s.Status == SubmissionStatus.RevisionRequested
            ? new Refusal.NotAllowedInState("submit the manuscript", s.Status.Describe(), "send the revised version with a response to the reviewers instead")
            : WhileAuthorsMayChange<SubmitManuscript>(Submit)(c, s, d))
        .Beginning<SubmissionStarted>(SubmissionNarrative.Submission,
            f => new(f.Submission, f.Journal, f.Type, f.By, SubmissionStatus.Draft, "", "", [], [], null, 1, f.At, null, f.At),
            (f, _) => $"started a submission ({f.Type.Describe().ToLowerInvariant()})",
            (_, _) => Notice.NoOne)
        .Fact<TitleChanged>(SubmissionNarrative.Metadata, (s, f) => s with { Title = f.Title, LastChangedAt = f.At },
            (f, _) => f.Title.Length == 0 ? "removed the title" : $"changed the title to “{f.Title}”",
            (_, _) => Notice.NoOne)
        .Fact<AbstractChanged>(SubmissionNarrative.Metadata, (s, f) => s with { Abstract = f.Abstract, LastChangedAt = f.At },
            (f, _) => f.Abstract.Length == 0 ? "removed the abstract" : $"changed the abstract ({SubmissionRules.WordCount(f.Abstract)} words)",
            (_, _) => Notice.NoOne)
        .Fact<KeywordsChanged>(SubmissionNarrative.Metadata, (s, f) => s with { Keywords = f.Keywords, LastChangedAt = f.At },
            (f, _) => f.Keywords.Count == 0 ? "removed the keywords" : $"set the keywords: {string.Join(", ", f.Keywords)}",
            (_, _) => Notice.NoOne)
        .Fact<AuthorsChanged>(SubmissionNarrative.Metadata, (s, f) => s with { Authors = f.Authors, LastChangedAt = f.At },
            (f, _) => $"listed the authors: {string.Join(", ", f.Authors.Select(a => a.IsCorresponding ? $"{a.Name} (corresponding)" : a.Name))}",
            (_, _) => Notice.NoOne,
            // In double-blind review the author list is the one thing a reviewer must not learn.
            shown: (_, v) => v.Viewer != Blinding.Viewer.Reviewer || v.Mode != ReviewMode.DoubleBlind)
        .Fact<ReviewerPreferencesChanged>(SubmissionNarrative.Metadata, (s, f) => s with { ReviewerPreferences = f.Preferences, LastChangedAt = f.At },
            (f, _) => $"suggested {f.Preferences.Count(p => !p.Opposed)} and opposed {f.Preferences.Count(p => p.Opposed)} reviewers",
            (_, _) => Notice.NoOne,
            shown: (_, v) => v.Viewer != Blinding.Viewer.Reviewer)
        .Fact<ManuscriptFileAttached>(SubmissionNarrative.Files,
            (s, f) => s with { Manuscript = new ManuscriptFile(f.FileName, f.MediaType, f.Size, f.Sha256, f.At, f.ManuscriptVersion, f.EmbeddedAuthor), LastChangedAt = f.At },
            (f, t) => t.MayRead(nameof(f.FileName))
                ? $"attached the manuscript file {f.FileName} ({SubmissionNarrative.FileSize(f.Size)}) to version {f.ManuscriptVersion}"
                : $"attached the manuscript file ({SubmissionNarrative.FileSize(f.Size)}) to version {f.ManuscriptVersion}",
            (_, _) => Notice.NoOne)
        .Fact<ManuscriptSubmitted>(SubmissionNarrative.Submission,
            (s, f) => s with { Status = SubmissionStatus.Submitted, SubmittedAt = f.At, LastChangedAt = f.At, MessageToAuthor = null, Versions = s.WithVersion(f.ManuscriptVersion, f.At) },
            (f, _) => $"submitted version {f.ManuscriptVersion} of the manuscript",
            (_, n) => [new(n.State.SubmittingAuthor, NoticeKind.SubmissionReceived, Notice.Nothing),
                .. n.EditorsInChief.Select(e => new Notice(e, NoticeKind.NewSubmission, Notice.Nothing))]);

    // Once submitted, a manuscript changes only through the editors' decisions, until they ask for a revision.
    private static Func<TCommand, Submission, SubmissionDeciding, Decision> WhileAuthorsMayChange<TCommand>(Func<Submission, TCommand, SubmissionDeciding, Decision> decide)
        where TCommand : SubmissionCommand =>
        (c, s, d) => s.Status is SubmissionStatus.Draft or SubmissionStatus.RevisionRequested
            ? decide(s, c, d)
            : new Refusal.NotAllowedInState(Permissions.For(c).Action, s.Status.Describe(), "a submitted manuscript can no longer be changed by its authors");

    private static Decision Start(StartSubmission c, SubmissionDeciding d)
    {
        if (d.Journal is not { } journal) return new Refusal.Invalid("journal", "There is no such journal.");
        if (!journal.ManuscriptTypes.Contains(c.Type))
            return new Refusal.Invalid("type", $"{journal.Title} does not publish {c.Type.Describe().ToLowerInvariant()}s.");
        return Decision.Record(new SubmissionStarted(d.Submission, journal.Id, c.Type, d.Actor.Account, d.Now));
    }

    private static Decision ChangeTitle(Submission s, SetTitle c, SubmissionDeciding d)
    {
        var title = c.Title.Trim();
        if (SubmissionRules.CheckTitle(title) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return title == s.Title ? Decision.NothingToRecord : Decision.Record(new TitleChanged(s.Id, title, d.Actor.Account, d.Now));
    }

    private static Decision ChangeAbstract(Submission s, SetAbstract c, SubmissionDeciding d)
    {
        var text = c.Abstract.Trim();
        if (SubmissionRules.CheckAbstract(text) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return text == s.Abstract ? Decision.NothingToRecord : Decision.Record(new AbstractChanged(s.Id, text, d.Actor.Account, d.Now));
    }

    private static Decision ChangeKeywords(Submission s, SetKeywords c, SubmissionDeciding d)
    {
        var keywords = SubmissionRules.TidyKeywords(c.Keywords);
        if (SubmissionRules.CheckKeywords(keywords) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return keywords.SequenceEqual(s.Keywords) ? Decision.NothingToRecord : Decision.Record(new KeywordsChanged(s.Id, keywords, d.Actor.Account, d.Now));
    }

    private static Decision ChangeAuthors(Submission s, SetAuthors c, SubmissionDeciding d)
    {
        IReadOnlyList<ContributingAuthor> authors = [.. c.Authors.Select(SubmissionRules.Tidy)];
        if (SubmissionRules.CheckAuthors(authors) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return authors.SequenceEqual(s.Authors) ? Decision.NothingToRecord : Decision.Record(new AuthorsChanged(s.Id, authors, d.Actor.Account, d.Now));
    }

    private static Decision ChangePreferences(Submission s, SetReviewerPreferences c, SubmissionDeciding d)
    {
        if (ReviewerPreference.Check(c.Preferences) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        IReadOnlyList<ReviewerPreference> preferences = [.. c.Preferences.Select(p => p.Tidy())];
        return preferences.SequenceEqual(s.ReviewerPreferences)
            ? Decision.NothingToRecord
            : Decision.Record(new ReviewerPreferencesChanged(s.Id, preferences, d.Actor.Account, d.Now));
    }

    private static Decision Attach(Submission s, AttachManuscript c, SubmissionDeciding d)
    {
        if (SubmissionRules.CheckFile(c.FileName, c.MediaType, c.Size, c.Sha256) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        var version = s.Status == SubmissionStatus.RevisionRequested ? s.ManuscriptVersion + 1 : s.ManuscriptVersion;
        var embedded = string.IsNullOrWhiteSpace(c.EmbeddedAuthor) ? null : c.EmbeddedAuthor.Trim()[..Math.Min(c.EmbeddedAuthor.Trim().Length, 500)];
        return Decision.Record(new ManuscriptFileAttached(s.Id, version, c.FileName, c.MediaType, c.Size, c.Sha256.ToLowerInvariant(), d.Actor.Account, d.Now, embedded));
    }

    private static Decision Submit(Submission s, SubmitManuscript c, SubmissionDeciding d)
    {
        var missing = SubmissionRules.WhatIsMissing(s);
        if (missing.Count > 0)
            return new Refusal.Invalid([.. missing.Select(m => new FieldError(m.Field, $"Before submitting, add {m.Message}."))]);
        return Decision.Record(new ManuscriptSubmitted(s.Id, s.Journal, s.ManuscriptVersion, d.Actor.Account, d.Now));
    }
}
