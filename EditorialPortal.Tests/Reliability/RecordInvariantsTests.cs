using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.History;
using EditorialPortal.Tests.Records;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Reliability;

/// <summary>The invariant checker finds each way the record can be wrong, and nothing in a record that is right.</summary>
public sealed class RecordInvariantsTests(PortalFixture fixture) : DemoRecordOnPostgres(fixture, "invariants")
{
    private RecordInvariants Invariants => new(Store);

    [Fact]
    public async Task The_record_the_portal_wrote_holds_every_invariant()
    {
        var report = await Invariants.Check(token: Token);

        Assert.True(report.Holds, report.ToString());
        Assert.True(report.Facts > 100 && report.Streams > 20, report.ToString());
    }

    [Fact]
    public async Task A_fact_missing_from_the_middle_of_a_stream_breaks_its_versions()
    {
        var (stream, version) = await AFactOf<KeywordsChanged>();
        await Execute("delete from editorial.mt_events where stream_id = @s and version = @v", ("s", stream), ("v", version));

        var report = await Invariants.Check(token: Token);

        Assert.Contains(report.Violations, v => v.StartsWith($"stream {stream}: its versions are not 1 to"));
    }

    [Fact]
    public async Task A_document_that_is_not_the_fold_of_its_facts_is_found()
    {
        var (stream, _) = await AFactOf<DecisionRecorded>();
        await Execute("update editorial.mt_doc_submission set data = jsonb_set(data, '{Title}', '\"A title nobody gave it\"') where id = @s", ("s", stream));

        var report = await Invariants.Check(token: Token);

        Assert.Equal($"stream {stream}: its current-state document differs from the fold of its facts", Assert.Single(report.Violations));
    }

    [Fact]
    public async Task A_queue_tally_that_drifted_from_the_documents_is_found()
    {
        await Execute("update editorial.queue_tally set submissions = submissions + 1 where status = 'UnderReview'");

        var report = await Invariants.Check(token: Token);

        Assert.Contains(report.Violations, v => v.Contains("the queue tally holds") && v.Contains("UnderReview"));
    }

    [Fact]
    public async Task A_second_final_decision_while_the_first_stands_is_found()
    {
        var (stream, version) = await AFactOf<DecisionRecorded>();
        await Execute("update editorial.mt_events set data = jsonb_set(data, '{Decision}', '\"Accept\"') where stream_id = @s and version = @v", ("s", stream), ("v", version));
        await Execute("""
            insert into editorial.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, headers)
            select nextval('editorial.mt_events_sequence'), gen_random_uuid(), stream_id, (select max(version) + 1 from editorial.mt_events where stream_id = @s),
                   jsonb_set(data, '{Decision}', '"Reject"'), type, now(), mt_dotnet_type, headers
            from editorial.mt_events where stream_id = @s and version = @v
            """, ("s", stream), ("v", version));
        await Execute("update editorial.mt_streams set version = version + 1 where id = @s", ("s", stream));

        var report = await Invariants.Check(token: Token);

        Assert.Contains(report.Violations, v => v.StartsWith($"stream {stream} version ") && v.Contains("a second final decision (Reject) while Accept stands"));
    }

    [Fact]
    public async Task An_acknowledged_command_whose_facts_are_gone_is_found()
    {
        var (stream, version) = await AFactOf<ManuscriptSubmitted>();
        Assert.True((await Invariants.Check([new Acknowledged(stream, version, [nameof(ManuscriptSubmitted)])], Token)).Holds);
        await Execute("delete from editorial.mt_events where stream_id = @s and version >= @v", ("s", stream), ("v", version));
        await Execute("update editorial.mt_streams set version = @v - 1 where id = @s", ("s", stream), ("v", version));

        var report = await Invariants.Check([new Acknowledged(stream, version, [nameof(ManuscriptSubmitted)])], Token);

        Assert.Contains(report.Violations, v => v.StartsWith($"stream {stream}: an acknowledged command's facts up to version {version} are missing"));
    }
}
