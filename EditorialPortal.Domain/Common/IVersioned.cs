namespace EditorialPortal.Domain.Common;

/// <summary>A current state that knows the version of the last fact folded into it.</summary>
public interface IVersioned
{
    long Version { get; }
}
