namespace Switchboard.Connectors.Auth;

/// <summary>A credential every request of a client shares (a token, a session): obtained on first use and again when
/// it is no longer usable or was dropped, one fetch at a time however many requests wait for it.</summary>
internal sealed class SharedCredential<T>(Func<CancellationToken, Task<T>> obtain, Func<T, bool>? usable = null) where T : class
{
    private readonly SemaphoreSlim _obtaining = new(1, 1);
    private T? _value;

    public async Task<T> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Usable(Volatile.Read(ref _value)) is { } value) return value;
        await _obtaining.WaitAsync(cancellationToken);
        try
        {
            if (Usable(Volatile.Read(ref _value)) is { } obtained) return obtained;
            value = await obtain(cancellationToken);
            Volatile.Write(ref _value, value);
            return value;
        }
        finally
        {
            _obtaining.Release();
        }
    }

    /// <summary>Drops <paramref name="refused"/> unless it was replaced already: of the requests that saw it refused,
    /// only the first makes the next one fetch; the others find the new one.</summary>
    public void Drop(Func<T, bool> refused)
    {
        var current = Volatile.Read(ref _value);
        if (current is not null && refused(current))
            Interlocked.CompareExchange(ref _value, null, current);
    }

    private T? Usable(T? value) => value is not null && (usable?.Invoke(value) ?? true) ? value : null;
}
