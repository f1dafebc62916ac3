using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;

namespace EditorialPortal.Domain.Submissions;

/// <summary>What a well-formed manuscript's metadata looks like, and what a draft still needs before it can be submitted.</summary>
public static class SubmissionRules
{
    public const int TitleMaxLength = 300;
    public const int AbstractMaxWords = 500;
    public const int AbstractMaxLength = 6000;
    public const int KeywordMaxLength = 60;
    public const int KeywordsMax = 10;
    public const int AuthorsMax = 100;
    public const int FileNameMaxLength = 200;
    public const string PdfMediaType = "application/pdf";

    public static IReadOnlyList<FieldError> CheckTitle(string title) =>
        title.Trim().Length > TitleMaxLength ? [new("title", $"The title can have at most {TitleMaxLength} characters.")] : [];

    public static IReadOnlyList<FieldError> CheckAbstract(string text)
    {
        if (text.Length > AbstractMaxLength) return [new("abstract", $"The abstract can have at most {AbstractMaxLength} characters.")];
        return WordCount(text) > AbstractMaxWords ? [new("abstract", $"The abstract can have at most {AbstractMaxWords} words; it has {WordCount(text)}.")] : [];
    }

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static IReadOnlyList<string> TidyKeywords(IEnumerable<string> keywords) =>
        [.. keywords.Select(k => k.Trim()).Where(k => k.Length > 0).DistinctBy(k => k.ToLowerInvariant())];

    public static IReadOnlyList<FieldError> CheckKeywords(IReadOnlyList<string> keywords)
    {
        var errors = new List<FieldError>();
        if (keywords.Count > KeywordsMax) errors.Add(new("keywords", $"Give at most {KeywordsMax} keywords."));
        if (keywords.Any(k => k.Length > KeywordMaxLength)) errors.Add(new("keywords", $"Each keyword can have at most {KeywordMaxLength} characters."));
        return errors;
    }

    public static ContributingAuthor Tidy(ContributingAuthor a) =>
        new(a.Name.Trim(), EmailAddress.Normalise(a.Email), a.Affiliation.Trim(),
            string.IsNullOrWhiteSpace(a.Orcid) ? null : Orcid.Normalise(a.Orcid) ?? a.Orcid.Trim(), a.IsCorresponding);

    public static IReadOnlyList<FieldError> CheckAuthors(IReadOnlyList<ContributingAuthor> authors)
    {
        var errors = new List<FieldError>();
        if (authors.Count > AuthorsMax) errors.Add(new("authors", $"List at most {AuthorsMax} authors."));
        for (var i = 0; i < authors.Count; i++)
        {
            var a = authors[i];
            var field = $"authors[{i}]";
            if (a.Name.Length == 0) errors.Add(new($"{field}.name", $"Author {i + 1}: enter a name."));
            else if (a.Name.Length > 200) errors.Add(new($"{field}.name", $"Author {i + 1}: the name can have at most 200 characters."));
            if (!EmailAddress.IsPlausible(a.Email)) errors.Add(new($"{field}.email", $"Author {i + 1}: enter an email address such as name@university.edu."));
            if (a.Affiliation.Length == 0) errors.Add(new($"{field}.affiliation", $"Author {i + 1}: enter an affiliation."));
            else if (a.Affiliation.Length > 300) errors.Add(new($"{field}.affiliation", $"Author {i + 1}: the affiliation can have at most 300 characters."));
            if (a.Orcid is not null && Orcid.Normalise(a.Orcid) is null)
                errors.Add(new($"{field}.orcid", $"Author {i + 1}: this is not a valid ORCID iD (its check digit does not match)."));
        }
        if (authors.Count > 0 && authors.Count(a => a.IsCorresponding) != 1)
            errors.Add(new("authors", "Mark exactly one author as the corresponding author."));
        if (authors.GroupBy(a => a.Email).Any(g => g.Key.Length > 0 && g.Count() > 1))
            errors.Add(new("authors", "Each author needs their own email address."));
        return errors;
    }

    public static IReadOnlyList<FieldError> CheckFile(string fileName, string mediaType, long size, string sha256)
    {
        var errors = new List<FieldError>();
        if (!IsPlainFileName(fileName)) errors.Add(new("manuscript", "The file name must be a plain name such as manuscript.pdf, without folders."));
        if (mediaType != PdfMediaType) errors.Add(new("manuscript", "The manuscript must be a PDF file."));
        if (size <= 0) errors.Add(new("manuscript", "The file is empty."));
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) errors.Add(new("manuscript", "The file's fingerprint is not a SHA-256 digest."));
        return errors;
    }

    /// <summary>A name with no folder parts, no control characters and a sensible length.</summary>
    public static bool IsPlainFileName(string fileName) =>
        fileName.Length is > 0 and <= FileNameMaxLength
        && fileName.Trim() == fileName
        && fileName is not "." and not ".."
        && !fileName.Contains('/') && !fileName.Contains('\\') && !fileName.Contains("..")
        && !fileName.Any(char.IsControl);

    /// <summary>What the draft still needs before it can be submitted, one line per gap, in the author's words.</summary>
    public static IReadOnlyList<FieldError> WhatIsMissing(Submission s)
    {
        var missing = new List<FieldError>();
        if (s.Title.Length == 0) missing.Add(new("title", "a title"));
        if (s.Abstract.Length == 0) missing.Add(new("abstract", "an abstract"));
        if (s.Keywords.Count == 0) missing.Add(new("keywords", "at least one keyword"));
        if (s.Authors.Count == 0) missing.Add(new("authors", "the list of authors"));
        else if (!s.Authors.Any(a => a.IsCorresponding)) missing.Add(new("authors", "a corresponding author"));
        if (s.Manuscript is null) missing.Add(new("manuscript", "the manuscript file (PDF)"));
        return missing;
    }
}
