namespace EditorialPortal.Contracts;

/// <summary>Where a representation leads: a relation's address and the method to use on it.</summary>
public sealed record Link(string Href, string Method = "GET");
