namespace EditorialPortal.Files;

/// <summary>Names for files in the zips the portal writes (case files, hand-off packages).</summary>
public static class ZipNames
{
    /// <summary>A name from someone's computer never chooses where a file lands when the zip is unpacked.</summary>
    public static string Safe(string name, string otherwise)
    {
        var safe = new string([.. Path.GetFileName(name.Replace('\\', '/')).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return safe.Length == 0 ? otherwise : safe;
    }
}
