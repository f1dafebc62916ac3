using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace EditorialPortal.Hosting;

/// <summary>A Data Protection key, kept as a document so that every app node reads the same keys.</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>
/// Keeps the keys that protect cookies and antiforgery tokens in PostgreSQL: cookies survive a restart and work on
/// any node. Data Protection asks synchronously and rarely (at start and when keys roll), so blocking here is cheap.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
