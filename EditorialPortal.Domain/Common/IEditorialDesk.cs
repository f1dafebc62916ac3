using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Common;

/// <summary>
/// The one port through which screens, the REST API and tests change anything.
/// Each call decides one command against one stream and records its facts in one transaction.
/// </summary>
public interface IEditorialDesk
{
    Task<CommandOutcome> Execute(Guid submission, SubmissionCommand command, Actor actor, CommandOptions? options = null);

    Task<CommandOutcome> Execute(Guid journal, JournalCommand command, Actor actor, CommandOptions? options = null);

    Task<CommandOutcome> Execute(Guid account, AccountCommand command, Actor actor, CommandOptions? options = null);
}
