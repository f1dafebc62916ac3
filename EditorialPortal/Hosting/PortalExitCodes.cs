namespace EditorialPortal.Hosting;

public static class PortalExitCodes
{
    /// <summary>No database configured and no PostgreSQL server binaries to start one (EX_CONFIG): run.sh offers to install them.</summary>
    public const int NoDatabase = 78;

    /// <summary>The record's verification found a broken chain (EX_DATAERR).</summary>
    public const int RecordBroken = 65;
}
