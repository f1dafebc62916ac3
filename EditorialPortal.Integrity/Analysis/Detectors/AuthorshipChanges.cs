namespace EditorialPortal.Integrity.Analysis;

/// <summary>Authors added or removed after a manuscript was accepted: authorship sold once the paper is sure to appear.</summary>
public sealed class AuthorshipChanges : IDetector
{
    public string Name => "authorship-change";

    public string Looks => "Changes to the author list after the manuscript was accepted.";

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        foreach (var manuscript in record.Manuscripts)
            foreach (var change in manuscript.AuthorshipChanges)
            {
                var added = change.After.Except(change.Before).ToList();
                var removed = change.Before.Except(change.After).ToList();
                var what = string.Join("; ", new[] { added.Count > 0 ? $"added {string.Join(", ", added)}" : null, removed.Count > 0 ? $"removed {string.Join(", ", removed)}" : null }.OfType<string>());
                yield return new Finding(Name, $"{Name}:{change.Fact.Sequence}", added.Count > 0 ? Severity.Medium : Severity.Low, manuscript.Journal, [manuscript.Id],
                    [manuscript.SubmittingAuthor],
                    $"The authors of “{manuscript.Title}” changed after it was accepted",
                    $"After “{manuscript.Title}” was accepted on {manuscript.AcceptedAt:d MMMM yyyy}, its author list changed: {what}.",
                    [.. new[] { manuscript.AuthorsIn, change.Fact }.OfType<CatchingUp.FactReference>().DistinctBy(f => f.Sequence)]);
            }
    }
}
