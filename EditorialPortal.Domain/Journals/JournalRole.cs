namespace EditorialPortal.Domain.Journals;

/// <summary>What a person does for a journal. Anyone with an account may author, so authoring is no role.</summary>
public enum JournalRole
{
    EditorInChief,
    HandlingEditor,
    Reviewer,
    ProductionEditor,
    Copyeditor,
    Typesetter,
    Proofreader,
    IntegrityAnalyst,
    JournalAdministrator
}

public static class JournalRoles
{
    public static string Describe(this JournalRole role) => role switch
    {
        JournalRole.EditorInChief => "Editor-in-chief",
        JournalRole.HandlingEditor => "Handling editor",
        JournalRole.Reviewer => "Reviewer",
        JournalRole.ProductionEditor => "Production editor",
        JournalRole.Copyeditor => "Copyeditor",
        JournalRole.Typesetter => "Typesetter",
        JournalRole.Proofreader => "Proofreader",
        JournalRole.IntegrityAnalyst => "Integrity analyst",
        JournalRole.JournalAdministrator => "Journal administrator",
        _ => role.ToString()
    };

    /// <summary>The roles that read and triage the journal's submissions.</summary>
    public static readonly IReadOnlySet<JournalRole> Editorial = new HashSet<JournalRole> { JournalRole.EditorInChief, JournalRole.HandlingEditor };

    /// <summary>Verifying the whole record's chains is for system administrators and integrity analysts of any journal.</summary>
    public static bool MayVerifyRecord(bool isSystemAdministrator, IEnumerable<Journal> staffed, Guid account) =>
        isSystemAdministrator || staffed.Any(j => j.RolesOf(account).Contains(JournalRole.IntegrityAnalyst));

    /// <summary>The roles that work on accepted articles.</summary>
    public static readonly IReadOnlySet<JournalRole> Production = new HashSet<JournalRole>
    {
        JournalRole.ProductionEditor, JournalRole.Copyeditor, JournalRole.Typesetter, JournalRole.Proofreader
    };

    /// <summary>The roles that read the journal's whole record, for integrity work.</summary>
    public static readonly IReadOnlySet<JournalRole> RecordKeeping = new HashSet<JournalRole> { JournalRole.IntegrityAnalyst, JournalRole.JournalAdministrator };
}
