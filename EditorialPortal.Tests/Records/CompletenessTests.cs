using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Records;

/// <summary>
/// Every fact a kind of stream can hold is folded into its state, and every fact of a submission is told in its
/// history and decided for mail: a new fact left out of any of them fails here, not in front of a reader.
/// </summary>
public sealed class CompletenessTests
{
    private static readonly DateTimeOffset Later = Samples.At.AddHours(1);

    public static TheoryData<string> SubmissionFacts => [.. Submission.FactTypes.Select(t => t.Name)];

    private static Type SubmissionFact(string name) => Submission.FactTypes.Single(t => t.Name == name);

    // A manuscript under review with one invitation, so that a fact naming the sample assignment finds it.
    private static Submission UnderReview => new object[]
    {
        Samples.Of<SubmissionStarted>(), Samples.Of<ManuscriptSubmitted>(), Samples.Of<HandlingEditorAssigned>(), Samples.Of<ReviewerInvited>()
    }.Aggregate<object, Submission?>(null, Submission.Fold)!;

    public static TheoryData<string> SubmissionCommands =>
        [.. typeof(SubmissionCommand).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(SubmissionCommand).IsAssignableFrom(t)).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(SubmissionFacts))]
    public void Every_submission_fact_belongs_to_a_use_case(string fact) =>
        Assert.True(SubmissionUseCases.All.Facts.Has(SubmissionFact(fact)), $"{fact} is in no use case: add it where its command is decided.");

    [Theory]
    [MemberData(nameof(SubmissionCommands))]
    public void Every_submission_command_belongs_to_a_use_case(string command) =>
        Assert.True(SubmissionUseCases.All.Commands.Types.Any(t => t.Name == command), $"{command} is in no use case: nothing decides it.");

    [Theory]
    [MemberData(nameof(SubmissionFacts))]
    public void Every_submission_fact_but_the_first_changes_the_submission(string fact)
    {
        if (fact == nameof(SubmissionStarted)) return;
        var state = UnderReview;
        Assert.NotEqual(state, Submission.Fold(state, Samples.Of(SubmissionFact(fact), Later, "Other text")));
    }

    [Theory]
    [MemberData(nameof(SubmissionFacts))]
    public void Every_submission_fact_has_a_line_of_its_own_in_the_history(string fact)
    {
        var (kind, description) = SubmissionNarrative.Tell(Samples.Of(SubmissionFact(fact), Later), new Dictionary<Guid, string>());
        Assert.Contains(kind, SubmissionNarrative.Kinds);
        Assert.False(string.IsNullOrWhiteSpace(description));
    }

    [Theory]
    [MemberData(nameof(SubmissionFacts))]
    public void Every_submission_fact_has_its_mail_decided(string fact)
    {
        var journal = Samples.Of<JournalCreated>();
        var person = Account.Fold(null, Samples.Of<AccountRegistered>());
        var mail = Notices.Compose(Guid.NewGuid(), [Samples.Of(SubmissionFact(fact), Later)], UnderReview, Journal.Fold(null, journal)!, _ => person, path => path);
        Assert.All(mail, m => Assert.False(string.IsNullOrWhiteSpace(m.Subject + m.Body)));
    }

    public static TheoryData<string> ProductionFacts => [.. ArticleProduction.FactTypes.Select(t => t.Name)];

    public static TheoryData<string> ProductionCommands =>
        [.. typeof(ProductionCommand).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ProductionCommand).IsAssignableFrom(t)).Select(t => t.Name)];

    private static Type ProductionFact(string name) => ArticleProduction.FactTypes.Single(t => t.Name == name);

    // An article with a copyedit, a typesetting round, a galley and proofs, all under the sample id, so that a fact naming it finds it.
    private static ArticleProduction InProduction => new object[]
    {
        Samples.Of<ProductionStarted>(), Samples.Of<CopyeditAssigned>(), Samples.Of<TypesettingAssigned>(), Samples.Of<GalleyUploaded>(), Samples.Of<ProofsSent>()
    }.Aggregate<object, ArticleProduction?>(null, ArticleProduction.Fold)!;

    [Theory]
    [MemberData(nameof(ProductionFacts))]
    public void Every_production_fact_belongs_to_a_use_case(string fact) =>
        Assert.True(ProductionUseCases.All.Facts.Has(ProductionFact(fact)), $"{fact} is in no production use case.");

    [Theory]
    [MemberData(nameof(ProductionCommands))]
    public void Every_production_command_belongs_to_a_use_case(string command) =>
        Assert.True(ProductionUseCases.All.Commands.Types.Any(t => t.Name == command), $"{command} is in no production use case: nothing decides it.");

    [Theory]
    [MemberData(nameof(ProductionFacts))]
    public void Every_production_fact_changes_the_production(string fact)
    {
        var state = InProduction;
        Assert.NotEqual(state, ArticleProduction.Fold(state, Samples.Of(ProductionFact(fact), Later, "Other text")));
    }

    [Theory]
    [MemberData(nameof(ProductionFacts))]
    public void Every_production_fact_has_a_line_in_the_history_and_its_mail_decided(string fact)
    {
        var (kind, description) = ProductionNarrative.Tell(Samples.Of(ProductionFact(fact), Later), new Dictionary<Guid, string>());
        Assert.Equal(ProductionUseCases.Kind, kind);
        Assert.False(string.IsNullOrWhiteSpace(description));
        var person = Account.Fold(null, Samples.Of<AccountRegistered>());
        var mail = ProductionNotices.Compose(Guid.NewGuid(), [Samples.Of(ProductionFact(fact), Later)], InProduction, Journal.Fold(null, Samples.Of<JournalCreated>())!,
            _ => person, path => path);
        Assert.All(mail, m => Assert.False(string.IsNullOrWhiteSpace(m.Subject + m.Body)));
    }

    public static TheoryData<string> PublicationFacts => [.. PublishedArticle.FactTypes.Select(t => t.Name)];

    public static TheoryData<string> PublicationCommands =>
        [.. typeof(PublicationCommand).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(PublicationCommand).IsAssignableFrom(t)).Select(t => t.Name)];

    private static Type PublicationFact(string name) => PublishedArticle.FactTypes.Single(t => t.Name == name);

    private static PublishedArticle ReadyToPublish => PublishedArticle.Fold(null, Samples.Of<ArticleReadyForPublication>())!;

    [Theory]
    [MemberData(nameof(PublicationCommands))]
    public void Every_publication_command_belongs_to_a_use_case(string command) =>
        Assert.True(PublicationUseCases.All.Commands.Types.Any(t => t.Name == command), $"{command} is in no publication use case: nothing decides it.");

    [Theory]
    [MemberData(nameof(PublicationFacts))]
    public void Every_publication_fact_changes_the_article_has_a_line_in_the_history_and_its_mail_decided(string fact)
    {
        Assert.True(PublicationUseCases.All.Facts.Has(PublicationFact(fact)), $"{fact} is in no publication use case.");
        var sample = Samples.Of(PublicationFact(fact), Later, "Other text");
        if (fact != nameof(ArticleReadyForPublication)) Assert.NotEqual(ReadyToPublish, PublishedArticle.Fold(ReadyToPublish, sample));
        var (kind, description) = PublicationNotices.Tell(sample, new Dictionary<Guid, string>());
        Assert.Equal(PublicationUseCases.Kind, kind);
        Assert.False(string.IsNullOrWhiteSpace(description));
        var person = Account.Fold(null, Samples.Of<AccountRegistered>());
        var mail = Notices.Compose(PublicationNotices.Mailing, Guid.NewGuid(), [sample], ReadyToPublish, Journal.Fold(null, Samples.Of<JournalCreated>())!, _ => person, path => path);
        Assert.All(mail, m => Assert.False(string.IsNullOrWhiteSpace(m.Subject + m.Body)));
    }

    private sealed record StreamKind(Func<object?, object, object?> Fold, Type[] Begin, IReadOnlyList<Type> Facts);

    // An account that has seen a wrong password, so that a sign-in or an old lock has a count to clear.
    private static readonly Dictionary<string, StreamKind> OtherKinds = new()
    {
        ["journal"] = new((s, f) => Journal.Fold((Journal?)s, f), [typeof(JournalCreated)], Journal.FactTypes),
        ["account"] = new((s, f) => Account.Fold((Account?)s, f), [typeof(AccountRegistered), typeof(SignInFailed)], Account.FactTypes),
        ["mail"] = new((s, f) => OutgoingMessage.Fold((OutgoingMessage?)s, f), [typeof(MailQueued)], OutgoingMessage.FactTypes),
        ["review draft"] = new((s, f) => ReviewDraft.Fold((ReviewDraft?)s, f), [typeof(ReviewDraftSaved)], ReviewDraft.FactTypes),
        ["issue"] = new((s, f) => JournalIssue.Fold((JournalIssue?)s, f), [typeof(IssueCreated), typeof(ArticlePlannedInIssue), typeof(IssueScheduled)], JournalIssue.FactTypes)
    };

    public static TheoryData<string, string> FactsOfEveryOtherKind => [.. OtherKinds.SelectMany(k => k.Value.Facts.Select(t => (k.Key, t.Name)))];

    [Theory]
    [MemberData(nameof(FactsOfEveryOtherKind))]
    public void Every_fact_of_every_other_kind_begins_its_state_or_changes_it(string kind, string fact)
    {
        var stream = OtherKinds[kind];
        var begun = stream.Begin.Aggregate<Type, object?>(null, (state, t) => stream.Fold(state, Samples.Of(t)));
        Assert.NotNull(begun);
        var type = stream.Facts.Single(t => t.Name == fact);
        if (type != stream.Begin[0]) Assert.NotEqual(begun, stream.Fold(begun, Samples.Of(type, Later, "Other text")));
    }

    [Fact]
    public void Every_command_is_for_exactly_one_registered_kind_of_stream_and_every_kind_has_a_permission_line_for_each()
    {
        var commands = typeof(Command).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Command).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.Single(StreamKinds.All, kind => kind.Commands.IsAssignableFrom(command)));
        Assert.All(commands, command => Assert.True(Domain.Authorisation.Permissions.Table.ContainsKey(command), $"{command.Name} has no permission line."));
    }

    [Fact]
    public void Every_kind_finds_its_facts_from_the_types_themselves()
    {
        Assert.Contains(typeof(SubmissionWithdrawn), Submission.FactTypes);
        Assert.Contains(typeof(RegistrationWithAddressAttempted), Account.FactTypes);
        Assert.Contains(typeof(DecisionNoticeToReviewersChanged), Journal.FactTypes);
        var all = new[] { Submission.FactTypes, Journal.FactTypes, Account.FactTypes, OutgoingMessage.FactTypes, ReviewDraft.FactTypes, ArticleProduction.FactTypes,
                PublishedArticle.FactTypes, JournalIssue.FactTypes }
            .SelectMany(t => t).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(typeof(IHistoricalFact).Assembly.GetTypes().Count(t => t is { IsClass: true, IsAbstract: false } && typeof(IHistoricalFact).IsAssignableFrom(t)), all.Count);
    }
}
