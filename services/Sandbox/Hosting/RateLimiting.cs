namespace Switchboard.Sandbox;

/// <summary>A platform quota: <see cref="Quota"/> requests per <see cref="Window"/>. Mutable at run time.</summary>
public sealed class RateLimitSettings
{
    private volatile int _quota;
    private long _windowTicks;
    private volatile bool _enabled;

    public RateLimitSettings(int quota, TimeSpan window, bool enabled)
    {
        _quota = quota;
        _windowTicks = window.Ticks;
        _enabled = enabled;
    }

    public int Quota { get => _quota; set => _quota = value; }

    public TimeSpan Window
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _windowTicks));
        set => Interlocked.Exchange(ref _windowTicks, value.Ticks);
    }

    public bool Enabled { get => _enabled; set => _enabled = value; }
}

/// <summary>Outcome of one request against the quota.</summary>
internal readonly record struct RateDecision(bool Allowed, int Quota, int Left, TimeSpan Window, TimeSpan ResetIn);

/// <summary>Fixed windows per key (BigCommerce: per store; Ecwid: per token), opened by the first request.</summary>
internal sealed class FixedWindowLimiter(RateLimitSettings settings, TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Used)> _windows = new(StringComparer.Ordinal);

    public RateDecision Acquire(string key, bool consume)
    {
        var now = clock.GetUtcNow();
        var window = settings.Window;
        var quota = settings.Quota;
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var w) || now - w.Start >= window) w = (now, 0);
            var resetIn = w.Start + window - now;
            if (!settings.Enabled)
            {
                return new RateDecision(true, quota, quota, window, resetIn);
            }
            if (!consume)
            {
                _windows[key] = w;
                return new RateDecision(true, quota, Math.Max(0, quota - w.Used), window, resetIn);
            }
            if (w.Used >= quota)
            {
                _windows[key] = w;
                return new RateDecision(false, quota, 0, window, resetIn);
            }
            w.Used++;
            _windows[key] = w;
            return new RateDecision(true, quota, quota - w.Used, window, resetIn);
        }
    }

    public void Reset()
    {
        lock (_gate) _windows.Clear();
    }
}
