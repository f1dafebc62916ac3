using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.Cases;

namespace EditorialPortal.Integrity.Charts;

public enum Relation
{
    Authored,
    Reviewed,
    Handled
}

/// <summary>A manuscript or a person of the network, placed; <paramref name="Named"/> is whether the case names the person.</summary>
public sealed record NetworkNode(string Id, string Label, bool IsManuscript, bool Named, double X, double Y);

public sealed record NetworkEdge(string From, string To, Relation Relation);

/// <summary>
/// A case's people and manuscripts and what joins them (who wrote, reviewed and handled what), laid out for a picture:
/// the manuscripts on an inner ring, the people on an outer one, each person turned towards the manuscripts they touch,
/// so that a ring shows as a knot of crossing review lines and a mill as one reviewer fanning out to many manuscripts.
/// </summary>
public sealed record CaseNetwork(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, int ManuscriptsLeftOut)
{
    public const double Size = 640;
    public const int MostManuscripts = 30;
    private const double Centre = Size / 2;

    public static CaseNetwork Of(IntegrityCase c, RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        var byEmail = people.Values.GroupBy(p => p.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        string PersonId(Guid account) => people.TryGetValue(account, out var known) ? known.Email.ToLowerInvariant() : account.ToString();
        var named = c.People.Select(PersonId).ToHashSet();
        var manuscripts = c.Manuscripts.Select(record.Manuscript).OfType<ManuscriptSeen>().Take(MostManuscripts).ToList();
        var edges = new List<NetworkEdge>();
        foreach (var m in manuscripts)
        {
            var id = m.Id.ToString();
            edges.AddRange(m.AuthorEmails.Select(a => new NetworkEdge(a, id, Relation.Authored)));
            edges.AddRange(m.Invitations.Values.Where(i => i.SubmittedAt is not null).Select(i => new NetworkEdge(PersonId(i.Reviewer), id, Relation.Reviewed)));
            if (m.HandlingEditor is { } editor) edges.Add(new NetworkEdge(PersonId(editor), id, Relation.Handled));
        }
        edges = [.. edges.Distinct()];

        var nodes = new List<NetworkNode>();
        var angles = new Dictionary<string, double>();
        var inner = manuscripts.Count == 1 ? 0 : Size * 0.2;
        for (var i = 0; i < manuscripts.Count; i++)
        {
            var angle = 2 * Math.PI * i / manuscripts.Count - Math.PI / 2;
            angles[manuscripts[i].Id.ToString()] = angle;
            nodes.Add(new NetworkNode(manuscripts[i].Id.ToString(), Short(manuscripts[i].Title), true, true, Centre + inner * Math.Cos(angle), Centre + inner * Math.Sin(angle)));
        }
        // Each person at the circular mean of their manuscripts' angles, then spread evenly in that order round the outer ring.
        var ordered = edges.GroupBy(e => e.From)
            .Select(g => (Person: g.Key, Angle: Math.Atan2(g.Sum(e => Math.Sin(angles[e.To])), g.Sum(e => Math.Cos(angles[e.To])))))
            .OrderBy(p => p.Angle).ThenBy(p => p.Person, StringComparer.Ordinal).ToList();
        var outer = Size * 0.36;
        var offset = ordered.Count > 0 ? ordered[0].Angle : 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var angle = offset + 2 * Math.PI * i / ordered.Count;
            var label = byEmail.TryGetValue(ordered[i].Person, out var known) ? known.Name
                : manuscripts.Select(m => m.AuthorNames.GetValueOrDefault(ordered[i].Person)).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? ordered[i].Person;
            nodes.Add(new NetworkNode(ordered[i].Person, label, false, named.Contains(ordered[i].Person), Centre + outer * Math.Cos(angle), Centre + outer * Math.Sin(angle)));
        }
        return new CaseNetwork(nodes, edges, Math.Max(0, c.Manuscripts.Count - manuscripts.Count));
    }

    public NetworkNode Node(string id) => Nodes.First(n => n.Id == id);

    /// <summary>The part of the plane the picture needs: its nodes, room beside them for the people's names, and below the manuscripts' titles.</summary>
    public (double X, double Y, double Width, double Height) ViewBox()
    {
        const double Names = 170, Margin = 30;
        var (top, bottom) = (Nodes.Min(n => n.Y) - Margin, Nodes.Max(n => n.Y) + Margin);
        var (left, right) = (Nodes.Min(n => n.X) - Names, Nodes.Max(n => n.X) + Names);
        return (left, top, right - left, bottom - top);
    }

    /// <summary>The picture in words, for those who cannot see it.</summary>
    public string Described()
    {
        string Label(string id) => Node(id).Label;
        var said = Edges.GroupBy(e => e.From).Select(g =>
            $"{Label(g.Key)} {string.Join(", ", g.GroupBy(e => e.Relation).Select(r => $"{Verb(r.Key)} {string.Join(" and ", r.Select(e => $"“{Label(e.To)}”"))}"))}");
        return string.Join("; ", said) + ".";
    }

    public static string Verb(Relation relation) => relation switch
    {
        Relation.Authored => "wrote",
        Relation.Reviewed => "reviewed",
        _ => "handled"
    };

    private static string Short(string title) => title.Length <= 28 ? title : title[..26].TrimEnd() + "…";
}
