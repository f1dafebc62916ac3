using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.History;
using EditorialPortal.Records;
using EditorialPortal.Tests.Support;
using Marten;
using Xunit;

namespace EditorialPortal.Tests.Records;

/// <summary>The current-state documents written anew from the facts: the same documents, and the portal goes on from them.</summary>
public sealed class ProjectionRebuildTests(PortalFixture fixture) : DemoRecordOnPostgres(fixture, "rebuild")
{
    [Fact]
    public async Task Documents_damaged_or_lost_are_written_again_exactly_as_their_facts_fold()
    {
        var before = await EveryDocument();
        var indexes = await Indexes();
        var (submission, _) = await AFactOf<ManuscriptSubmitted>();
        await Execute("update editorial.mt_doc_submission set data = jsonb_set(data, '{Title}', '\"Not what the author wrote\"'), title = 'Not what the author wrote' where id = @s", ("s", submission));
        await Execute("delete from editorial.mt_doc_account where data ->> 'Email' = 'rita@kyoto-u.example'");
        await Execute("delete from editorial.mt_doc_journal");

        var report = await new ProjectionRebuild(Store).Run(Token);

        Assert.Equal(before, await EveryDocument());
        Assert.Equal(indexes, await Indexes());
        Assert.Equal(before.Count, report.Documents);
        Assert.True(report.Facts > 100, report.ToString());
        var invariants = await new RecordInvariants(Store).Check(token: Token);
        Assert.True(invariants.Holds, invariants.ToString());
    }

    [Fact]
    public async Task Commands_go_on_from_the_rebuilt_documents_at_their_versions()
    {
        await new ProjectionRebuild(Store).Run(Token);
        var erin = DemoJournal.People.Single(p => p.Role == JournalRole.EditorInChief);
        var hugo = DemoJournal.People.Single(p => p.Role == JournalRole.HandlingEditor);
        Guid waiting;
        await using (var session = Store.QuerySession())
            waiting = (await session.Query<Submission>().Where(s => s.Status == SubmissionStatus.Submitted).FirstAsync(Token)).Id;
        var assigned = await Desk.Execute(waiting, new AssignHandlingEditor(hugo.Id), new Actor(erin.Id, erin.Name, erin.Email));
        var renamed = await Desk.Execute(erin.Id, new ChangeProfile("Erin R. Editor", "University of Toronto", null), new Actor(erin.Id, erin.Name, erin.Email));

        Assert.IsType<CommandOutcome.Accepted>(assigned);
        Assert.IsType<CommandOutcome.Accepted>(renamed);
        var invariants = await new RecordInvariants(Store).Check(token: Token);
        Assert.True(invariants.Holds, invariants.ToString());
    }

    private async Task<IReadOnlyList<string>> Indexes()
    {
        await using var session = Store.QuerySession();
        return await session.AdvancedSql.QueryAsync<string>("select indexdef from pg_indexes where schemaname = 'editorial' order by indexname", Token);
    }

    private async Task<Dictionary<string, string>> EveryDocument()
    {
        await using var session = Store.QuerySession();
        var documents = new Dictionary<string, string>();
        foreach (var table in RecordFolds.Tables)
            foreach (var row in await session.AdvancedSql.QueryAsync<string>($"select id::text || ' ' || data::text from editorial.mt_doc_{table}", Token))
                documents[$"{table}/{row[..36]}"] = row[37..];
        return documents;
    }
}
