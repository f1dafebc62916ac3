using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>Who may read a text that someone wrote into a fact, among those who may see the fact at all.</summary>
public enum TextAudience
{
    /// <summary>Everyone who sees the fact: the manuscript's own words, and a review's comments for the author.</summary>
    Everyone,

    /// <summary>The editors and the manuscript's authors: what passes between them (letters, messages, reasons given to the author).</summary>
    EditorsAndAuthors,

    /// <summary>The editors and the one person the fact concerns: the reviewer of the invitation, or who declared the conflict.</summary>
    EditorsAndWhomItConcerns,

    /// <summary>The editors alone.</summary>
    Editors
}

/// <summary>Who may read this text of a fact, said where the fact is declared.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AudienceAttribute(TextAudience audience) : Attribute
{
    public TextAudience Audience => audience;
}

/// <summary>
/// The audience of every text of every fact of a submission, as each fact's use case says it field by field. Free text crosses sides only
/// where this table says so: a letter to the author never reaches a reviewer, an editor's reason for overriding a
/// conflict never reaches the reviewer, an early-decision reason never reaches the author. A test fails when a fact
/// has a text without a line here.
/// </summary>
public static class TextAudiences
{
    public static readonly IReadOnlyDictionary<(Type Fact, string Field), TextAudience> Table =
        Submission.FactTypes.SelectMany(fact => fact.GetProperties()
                .Select(field => (Fact: fact, Field: field.Name, Said: field.GetCustomAttributes(typeof(AudienceAttribute), false).OfType<AudienceAttribute>().FirstOrDefault()))
                .Where(field => field.Said is not null))
            .ToDictionary(field => (field.Fact, field.Field), field => field.Said!.Audience);

    /// <summary>The texts of a fact, by field name, and the list types that count as texts.</summary>
    public static bool IsText(Type type) => type == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(type);

    /// <summary>Whether this viewer may read this field of this fact; <paramref name="concernsThem"/> says whether the fact is about the viewer.</summary>
    public static bool MayRead(Type fact, string field, Blinding.Viewer viewer, bool concernsThem) =>
        !Table.TryGetValue((fact, field), out var audience) || audience switch
        {
            TextAudience.Everyone => true,
            TextAudience.EditorsAndAuthors => viewer is Blinding.Viewer.Editor or Blinding.Viewer.Author,
            TextAudience.EditorsAndWhomItConcerns => viewer == Blinding.Viewer.Editor || concernsThem,
            _ => viewer == Blinding.Viewer.Editor
        };
}
