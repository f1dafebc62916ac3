using System.Text;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Production.Jats;
using EditorialPortal.Tests.Scenarios.Screenplay;

namespace EditorialPortal.Tests.Direct;

public sealed partial class DirectProtocol
{
    /// <summary>Production through its ports: the person's view of the article, their commands, their uploads.</summary>
    private sealed partial class DirectAbility
    {
        private IProductionQueries Productions => record;

        private Task<ArticleProduction?> Shown(Guid submission) => Productions.OfSubmission(submission, actor);

        private DateTimeOffset Due => clock.GetUtcNow() + TheirTasks.Allowed;

        private async Task<SeenRefusal?> Do(Guid submission, Func<ArticleProduction, ProductionCommand?> command)
        {
            if (await Shown(submission) is not { } p) return new SeenRefusal("NotAuthorised", []);
            return command(p) is { } chosen ? Seen(await record.Execute(p.Id, chosen, actor)) : new SeenRefusal("NotAllowedInState", []);
        }

        private async Task<SeenRefusal?> Upload(Guid submission, SampleFile file, Func<ArticleProduction, Func<ProductionUpload, ProductionCommand>?> command, GalleyFormat? galley = null)
        {
            if (await Shown(submission) is not { } p) return new SeenRefusal("NotAuthorised", []);
            if (command(p) is not { } naming) return new SeenRefusal("NotAllowedInState", []);
            using var content = new MemoryStream(file.Content);
            return Seen(await production.Take(submission, file.Name, content, naming, actor, galley));
        }

        public async Task<ProductionSighting?> OpenProduction(Guid submission) =>
            await Shown(submission) is { } p
                ? TheirTasks.Sighting(p.Step, p.Galleys, Readiness.WhatIsMissing(p), (await Productions.History(submission, actor) ?? []).Select(h => $"{h.ByName} {h.Description}"))
                : null;

        public Task<SeenRefusal?> AssignCopyedit(Guid submission, PersonAccount copyeditor) =>
            Do(submission, _ => new AssignCopyedit(Guid.CreateVersion7(), copyeditor.Id, Due));

        public Task<SeenRefusal?> UploadCopyedit(Guid submission, SampleFile file) =>
            Upload(submission, file, p => TheirTasks.Copyedit(p.Copyedits, actor.Account) is { } task ? upload => new UploadCopyeditedFile(task, upload) : null);

        public Task<SeenRefusal?> FinishCopyedit(Guid submission) =>
            Do(submission, p => TheirTasks.Copyedit(p.Copyedits, actor.Account) is { } task ? new CompleteCopyedit(task) : null);

        public Task<SeenRefusal?> AcceptCopyedits(Guid submission) => Do(submission, _ => new AcceptCopyedits());

        public Task<SeenRefusal?> SendCopyeditCorrections(Guid submission, string notes, SampleFile? correctedCopy = null) =>
            correctedCopy is null
                ? Do(submission, _ => new SendCopyeditCorrections(notes))
                : Upload(submission, correctedCopy, _ => upload => new SendCopyeditCorrections(notes, upload));

        public Task<SeenRefusal?> AssignTypesetting(Guid submission, PersonAccount typesetter) =>
            Do(submission, _ => new AssignTypesetting(Guid.CreateVersion7(), typesetter.Id, Due));

        public async Task<byte[]?> DownloadJatsFrontMatter(Guid submission) =>
            await Shown(submission) is { } p && await ((IJournalQueries)record).Find(p.Journal) is { } journal
                ? Encoding.UTF8.GetBytes(JatsArticle.Served(p, journal))
                : null;

        public Task<SeenRefusal?> UploadGalley(Guid submission, GalleyFormat format, string label, SampleFile file) =>
            Upload(submission, file, p =>
            {
                if (TheirTasks.Round(p.Rounds, actor.Account) is not { } round) return null;
                var (galley, order) = TheirTasks.GalleyFor(p.Galleys, format, TheirTasks.Language);
                return upload => new UploadGalley(round, galley, format, label, TheirTasks.Language, order, upload);
            }, format);

        public Task<SeenRefusal?> FinishTypesetting(Guid submission) =>
            Do(submission, p => TheirTasks.Round(p.Rounds, actor.Account) is { } round ? new CompleteTypesetting(round) : null);

        public Task<SeenRefusal?> SendProofsToTheAuthor(Guid submission) =>
            Do(submission, _ => new SendProofs(Guid.CreateVersion7(), ProofReaderKind.Author, Due));

        public Task<SeenRefusal?> ApproveProofs(Guid submission) =>
            Do(submission, p => TheirTasks.Proof(p.Proofs, actor.Account) is { } proof ? new ApproveProofs(proof.Id) : null);

        public Task<SeenRefusal?> AskForProofCorrections(Guid submission, string galleyLabel, string note, SampleFile? annotated = null)
        {
            RequestProofCorrections? Corrections(ArticleProduction p) =>
                TheirTasks.Proof(p.Proofs, actor.Account) is { } proof && p.Galleys.FirstOrDefault(g => g.Label == galleyLabel && proof.Galleys.Contains(g.Id)) is { } galley
                    ? new RequestProofCorrections(proof.Id, [new ProofCorrection(galley.Id, note)])
                    : null;
            return annotated is null
                ? Do(submission, Corrections)
                : Upload(submission, annotated, p => Corrections(p) is { } corrections ? upload => corrections with { Annotated = upload } : null);
        }

        public Task<SeenRefusal?> SaveSuggestedPublicationDetails(Guid submission) =>
            Do(submission, p => PublicationDetails.SuggestedFor(p) is var d ? new SetPublicationDetails(d.LicenceName, d.LicenceUrl, d.CopyrightHolder, d.CopyrightYear, d.Section) : null);

        public Task<SeenRefusal?> MarkReadyToPublish(Guid submission) => Do(submission, _ => new MarkReadyToPublish());

        private IPublicationQueries Publications => record;

        private async Task<SeenRefusal?> OnPublication(Guid submission, Func<PublishedArticle, Journal, Task<PublicationCommand?>> command)
        {
            if (await Publications.OfSubmission(submission, actor) is not { } article || await ((IJournalQueries)record).Find(article.Journal) is not { } journal)
                return new SeenRefusal("NotAuthorised", []);
            return await command(article, journal) is { } chosen ? Seen(await record.Execute(article.Id, chosen, actor)) : new SeenRefusal("NotAllowedInState", []);
        }

        public Task<SeenRefusal?> AssignTheOfferedDoi(Guid submission) =>
            OnPublication(submission, async (article, journal) => await DoiSuggestion.For(article, journal, Publications) is { } doi ? new AssignDoi(doi) : null);

        public Task<SeenRefusal?> Publish(Guid submission, DateTimeOffset? at = null) =>
            OnPublication(submission, (_, _) => Task.FromResult<PublicationCommand?>(new PublishArticle(at)));

        public Task<SeenRefusal?> PublishNotice(Guid submission, ArticleNoticeKind kind, string text) =>
            OnPublication(submission, async (article, journal) => article.IsPublic
                ? new PublishNotice(article.NextNoticeId, kind, text, await DoiSuggestion.ForNotice(article.NextNoticeId, DateTimeOffset.UtcNow.Year, journal, Publications))
                : null);

        public Task<SeenRefusal?> BeginNewVersion(Guid submission, VersionKind kind, string note) =>
            OnPublication(submission, (_, _) => Task.FromResult<PublicationCommand?>(new BeginNewVersion(kind, note)));

        public Task<SeenRefusal?> CorrectTheTitle(Guid submission, string title) => Do(submission, p => new CorrectArticleMetadata(title, p.Abstract, p.Keywords));

        public Task<SeenRefusal?> PublishNewVersion(Guid submission) => OnPublication(submission, (_, _) => Task.FromResult<PublicationCommand?>(new PublishNewVersion()));

        private async Task<SeenRefusal?> OnIssue(Guid journal, int volume, int number, IssueCommand command) =>
            Seen(await record.Execute(JournalIssue.StreamOf(journal, volume, number), command, actor));

        public Task<SeenRefusal?> OpenIssue(Guid journal, int volume, int number, string title) =>
            OnIssue(journal, volume, number, new CreateIssue(journal, volume, number, clock.GetUtcNow().Year, title, "", null));

        public async Task<SeenRefusal?> PlanIntoIssue(Guid submission, int volume, int number, string pages) =>
            await Publications.OfSubmission(submission, actor) is { } article
                ? await OnIssue(article.Journal, volume, number, new PlanArticle(article.Id, Pages: pages))
                : new SeenRefusal("NotAuthorised", []);

        public Task<SeenRefusal?> PublishIssue(Guid journal, int volume, int number, DateTimeOffset? at = null) =>
            OnIssue(journal, volume, number, new Domain.Issues.PublishIssue(at));

        public async Task<IReadOnlyList<DepositStatus>?> DepositsOf(Guid submission) =>
            await Publications.OfSubmission(submission, actor) is { } article ? [.. article.Deposits.Select(d => d.Status)] : null;
    }

    public Task<IReadOnlyList<ListedArticle>> ArticlesOnTheJournalsHome(string address) => _reader.ArticlesOn(address);

    public Task<IReadOnlyList<ListedArticle>?> TheIssuesContents(string address, int volume, int number) => _reader.Contents(address, volume, number);

    public Task<ReadArticle?> ReadTheArticle(Guid article) => _reader.Read(article);

    public Task<ReadArticle?> ReadTheVersion(Guid article, int number) => _reader.Read(article, number);

    public Task<string?> CiteAsBibTeX(Guid article) => _reader.BibTeX(article);

    public Task<IReadOnlyList<FoundArticle>> SearchTheJournal(string address, string words) => _reader.Search(address, words);

    /// <summary>The reader site's answers, from the ports its pages read.</summary>
    private sealed class ReaderPorts(IPublicationQueries publications, IJournalQueries journals, IIssueQueries issues, EditorialPortal.Domain.Files.IManuscriptFileStore files)
    {
        public async Task<IReadOnlyList<ListedArticle>> ArticlesOn(string address) =>
            await publications.JournalAt(address) is { } journal
                ? [.. (await publications.PublishedIn(journal.Id, null, 20)).Items.Select(a => new ListedArticle(a.Id, a.Metadata.Title))]
                : [];

        public async Task<IReadOnlyList<ListedArticle>?> Contents(string address, int volume, int number) =>
            await publications.JournalAt(address) is { } journal && await issues.Issue(JournalIssue.StreamOf(journal.Id, volume, number)) is { IsPublic: true } issue
                ? [.. (await issues.PublicAmong([.. issue.Contents.Select(e => e.Article)])).Select(a => new ListedArticle(a.Id, a.Metadata.Title))]
                : null;

        /// <summary>The article at its current version, or at the version numbered, with the banner its page shows first.</summary>
        public async Task<ReadArticle?> Read(Guid article, int? number = null) =>
            await publications.Published(article) is { } a && (number is { } n ? a.VersionNumbered(n) : a.CurrentVersion) is { } version
                ? new ReadArticle(version.Metadata.Title, [.. version.Metadata.Authors.Select(x => x.Name)], version == a.CurrentVersion ? a.Doi : null,
                    $"{a.PublishedAt:d MMMM yyyy}", version == a.CurrentVersion ? a.Standing?.Kind.Banner() : version.SupersededBanner, await FullText(version.Metadata))
                : null;

        // The HTML galley as the landing page shows it, sanitised, read as text.
        private async Task<string?> FullText(ArticleMetadata m)
        {
            if (m.Galleys.FirstOrDefault(g => g.Format == GalleyFormat.Html) is not { } galley || files.Open(galley.File.Sha256) is not { } stored) return null;
            await using (stored)
                return (await GalleyHtml.Of(galley.Format, stored)).Html is { } html
                    ? new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>").Body!.TextContent.Trim()
                    : null;
        }

        public async Task<IReadOnlyList<FoundArticle>> Search(string address, string words) =>
            await publications.JournalAt(address) is { } journal
                ? [.. (await publications.Search(new ArticleSearch(journal.Id, words))).Hits
                    .Select(h => new FoundArticle(h.Article.Id, h.Article.Metadata.Title, [.. h.Snippet.Where(p => p.Matched).Select(p => p.Text)]))]
                : [];

        public async Task<string?> BibTeX(Guid article) =>
            await publications.Published(article) is { } a && await journals.Find(a.Journal) is { } journal ? Citations.BibTeX(a, journal) : null;
    }
}
