using System.Text.Json;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.History;
using EditorialPortal.Tests.Records;
using EditorialPortal.Tests.Support;
using Marten;
using Xunit;

namespace EditorialPortal.Tests.History;

/// <summary>Every fact is chained to the one before it; editing the fact table behind the portal's back shows.</summary>
public sealed class TamperEvidenceTests(PortalFixture fixture) : DemoRecordOnPostgres(fixture, "chain")
{
    private RecordVerification _verification = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _verification = new RecordVerification(Store, TimeProvider.System);
    }

    [Fact]
    public async Task Every_fact_of_every_stream_is_chained_and_the_untouched_record_verifies()
    {
        var report = await _verification.VerifyAll(Token);

        Assert.True(report.Intact, string.Join("; ", report.Breaks));
        Assert.True(report.Facts > 100, $"only {report.Facts} facts");
        await using var session = Store.QuerySession();
        var facts = await session.Events.QueryAllRawEvents().ToListAsync(Token);
        Assert.Equal(facts.Count, report.Facts);
        Assert.Equal(facts.Select(f => f.StreamId).Distinct().Count(), report.Streams);
        Assert.All(facts, f => Assert.Matches("^[0-9a-f]{64}$", f.GetHeader(FactChain.Header)?.ToString() ?? ""));
    }

    [Fact]
    public async Task Two_portals_extending_one_stream_in_turn_keep_one_chain()
    {
        // Each portal remembers the last link it wrote; a fact the other one wrote since must be read, not assumed.
        await using var other = DocumentStore.For(opts => EditorialPortal.Records.EditorialRecordSetup.Configure(opts, ConnectionString));
        var desks = new[] { Desk, DeskOn(other) };
        var alice = new Actor(DemoJournal.People[0].Id, "Alice Author", "alice@uni-bristol.example");

        for (var turn = 0; turn < 6; turn++)
        {
            var outcome = await desks[turn % 3 == 0 ? 0 : 1].Execute(alice.Account, new ChangeProfile($"Alice Author {turn}", "University of Bristol", null), alice);
            Assert.IsType<CommandOutcome.Accepted>(outcome);
        }

        var report = await _verification.VerifyAll(Token);
        Assert.True(report.Intact, string.Join("; ", report.Breaks));
    }

    [Fact]
    public async Task A_fact_edited_in_the_table_is_named_by_its_stream_and_version()
    {
        var (stream, version) = await AFactOf<DecisionRecorded>();
        await Execute("update editorial.mt_events set data = jsonb_set(data, '{Letter}', '\"We are delighted to accept.\"') where stream_id = @s and version = @v",
            ("s", stream), ("v", version));

        var report = await _verification.VerifyAll(Token);

        var broken = Assert.Single(report.Breaks);
        Assert.Equal((stream, version, nameof(DecisionRecorded)), (broken.Stream, broken.Version, broken.Fact));
        Assert.Contains("differs", broken.Problem);
    }

    [Fact]
    public async Task A_fact_removed_from_the_middle_or_the_end_of_a_stream_shows()
    {
        var (middle, version) = await AFactOf<TitleChanged>();
        await Execute("delete from editorial.mt_events where stream_id = @s and version = @v", ("s", middle), ("v", version));
        var (last, _) = await AFactOf<ReviewSubmitted>(notIn: middle);
        await Execute("delete from editorial.mt_events where stream_id = @s and version = (select max(version) from editorial.mt_events where stream_id = @s)", ("s", last));

        var report = await _verification.VerifyAll(Token);

        Assert.Contains(report.Breaks, b => b.Stream == middle && b.Version == version && b.Problem.Contains("missing"));
        Assert.Contains(report.Breaks, b => b.Stream == last && b.Problem.Contains("missing"));
    }

    [Fact]
    public async Task A_fact_whose_time_or_actor_was_changed_or_whose_hash_was_recomputed_shows()
    {
        var (submitted, version) = await AFactOf<ManuscriptSubmitted>();
        await Execute("update editorial.mt_events set data = jsonb_set(data, '{At}', '\"2020-01-01T00:00:00+00:00\"') where stream_id = @s and version = @v", ("s", submitted), ("v", version));
        var (started, _) = await AFactOf<SubmissionStarted>(notIn: submitted);
        // A forger who rewrites the hash of the fact they changed still breaks the link to the next fact.
        await Execute("update editorial.mt_events set data = jsonb_set(data, '{By}', '\"00000000-0000-0000-0000-00000000beef\"'), headers = jsonb_set(headers, '{chain}', '\"0\"') where stream_id = @s and version = 1", ("s", started));

        var report = await _verification.VerifyAll(Token);

        Assert.Contains(report.Breaks, b => b.Stream == submitted && b.Version == version);
        Assert.Contains(report.Breaks, b => b.Stream == started && b.Version == 1);
    }

    [Fact]
    public void The_chain_depends_on_what_the_fact_says_not_on_how_its_JSON_is_spelled()
    {
        var stored = """{"By": "b", "At": "2026-01-01T00:00:00+00:00", "Size": 1.50, "Keywords": ["x", "é"]}""";
        var serialized = """{"Keywords":["x","\u00e9"],"Size":1.5,"At":"2026-01-01T00:00:00+00:00","By":"b"}""";
        var changed = """{"Keywords":["x","e"],"Size":1.5,"At":"2026-01-01T00:00:00+00:00","By":"b"}""";

        Assert.Equal(FactChain.Link(FactChain.Genesis, "KeywordsChanged", 3, stored), FactChain.Link(FactChain.Genesis, "KeywordsChanged", 3, serialized));
        Assert.NotEqual(FactChain.Link(FactChain.Genesis, "KeywordsChanged", 3, stored), FactChain.Link(FactChain.Genesis, "KeywordsChanged", 3, changed));
        Assert.NotEqual(FactChain.Link(FactChain.Genesis, "KeywordsChanged", 3, stored), FactChain.Link(FactChain.Genesis, "KeywordsChanged", 4, stored));
        Assert.NotEqual(FactChain.Link(FactChain.Genesis, "KeywordsChanged", 3, stored), FactChain.Link(FactChain.Genesis, "TitleChanged", 3, stored));
        Assert.Equal("""{"At":"2026-01-01T00:00:00+00:00","By":"b","Keywords":["x","\u00e9"],"Size":1.5}""", FactChain.CanonicalForm(JsonDocument.Parse(stored).RootElement));
    }
}
