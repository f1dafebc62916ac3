using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Journals;

public interface IJournalQueries
{
    Task<Journal?> Find(Guid journal);

    /// <summary>Journals that accept submissions, by title.</summary>
    Task<IReadOnlyList<Journal>> All();

    /// <summary>The journals in which the actor holds any role.</summary>
    Task<IReadOnlyList<Journal>> WhereStaff(Actor actor);
}
