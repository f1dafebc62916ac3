namespace EditorialPortal.Integrity.Analysis;

/// <summary>
/// Reviewers the authors suggested who were then invited, and who look like the fake reviewers of a paper mill: a webmail
/// address rather than an institution's, an account opened just before the invitation, a review quick and favourable.
/// One of these alone is what honest reviewers show every day (a retired professor's personal address, a newcomer's
/// account, a quick reader): only two together raise a signal, and all three a severe one.
/// </summary>
public sealed class SuggestedReviewers : IDetector
{
    /// <summary>An account this young when invited was likely opened for the invitation.</summary>
    public static readonly TimeSpan NewAccount = TimeSpan.FromDays(30);

    private static readonly HashSet<string> Webmail =
    [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com", "msn.com",
        "aol.com", "icloud.com", "me.com", "mail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "yandex.ru", "yandex.com", "mail.ru", "qq.com",
        "163.com", "126.com", "sina.com", "sohu.com", "protonmail.com", "proton.me", "zoho.com", "rediffmail.com", "tutanota.com"
    ];

    public string Name => "suggested-reviewer";

    public string Looks => "Author-suggested reviewers who were invited and have two of: a webmail address, an account opened shortly before, a quick favourable review.";

    /// <summary>How many of the marks a suggested reviewer must show to be signalled.</summary>
    public const int MarksToSignal = 2;

    public static bool IsWebmail(string domain) => Webmail.Contains(domain);

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        var times = ReviewTimes.Of(record);
        foreach (var manuscript in record.Manuscripts)
        {
            var suggested = manuscript.Suggested.Where(s => !s.Opposed).Select(s => s.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (suggested.Count == 0 || manuscript.Invitations.Count == 0) continue;
            var fromSuggestions = manuscript.Invitations.Values.Where(i => people.TryGetValue(i.Reviewer, out var p) && suggested.Contains(p.Email)).ToList();
            foreach (var invitation in fromSuggestions)
            {
                var person = people[invitation.Reviewer];
                var why = new List<string>();
                if (IsWebmail(person.Domain)) why.Add($"their address is at {person.Domain}, a webmail service, not an institution");
                var age = invitation.InvitedAt - person.RegisteredAt;
                if (age < NewAccount) why.Add($"their account was opened {age.Words()} before the invitation");
                var quick = invitation.TimeToReview is { } took && times.TryGetValue((manuscript.Journal, invitation.Round == 1), out var usual)
                    && usual.Count >= ReviewTimes.FewestToCompare && usual.ShareAsFast(took) <= 0.10;
                if (quick && invitation.Favourable) why.Add($"their review came in {invitation.TimeToReview!.Value.Words()}, among the fastest tenth, recommending {Recommendations.Words(invitation.Recommendation)}");
                if (why.Count < MarksToSignal) continue;
                var share = manuscript.Invitations.Count == 1 ? "The one reviewer invited to this manuscript was suggested by its authors"
                    : $"{fromSuggestions.Count} of the {manuscript.Invitations.Count} reviewers invited to this manuscript were suggested by its authors";
                yield return new Finding(Name, $"{Name}:{invitation.Assignment}", why.Count > MarksToSignal ? Severity.High : Severity.Medium, manuscript.Journal,
                    [manuscript.Id], [invitation.Reviewer],
                    $"{person.Name}, suggested by the authors of “{manuscript.Title}”, was invited to review it",
                    $"The authors suggested {person.Name} ({person.Email}) as a reviewer and {people.NameOf(invitation.InvitedBy)} invited them: {string.Join("; ", why)}. {share}.",
                    [.. manuscript.SuggestedIn is { } given ? [given] : Array.Empty<CatchingUp.FactReference>(), .. invitation.Evidence]);
            }
        }
    }
}
