namespace EditorialPortal.Integrity.Analysis;

/// <summary>The same manuscript before two journals (or twice before one) at once: a title and abstract largely the same, an author in common, both under consideration together.</summary>
public sealed class DuplicateSubmissions : IDetector
{
    public const double Similar = 0.6;

    public string Name => "duplicate-submission";

    public string Looks => $"Manuscripts sharing an author and at least {Similar:P0} of the three-word phrases of their title and abstract, under consideration at the same time.";

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        var submitted = record.Manuscripts.Where(m => m.SubmittedAt is not null).OrderBy(m => m.Id).ToList();
        var shingles = submitted.Select(m => MinHash.Shingles($"{m.Title} {m.Abstract}")).ToList();
        foreach (var (x, y) in MinHash.Candidates(shingles))
        {
            // Told in the order they were submitted, and named by it, so that the same pair is one signal however it is found.
            var (first, second) = submitted[x].SubmittedAt <= submitted[y].SubmittedAt ? (submitted[x], submitted[y]) : (submitted[y], submitted[x]);
            var shared = first.AuthorEmails.Intersect(second.AuthorEmails).ToList();
            if (shared.Count == 0 || !first.ActiveWith(second)) continue;
            var similarity = MinHash.Jaccard(shingles[x], shingles[y]);
            if (similarity < Similar) continue;
            var where = first.Journal == second.Journal ? $"both in {record.JournalTitle(first.Journal)}" : $"in {record.JournalTitle(first.Journal)} and {record.JournalTitle(second.Journal)}";
            yield return new Finding(Name, $"{Name}:{first.Id}:{second.Id}", first.Journal == second.Journal ? Severity.Medium : Severity.High, first.Journal,
                [first.Id, second.Id], [.. new[] { first.SubmittingAuthor, second.SubmittingAuthor }.Distinct()],
                $"“{first.Title}” and “{second.Title}” look like one manuscript submitted twice",
                $"Their titles and abstracts share {similarity:P0} of their three-word phrases, {shared.Count} author{(shared.Count == 1 ? "" : "s")} ({string.Join(", ", shared)}) " +
                $"{(shared.Count == 1 ? "is" : "are")} on both, and they were under consideration at the same time, {where}.",
                [.. new[] { first.SubmittedIn, second.SubmittedIn, first.AuthorsIn, second.AuthorsIn }.OfType<CatchingUp.FactReference>()]);
        }
    }
}
