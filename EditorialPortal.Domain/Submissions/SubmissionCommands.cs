using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Submissions;

/// <summary>A command on one submission; the desk names the submission it is for.</summary>
public abstract record SubmissionCommand : Command;

/// <summary>A command that names one reviewer's invitation.</summary>
public interface INamesAnInvitation
{
    Guid Assignment { get; }
}

/// <summary>A fact about one reviewer's invitation.</summary>
public interface IAboutAnInvitation
{
    Guid Assignment { get; }
}
