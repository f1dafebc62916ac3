using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;

namespace EditorialPortal.Domain.Review;

/// <summary>Someone the authors suggest as a reviewer, or ask the editors not to invite, with their reason.</summary>
public sealed record ReviewerPreference(string Name, string Email, string Reason, bool Opposed)
{
    public const int MaxEach = 10;
    public const int MaxReasonLength = 1000;

    public static IReadOnlyList<FieldError> Check(IReadOnlyList<ReviewerPreference> preferences)
    {
        var errors = new List<FieldError>();
        if (preferences.Count(p => p.Opposed) > MaxEach || preferences.Count(p => !p.Opposed) > MaxEach)
            errors.Add(new("reviewerPreferences", $"Suggest at most {MaxEach} reviewers, and oppose at most {MaxEach}."));
        foreach (var p in preferences)
        {
            if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Trim().Length > 200) errors.Add(new("reviewerPreferences", "Give each person's name (up to 200 characters)."));
            if (!EmailAddress.IsPlausible((p.Email ?? "").Trim())) errors.Add(new("reviewerPreferences", $"“{p.Email}” is not an email address."));
            if (p.Opposed && string.IsNullOrWhiteSpace(p.Reason)) errors.Add(new("reviewerPreferences", $"Say why {p.Name.Trim()} should not review the manuscript."));
            if ((p.Reason?.Length ?? 0) > MaxReasonLength) errors.Add(new("reviewerPreferences", $"Keep each reason under {MaxReasonLength} characters."));
        }
        if (preferences.GroupBy(p => EmailAddress.Normalise(p.Email)).Any(g => g.Count() > 1))
            errors.Add(new("reviewerPreferences", "Name each person once, as suggested or as opposed."));
        return [.. errors.DistinctBy(e => e.Message)];
    }

    public ReviewerPreference Tidy() => new(Name.Trim(), EmailAddress.Normalise(Email), (Reason ?? "").Trim(), Opposed);
}
