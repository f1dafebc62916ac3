namespace EditorialPortal.Domain.Common;

/// <summary>
/// The one port through which screens, the REST API and tests change anything.
/// Each call decides one command against one stream and records its facts in one transaction; the command's type says
/// which kind of stream it is for (see <see cref="StreamKinds"/>).
/// </summary>
public interface IEditorialDesk
{
    Task<CommandOutcome> Execute(Guid stream, Command command, Actor actor, CommandOptions? options = null);
}
