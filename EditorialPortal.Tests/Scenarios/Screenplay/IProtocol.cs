using EditorialPortal.Domain.Journals;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>
/// One way of reaching the portal. Arranging the world (journals, accounts, roles) goes backstage, straight to
/// the desk; acting always goes through the protocol's ability.
/// </summary>
public interface IProtocol
{
    /// <summary>How test names call this kind of actor.</summary>
    string Kind { get; }

    Backstage Backstage { get; }

    Task<IEditorialAbility> SignIn(PersonAccount account);
}

public sealed record PersonAccount(Guid Id, string Name, string Email, string Password);

public sealed record JournalRef(Guid Id, string Title);

public sealed record SubmissionRef(Guid Id);
