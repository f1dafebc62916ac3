namespace EditorialPortal.Integrity.Analysis;

/// <summary>An editor whose manuscripts keep going to the same few reviewers: the channel a ring is fed through.</summary>
public sealed class ReviewerConcentration : IDetector
{
    private const int FewestInvitations = 12;
    private const double Concentrated = 0.6;

    // Enough to name every manuscript of a captive pool an editor could build in a year or two, few enough to read.
    private const int MostManuscripts = 100;

    public string Name => "reviewer-concentration";

    public string Looks => $"Editors who sent at least {Concentrated:P0} of {FewestInvitations} or more invitations to three reviewers whom the journal's other editors hardly invite.";

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        var invitations = record.Manuscripts.SelectMany(m => m.Invitations.Values.Select(i => (Manuscript: m, Invitation: i))).ToList();
        foreach (var byEditor in invitations.GroupBy(x => x.Invitation.InvitedBy).Where(g => g.Count() >= FewestInvitations))
        {
            var top = byEditor.GroupBy(x => x.Invitation.Reviewer).OrderByDescending(g => g.Count()).Take(3).ToList();
            var share = (double)top.Sum(g => g.Count()) / byEditor.Count();
            if (share < Concentrated) continue;
            // A small journal's few reviewers are everyone's: only a pool the journal's other editors hardly use is this editor's own.
            var journals = byEditor.Select(x => x.Manuscript.Journal).ToHashSet();
            var others = invitations.Where(x => journals.Contains(x.Manuscript.Journal) && x.Invitation.InvitedBy != byEditor.Key).ToList();
            if (others.Count < FewestInvitations) continue;
            var theirShare = (double)others.Count(x => top.Any(g => g.Key == x.Invitation.Reviewer)) / others.Count;
            if (theirShare >= Concentrated / 3) continue;
            var who = people.NameOf(byEditor.Key);
            var journal = byEditor.First().Manuscript.Journal;
            yield return new Finding(Name, $"{Name}:concentration:{byEditor.Key}", Severity.Low, journal, [.. top.SelectMany(g => g.Select(x => x.Manuscript.Id)).Distinct().Take(MostManuscripts)],
                [byEditor.Key, .. top.Select(g => g.Key)],
                $"{who} sends most of their invitations to the same three reviewers",
                $"Of the {byEditor.Count()} invitations {who} sent, {share:P0} went to {string.Join(", ", top.Select(g => $"{people.NameOf(g.Key)} ({g.Count()})"))}; " +
                $"the journal's other editors sent them {theirShare:P0} of theirs.",
                [.. top.SelectMany(g => g.Select(x => x.Invitation.Evidence[0])).Take(30)]);
        }
    }
}
