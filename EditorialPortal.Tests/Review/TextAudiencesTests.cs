using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Review;

/// <summary>Every text written into a submission's facts has a decided audience, and the history keeps to it.</summary>
public sealed class TextAudiencesTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private static readonly Guid Id = Given.SubmissionId;
    private static readonly Guid JournalId = Given.JournalId;
    private static readonly Guid Invitation = Given.Invitation;
    private static readonly Actor Alice = new(Guid.Parse("00000000-0000-0000-0000-00000000a11c"), "Alice Smith", "alice@bristol.ac.uk");
    private static readonly Actor Erin = new(Guid.Parse("00000000-0000-0000-0000-00000000e111"), "Erin Jones", "erin@toronto.ca");
    private static readonly Actor Hugo = new(Guid.Parse("00000000-0000-0000-0000-000000000409"), "Hugo Handler", "hugo@uchile.cl");
    private static readonly Actor Rita = new(Guid.Parse("00000000-0000-0000-0000-00000000717a"), "Rita Reviewer", "rita@kyoto-u.ac.jp");

    [Fact]
    public void Every_text_of_every_submission_fact_has_an_audience()
    {
        var missing = Submission.FactTypes
            .SelectMany(type => type.GetProperties().Where(p => TextAudiences.IsText(p.PropertyType)).Select(p => (type, p.Name)))
            .Where(field => !TextAudiences.Table.ContainsKey(field))
            .Select(field => $"{field.type.Name}.{field.Name}").ToList();
        Assert.True(missing.Count == 0, $"No audience is decided for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_table_names_only_texts_that_exist()
    {
        Assert.All(TextAudiences.Table.Keys, key => Assert.True(key.Fact.GetProperty(key.Field) is { } p && TextAudiences.IsText(p.PropertyType),
            $"{key.Fact.Name}.{key.Field} is not a text of that fact."));
    }

    private static Journal Journal(ReviewMode mode) => Given.Journal(mode, (Erin.Account, JournalRole.EditorInChief), (Hugo.Account, JournalRole.HandlingEditor));

    private static readonly IHistoricalFact[] Facts =
    [
        new SubmissionStarted(Id, JournalId, ManuscriptType.ResearchArticle, Alice.Account, Now),
        new AuthorsChanged(Id, [new("Alice Smith", Alice.Email, "Bristol", null, true)], Alice.Account, Now),
        new ManuscriptFileAttached(Id, 1, "smith_final.pdf", "application/pdf", 10, new string('a', 64), Alice.Account, Now, "Alice Smith"),
        new ManuscriptSubmitted(Id, JournalId, 1, Alice.Account, Now),
        new SubmissionReturnedToAuthor(Id, "Dear Alice Smith, please add line numbers.", Erin.Account, Now),
        new ManuscriptSubmitted(Id, JournalId, 1, Alice.Account, Now),
        new HandlingEditorAssigned(Id, Hugo.Account, Erin.Account, Now),
        new ReviewerInvited(Id, Invitation, Rita.Account, 1, 1, Now.AddDays(7), Now.AddDays(30), "Rita met Alice Smith once, at a conference.", Hugo.Account, Now),
        new InvitationAccepted(Id, Invitation, Rita.Account, Now),
        new ReviewSubmitted(Id, Invitation, Recommendation.Accept, "Sound work.", "Between us: Alice Smith's lab is careful.", Rita.Account, Now),
        new DecisionRecorded(Id, 1, DecisionKind.Accept, "Dear Alice Smith, we are pleased to accept.", "Rita Reviewer's report is enough.", Hugo.Account, Now)
    ];

    private static IReadOnlyList<HistoryEntry> HistoryAsSeenBy(Actor actor, ReviewMode mode)
    {
        var state = Given.Submission(Facts);
        var names = new Dictionary<Guid, string> { [Alice.Account] = Alice.Name, [Erin.Account] = Erin.Name, [Hugo.Account] = Hugo.Name, [Rita.Account] = Rita.Name };
        return SubmissionNarrative.HistoryAsSeenBy(Facts.Select((f, i) => ((long)i + 1, f)), state, Journal(mode), actor, names);
    }

    [Theory]
    [InlineData(ReviewMode.SingleBlind)]
    [InlineData(ReviewMode.DoubleBlind)]
    public void A_reviewer_never_reads_the_letters_and_messages_to_the_author_nor_the_editors_reasons(ReviewMode mode)
    {
        var told = string.Join("\n", HistoryAsSeenBy(Rita, mode).Select(e => e.Description));
        Assert.Contains("returned the manuscript to its author", told);
        Assert.DoesNotContain("line numbers", told);
        Assert.DoesNotContain("smith_final", told);
        Assert.Equal(mode == ReviewMode.SingleBlind, told.Contains("Alice Smith", StringComparison.Ordinal));
        Assert.DoesNotContain("conference", told);
    }

    [Fact]
    public void The_author_never_reads_the_early_decision_reason_nor_the_conflict_override()
    {
        var state = Given.Submission(Facts);
        var decision = Facts.OfType<DecisionRecorded>().Single();
        Assert.Contains(nameof(DecisionRecorded.EarlyDecisionReason), Blinding.HiddenFields(decision, state, Journal(ReviewMode.SingleBlind), Alice));
        Assert.DoesNotContain(nameof(DecisionRecorded.Letter), Blinding.HiddenFields(decision, state, Journal(ReviewMode.SingleBlind), Alice));
        Assert.Empty(Blinding.HiddenFields(decision, state, Journal(ReviewMode.SingleBlind), Hugo));
        Assert.DoesNotContain(HistoryAsSeenBy(Alice, ReviewMode.SingleBlind), e => e.Description.Contains("Rita", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reviewer_reads_their_own_confidential_comments_but_not_the_conflict_override_of_their_invitation()
    {
        var state = Given.Submission(Facts);
        var journal = Journal(ReviewMode.SingleBlind);
        Assert.Empty(Blinding.HiddenFields(Facts.OfType<ReviewSubmitted>().Single(), state, journal, Rita));
        Assert.Contains(nameof(ReviewerInvited.ConflictOverride), Blinding.HiddenFields(Facts.OfType<ReviewerInvited>().Single(), state, journal, Rita));
    }
}
