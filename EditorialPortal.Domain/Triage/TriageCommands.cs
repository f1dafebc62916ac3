using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Triage;

/// <summary>Sends an incomplete manuscript back to its author, who may change it and submit it again.</summary>
public sealed record ReturnToAuthor(string Message) : SubmissionCommand;

/// <summary>Rejects a manuscript without peer review, with the letter the author receives.</summary>
public sealed record DeskReject(string Letter) : SubmissionCommand;

/// <summary>Gives a manuscript to one of the journal's editors to run its peer review.</summary>
public sealed record AssignHandlingEditor(Guid Editor) : SubmissionCommand;
