using EditorialPortal.Domain.Journals;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>
/// One way of reaching the portal. Arranging the world (journals, accounts, roles, the clock) goes backstage,
/// straight to the desk; acting always goes through the protocol: a visitor's pages or routes before sign-in,
/// then the signed-in person's ability.
/// </summary>
public interface IProtocol
{
    /// <summary>How test names call this kind of actor.</summary>
    string Kind { get; }

    Backstage Backstage { get; }

    /// <summary>Signs in; answers the person's ability, or what they were told instead.</summary>
    Task<(IEditorialAbility? Ability, string? Problem)> TrySignIn(string email, string password);

    Task<SeenRefusal?> Register(string name, string email, string password);

    /// <summary>Opens the confirmation link mailed to <paramref name="email"/>.</summary>
    Task<SeenRefusal?> FollowConfirmationLink(string email);

    Task AskForPasswordReset(string email);

    /// <summary>Opens the reset link mailed to <paramref name="email"/> and sets <paramref name="newPassword"/>.</summary>
    Task<SeenRefusal?> FollowPasswordResetLink(string email, string newPassword);

    /// <summary>The mail that has reached <paramref name="email"/>, once the portal's outbox has sent what is due.</summary>
    Task<IReadOnlyList<SeenMail>> Mailbox(string email);

    /// <summary>Opens the link in the latest invitation to review mailed to <paramref name="email"/> and answers it, without signing in.</summary>
    Task<SeenRefusal?> AnswerInvitationFromTheMail(string email, bool accept, string? reason = null, string? suggestion = null);

    /// <summary>The articles a reader finds on the journal's public home at <c>/read/{address}</c>, newest first.</summary>
    Task<IReadOnlyList<ListedArticle>> ArticlesOnTheJournalsHome(string address);

    /// <summary>The articles in the table of contents of the journal's issue at <c>/read/{address}/issues/{volume}/{number}</c>, in order; null if there is no such issue to read.</summary>
    Task<IReadOnlyList<ListedArticle>?> TheIssuesContents(string address, int volume, int number);

    /// <summary>The article's landing page as a reader gets it, or null if they are told there is no such article.</summary>
    Task<ReadArticle?> ReadTheArticle(Guid article);

    /// <summary>The page of the article's version numbered, as a reader gets it; null if there is no such version to read.</summary>
    Task<ReadArticle?> ReadTheVersion(Guid article, int number);

    /// <summary>The article's BibTeX, as a reader downloads it; null if there is no such article.</summary>
    Task<string?> CiteAsBibTeX(Guid article);

    /// <summary>What a reader finds searching the journal at <c>/read/{address}</c> for <paramref name="words"/>: the first page, best first.</summary>
    Task<IReadOnlyList<FoundArticle>> SearchTheJournal(string address, string words);
}

public sealed record ListedArticle(Guid Article, string Title);

/// <summary>A search result: the article, and the words its snippet marks as matching.</summary>
public sealed record FoundArticle(Guid Article, string Title, IReadOnlyList<string> Marked);

/// <summary>An article as its landing page shows it, and the DOI its metadata for indexers gives.</summary>
/// <param name="Banner">What the page says above the article of a notice about it, if there is one.</param>
/// <param name="FullText">The text of its HTML full text, where the page shows one.</param>
public sealed record ReadArticle(string Title, IReadOnlyList<string> Authors, string? Doi, string Published, string? Banner, string? FullText = null);

public sealed record SeenMail(string Subject, string Body);

public sealed record PersonAccount(Guid Id, string Name, string Email, string Password);

public sealed record JournalRef(Guid Id, string Title);

public sealed record SubmissionRef(Guid Id);
