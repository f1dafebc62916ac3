namespace EditorialPortal.Domain.People;

public interface IAccountQueries
{
    Task<Account?> Find(Guid account);

    Task<Account?> FindByEmail(string email);

    /// <summary>The account holding an active personal access token with this SHA-256 digest.</summary>
    Task<Account?> FindByAccessToken(string tokenHash);

    /// <summary>Display names for accounts, for telling who did what.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesOf(IEnumerable<Guid> accounts);
}
