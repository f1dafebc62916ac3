namespace EditorialPortal.Integrity.Analysis;

/// <summary>
/// People who review each other: an author reviewed by someone whose own manuscript they reviewed (a reciprocal pair),
/// or three who review round in a circle. Favours traded are the mark of a review ring.
/// </summary>
public sealed class ReviewRings : IDetector
{
    private const int MostCycles = 2_000;

    public string Name => "review-ring";

    public string Looks => "Authors and reviewers who review one another: reciprocal pairs, and circles of three, across manuscripts and journals.";

    /// <summary>An author reviewed by a reviewer: every review of theirs the reviewer wrote.</summary>
    private sealed record Edge(string Author, string Reviewer, List<(ManuscriptSeen Manuscript, InvitationSeen Invitation)> Reviews)
    {
        public ManuscriptSeen Manuscript => Reviews[0].Manuscript;
        public bool Favourable => Reviews.All(r => r.Invitation.Favourable);
    }

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        var byEmail = people.Values.GroupBy(p => p.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        var edges = new Dictionary<(string, string), Edge>();
        foreach (var manuscript in record.Manuscripts)
            foreach (var invitation in manuscript.Invitations.Values.Where(i => i.SubmittedAt is not null))
                if (people.TryGetValue(invitation.Reviewer, out var reviewer))
                    foreach (var author in manuscript.AuthorEmails.Where(a => a != reviewer.Email.ToLowerInvariant()))
                    {
                        var key = (author, reviewer.Email.ToLowerInvariant());
                        if (!edges.TryGetValue(key, out var edge)) edges[key] = edge = new Edge(key.author, key.Item2, []);
                        edge.Reviews.Add((manuscript, invitation));
                    }
        var reviewedBy = edges.Values.GroupBy(e => e.Author).ToDictionary(g => g.Key, g => g.ToList());
        string Called(string email) => byEmail.TryGetValue(email, out var known) ? known.Name : email;
        IEnumerable<Guid> Accounts(IEnumerable<string> emails) => emails.Select(e => byEmail.GetValueOrDefault(e)?.Id).OfType<Guid>();

        var found = 0;
        foreach (var edge in edges.Values.OrderBy(e => e.Author, StringComparer.Ordinal).ThenBy(e => e.Reviewer, StringComparer.Ordinal))
        {
            if (found >= MostCycles) yield break;
            // A pair, named once: from the lesser address.
            if (string.CompareOrdinal(edge.Author, edge.Reviewer) < 0 && edges.TryGetValue((edge.Reviewer, edge.Author), out var back))
            {
                found++;
                var favourable = edge.Favourable && back.Favourable;
                yield return Ring([edge, back], favourable ? Severity.High : Severity.Medium, Accounts,
                    $"{Called(edge.Author)} and {Called(edge.Reviewer)} reviewed each other",
                    $"{Called(edge.Reviewer)} reviewed “{edge.Manuscript.Title}” by {Called(edge.Author)}, who reviewed “{back.Manuscript.Title}” by {Called(edge.Reviewer)}" +
                    (favourable ? "; both reviews were favourable." : "."));
            }
            // A circle of three, named once: from its least address.
            foreach (var second in reviewedBy.GetValueOrDefault(edge.Reviewer) ?? [])
            {
                if (string.CompareOrdinal(edge.Author, edge.Reviewer) >= 0 || string.CompareOrdinal(edge.Author, second.Reviewer) >= 0 || second.Reviewer == edge.Author) continue;
                if (!edges.TryGetValue((second.Reviewer, edge.Author), out var third)) continue;
                found++;
                yield return Ring([edge, second, third], Severity.High, Accounts,
                    $"{Called(edge.Author)}, {Called(edge.Reviewer)} and {Called(second.Reviewer)} review one another in a circle",
                    $"{Called(edge.Reviewer)} reviewed {Called(edge.Author)}'s “{edge.Manuscript.Title}”, {Called(second.Reviewer)} reviewed {Called(edge.Reviewer)}'s " +
                    $"“{second.Manuscript.Title}”, and {Called(edge.Author)} reviewed {Called(second.Reviewer)}'s “{third.Manuscript.Title}”.");
            }
        }
    }

    private Finding Ring(IReadOnlyList<Edge> edges, Severity severity, Func<IEnumerable<string>, IEnumerable<Guid>> accounts,
        string headline, string explanation)
    {
        var members = edges.SelectMany(e => new[] { e.Author, e.Reviewer }).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Finding(Name, $"{Name}:{string.Join(":", members)}", severity, edges[0].Manuscript.Journal,
            [.. edges.SelectMany(e => e.Reviews.Select(r => r.Manuscript.Id)).Distinct()],
            [.. accounts(members)], headline, explanation, [.. edges.SelectMany(e => e.Reviews.SelectMany(r => r.Invitation.Evidence.Where(f => f.Type == "ReviewSubmitted")))]);
    }
}
