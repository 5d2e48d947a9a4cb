using Microsoft.Data.Sqlite;

namespace Switchboard.Host.DryRun;

/// <summary>A throw-away copy of a state folder, so a dry run sees the real key mappings, fingerprints and
/// watermarks but changes none of them.</summary>
public sealed class StateCopy : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("switchboard-dry-run-").FullName;

    public static StateCopy Of(string stateDirectory)
    {
        var copy = new StateCopy();
        if (System.IO.Directory.Exists(stateDirectory)) copy.CopyFrom(new DirectoryInfo(stateDirectory), copy.Directory);
        return copy;
    }

    private void CopyFrom(DirectoryInfo source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in source.EnumerateFiles())
        {
            var to = Path.Combine(target, file.Name);
            if (file.Name.EndsWith(".db", StringComparison.Ordinal)) Backup(file.FullName, to);
            // A database's write-ahead log is part of the backup above.
            else if (!file.Name.EndsWith(".db-wal", StringComparison.Ordinal) && !file.Name.EndsWith(".db-shm", StringComparison.Ordinal))
                file.CopyTo(to);
        }
        foreach (var folder in source.EnumerateDirectories()) CopyFrom(folder, Path.Combine(target, folder.Name));
    }

    /// <summary>SQLite's own backup: consistent even while another process writes.</summary>
    private static void Backup(string from, string to)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
