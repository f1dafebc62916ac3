using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.OutputCaching;

namespace EditorialPortal.Reader;

/// <summary>
/// The reader site's pages as rendered, kept in the node's memory so that a page read again costs neither the record nor
/// the renderer. A page is dropped the moment this node commits a fact of publication, of an issue or of a journal, so
/// that what a reader sees follows the record; another node's commit reaches this node's copy within
/// <see cref="Lifetime"/>, the same bound readers already have from the pages' public cache lifetime.
/// </summary>
public static class ReaderPageCache
{
    public const string Policy = "reader-pages";
    private const string Tag = "reader";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static void AddReaderPageCache(this IServiceCollection services)
    {
        // Only anonymous GETs that answer 200 without a cookie are kept: a staff member's request is always rendered afresh.
        services.AddOutputCache(options => options.AddPolicy(Policy, page => page.Expire(Lifetime).Tag(Tag)));
        services.AddSingleton<IConfigureMarten, EvictsOnReaderFacts>();
    }

    private sealed class EvictsOnReaderFacts(IOutputCacheStore pages) : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options) => options.Listeners.Add(new Eviction(pages));
    }

    private sealed class Eviction(IOutputCacheStore pages) : DocumentSessionListenerBase
    {
        public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken _)
        {
            if (commit.GetEvents().Any(e => e.Data is IPublicationFact or IIssueFact or IJournalFact))
                await pages.EvictByTagAsync(Tag, CancellationToken.None);
        }
    }
}
