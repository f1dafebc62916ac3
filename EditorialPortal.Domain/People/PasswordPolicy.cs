using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.People;

/// <summary>What makes a password acceptable, checked before it is hashed (the record only ever sees the hash).</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 256;

    public static IReadOnlyList<FieldError> Check(string password, string field = "password") => password switch
    {
        { Length: < MinimumLength } => [new(field, $"Choose a password of at least {MinimumLength} characters.")],
        { Length: > MaximumLength } => [new(field, $"A password can have at most {MaximumLength} characters.")],
        _ when string.IsNullOrWhiteSpace(password) => [new(field, "A password cannot be only spaces.")],
        _ => []
    };
}
