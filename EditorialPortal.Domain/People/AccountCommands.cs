namespace EditorialPortal.Domain.People;

public abstract record AccountCommand;

/// <summary>Registers a person. The password arrives already hashed: hashing is the adapter's job, never the record's.</summary>
public sealed record RegisterAccount(string Name, string Email, string Affiliation, string? Orcid, string PasswordHash) : AccountCommand;
