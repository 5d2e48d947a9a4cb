namespace Switchboard.Hosting;

/// <summary>Says a process with the in-memory bus is using a state folder: a file per process in
/// <c>&lt;state&gt;/inmemory-hosts/</c>, held locked while the process runs and deleted when it stops. The operating
/// system drops the lock when a process dies, so a file nobody holds is a process that stopped without cleaning up
/// (a crash, a kill), whose in-memory messages are gone.</summary>
public sealed class InMemoryHostMarker : IDisposable
{
    public const string FolderName = "inmemory-hosts";

    private FileStream? _held;

    private InMemoryHostMarker(string path, FileStream held) => (Path, _held) = (path, held);

    public string Path { get; }

    public static InMemoryHostMarker Create(string stateDirectory)
    {
        var folder = System.IO.Path.Combine(stateDirectory, FolderName);
        Directory.CreateDirectory(folder);
        var name = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var path = System.IO.Path.Combine(folder, name + ".lock");
        var creating = System.IO.Path.Combine(folder, name + ".new");
        // FileShare.None is an exclusive lock on the file (flock on Unix) for as long as the stream is open. Locked
        // under another name first: no one may see the marker before it is held and take it for a dead process's.
        var held = new FileStream(creating, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        File.Move(creating, path);
        return new InMemoryHostMarker(path, held);
    }

    public sealed record Survey(IReadOnlyList<string> Abandoned, bool OthersAlive);

    /// <summary>The markers of processes that died without stopping, and whether any other process holds its marker.</summary>
    public static Survey Take(string stateDirectory, InMemoryHostMarker? own)
    {
        var folder = System.IO.Path.Combine(stateDirectory, FolderName);
        if (!Directory.Exists(folder)) return new Survey([], false);
        var abandoned = new List<string>();
        var othersAlive = false;
        foreach (var path in Directory.EnumerateFiles(folder, "*.lock"))
        {
            if (own is not null && path == own.Path) continue;
            try
            {
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                abandoned.Add(path);
            }
            catch (FileNotFoundException)
            {
                // Its process stopped and deleted it just now.
            }
            catch (IOException)
            {
                othersAlive = true;
            }
        }
        return new Survey(abandoned, othersAlive);
    }

    public static void Remove(IEnumerable<string> markers)
    {
        foreach (var path in markers) File.Delete(path);
    }

    /// <summary>Stops holding the marker but leaves it, so the next process sees this one as stopped without cleaning up.</summary>
    public void Abandon()
    {
        _held?.Dispose();
        _held = null;
    }

    /// <summary>Deletes the marker: this process stopped and left nothing behind.</summary>
    public void Dispose()
    {
        if (_held is null) return;
        _held.Dispose();
        _held = null;
        File.Delete(Path);
    }
}
