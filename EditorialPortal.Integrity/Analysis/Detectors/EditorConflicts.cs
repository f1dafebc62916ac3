namespace EditorialPortal.Integrity.Analysis;

/// <summary>
/// An editor acting on a manuscript they wrote or declared a conflict with: what the rules now forbid, found in the
/// record from before the rule existed (or wherever it was got round).
/// </summary>
public sealed class EditorConflicts : IDetector
{
    public string Name => "editor-conflict";

    public string Looks => "Editors assigning, inviting or deciding on manuscripts they wrote or declared a conflict with.";

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        foreach (var manuscript in record.Manuscripts)
            foreach (var byEditor in manuscript.EditorialActs.GroupBy(a => a.By))
            {
                var editor = byEditor.Key;
                var authored = people.TryGetValue(editor, out var known) && manuscript.AuthorEmails.Contains(known.Email.ToLowerInvariant());
                var declared = manuscript.DeclaredConflicts.Where(c => c.Person == editor).Select(c => (DateTimeOffset?)c.At).Min();
                var acts = byEditor.Where(a => authored || a.Fact.At > declared).ToList();
                if (acts.Count == 0) continue;
                var who = people.NameOf(editor);
                yield return new Finding(Name, $"{Name}:{manuscript.Id}:{editor}", Severity.High, manuscript.Journal, [manuscript.Id], [editor],
                    $"{who} acted as editor on “{manuscript.Title}”, which they {(authored ? "wrote" : "declared a conflict with")}",
                    $"{who} {string.Join(", ", acts.Select(a => a.What).Distinct())} on “{manuscript.Title}”, though they " +
                    $"{(authored ? "are among its authors" : "had declared a conflict of interest with it")}: an author never judges their own work, nor anyone their conflict.",
                    [.. acts.Select(a => a.Fact)]);
            }
    }
}
