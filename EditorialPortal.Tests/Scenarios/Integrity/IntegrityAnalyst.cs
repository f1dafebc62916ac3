using Xunit;

namespace EditorialPortal.Tests.Scenarios.Integrity;

/// <summary>An integrity analyst at work in the research-integrity application, whichever way it is reached.</summary>
public sealed class IntegrityAnalyst(string name, IAnalystAbility ability)
{
    public string Name => name;

    /// <summary>Waits until the application has analysed the portal's record through the fact, as its freshness line says.</summary>
    public async Task SeesTheRecordAnalysedThrough(long fact)
    {
        var seen = await Eventually(async () => await ability.Freshness() is var f && f.AnalysedThrough >= fact ? f : null, $"the record analysed through fact {fact}");
        Assert.Equal("UpToDate", seen.State);
    }

    /// <summary>The freshness line comes to say <paramref name="state"/>.</summary>
    public Task<SeenFreshness> SeesTheFreshness(string state) =>
        Eventually(async () => await ability.Freshness() is var f && f.State == state ? f : null, $"the freshness {state}");

    /// <summary>Finds, in the case list, the case whose title says all of <paramref name="words"/>, and opens it; the list may need the next read.</summary>
    public async Task<SeenCase> FindsTheCase(params string[] words)
    {
        var listed = await Eventually(async () => (await ability.Cases()).FirstOrDefault(c => words.All(c.Title.Contains)),
            $"a case titled with “{string.Join("”, “", words)}”");
        return await OpensTheCase(listed.Id);
    }

    public async Task<ListedCase> SeesTheCaseListed(Guid caseId) =>
        Assert.Single(await ability.Cases(), c => c.Id == caseId);

    public async Task<SeenCase> OpensTheCase(Guid caseId) =>
        await ability.OpenCase(caseId) ?? throw new Xunit.Sdk.XunitException($"{name} was told there is no such case.");

    public async Task<SeenSignal> OpensTheSignal(Guid signal) =>
        await ability.OpenSignal(signal) ?? throw new Xunit.Sdk.XunitException($"{name} was told there is no such signal.");

    public async Task CanBeginInvestigating(SeenCase c) => Done(await ability.BeginInvestigating(c.Id), "begin investigating");

    public async Task CanConfirm(SeenCase c, string finding) => Done(await ability.Confirm(c.Id, finding), "confirm the case");

    public async Task CannotConfirm(SeenCase c, string finding, string because) => Refused(because, await ability.Confirm(c.Id, finding), "confirm the case");

    public async Task CanClear(SeenCase c, string reason) => Done(await ability.Clear(c.Id, reason), "clear the case");

    public async Task CanRaiseAConcern(SeenCase c, Guid manuscript, string reason, bool hold) =>
        Done(await ability.RaiseConcern(c.Id, manuscript, reason, hold), "raise a concern in the portal");

    private void Done(string? refusal, string what) => Assert.True(refusal is null, $"{name} could not {what}: {refusal}");

    private void Refused(string because, string? refusal, string what)
    {
        Assert.True(refusal is not null, $"{name} was let {what}.");
        Assert.Contains(because, refusal);
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> seen, string what) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await seen() is { } found) return found;
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"Within 30 s the analyst did not see {what}.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
