namespace EditorialPortal.History;

/// <summary>Where a stream's chain first fails to hold.</summary>
/// <param name="Version">The first version that does not hold: a fact edited, missing or out of place.</param>
public sealed record ChainBreak(Guid Stream, long Version, string Fact, string Problem);

/// <summary>
/// Walks facts in stream and version order and recomputes each stream's chain from its first fact, reporting the
/// first break of each stream. The same walk serves the portal's verification and a case file checked elsewhere.
/// </summary>
public sealed class ChainCheck
{
    private readonly List<ChainBreak> _breaks = [];
    private Guid? _stream;
    private long _version;
    private string _previous = FactChain.Genesis;
    private bool _broken;

    public IReadOnlyList<ChainBreak> Breaks => _breaks;
    public long Streams { get; private set; }
    public long Facts { get; private set; }

    /// <summary>The head of the chain checked last: the hash of the newest fact of the stream.</summary>
    public string Head => _previous;

    public void Next(Guid stream, long version, string type, string json, string? link)
    {
        if (_stream != stream) Begin(stream);
        Facts++;
        if (_broken) return;
        if (version != _version + 1)
        {
            Break(stream, _version + 1, type, version > _version + 1 ? $"facts {_version + 1} to {version - 1} are missing" : $"version {version} appears again");
            return;
        }
        _version = version;
        string expected;
        try
        {
            expected = FactChain.Link(_previous, type, version, json);
        }
        catch (System.Text.Json.JsonException)
        {
            Break(stream, version, type, "the fact is not valid JSON");
            return;
        }
        if (string.IsNullOrEmpty(link)) Break(stream, version, type, "the fact carries no chain hash");
        else if (!string.Equals(link, expected, StringComparison.Ordinal)) Break(stream, version, type, "the fact differs from what was recorded (its hash does not match)");
        _previous = expected;
    }

    /// <summary>Checks that the stream's last fact is the one its stream record says it has reached.</summary>
    public void End(Guid stream, long streamVersion)
    {
        if (_stream != stream) Begin(stream);
        if (!_broken && _version < streamVersion)
            Break(stream, _version + 1, "", $"the stream has reached version {streamVersion} but facts {_version + 1} to {streamVersion} are missing");
    }

    private void Begin(Guid stream)
    {
        _stream = stream;
        _version = 0;
        _previous = FactChain.Genesis;
        _broken = false;
        Streams++;
    }

    private void Break(Guid stream, long version, string type, string problem)
    {
        _breaks.Add(new ChainBreak(stream, version, type, problem));
        _broken = true;
    }
}
