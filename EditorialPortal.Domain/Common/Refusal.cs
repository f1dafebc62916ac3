namespace EditorialPortal.Domain.Common;

/// <summary>Why a command was refused. Every refusal says which rule it applied.</summary>
public abstract record Refusal
{
    public abstract string Message { get; }

    /// <summary>The short name clients match on (problem details, test assertions).</summary>
    public string Kind => GetType().Name;

    public sealed record NotAuthorised(Guid Actor, string Action, Guid Target, string Reason) : Refusal
    {
        public override string Message => $"You may not {Action}: {Reason}.";
    }

    /// <param name="Of">Whose state it is; empty when the state names itself, such as a reviewer's "invitation expired".</param>
    public sealed record NotAllowedInState(string Action, string State, string Reason, string Of = "the submission") : Refusal
    {
        public override string Message => Of.Length > 0 ? $"Cannot {Action} while {Of} is {State}: {Reason}." : $"Cannot {Action} ({State}): {Reason}.";
    }

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Refusal
    {
        public Invalid(string field, string message) : this([new FieldError(field, message)]) { }

        public override string Message => string.Join(" ", Errors.Select(e => e.Message));
    }

    public sealed record ConcurrentChange(long ExpectedVersion, long ActualVersion) : Refusal
    {
        public override string Message =>
            "Someone else changed this in the meantime; the page now shows the latest version. Please check it and try again.";
    }
}

/// <summary>A message about one field of a command, shown next to that field.</summary>
public sealed record FieldError(string Field, string Message);
