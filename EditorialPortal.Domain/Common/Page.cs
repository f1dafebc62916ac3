namespace EditorialPortal.Domain.Common;

/// <summary>One page of a longer list, with the total the list holds.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int PageNumber, int PageSize)
{
    public int PageCount => PageSize == 0 ? 0 : (int)((Total + PageSize - 1) / PageSize);
}
