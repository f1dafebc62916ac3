using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Triage;

public sealed record SubmissionReturnedToAuthor(Guid Submission, string Message, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record SubmissionDeskRejected(Guid Submission, string Letter, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record HandlingEditorAssigned(Guid Submission, Guid Editor, Guid By, DateTimeOffset At) : IHistoricalFact;
