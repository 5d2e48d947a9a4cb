using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>Failures a test can inject into one emulator. Thread-safe; <see cref="Reset"/> clears all.</summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<RejectionRule> _rejections = [];
    private readonly Countdown<TimeSpan?> _tooMany = new(null);
    private readonly Countdown<int> _serverErrors = new(500);
    private readonly Countdown<TimeSpan> _slow = new(TimeSpan.Zero);
    private readonly Countdown<int> _html = new(502);
    private long _latencyTicks;
    private readonly List<(Func<string, bool> Matches, int Status)> _errorRules = [];
    private readonly List<(Func<string, bool> Matches, Action Action)> _beforeRequest = [];

    /// <summary>Added to every request before it is handled.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>The next <paramref name="next"/> requests are answered only after <paramref name="delay"/> (on top of
    /// <see cref="Latency"/>): a platform slow for a moment, which a client's attempt timeout gives up on and retries.</summary>
    public void RespondSlowly(int next, TimeSpan delay)
    {
        lock (_gate) _slow.Set(next, delay);
    }

    /// <summary>The next <paramref name="next"/> requests get the platform's 429 (with its headers);
    /// <paramref name="wait"/> is what the headers tell the client to wait (default: BigCommerce 300 ms, Ecwid 1 s).</summary>
    public void RespondTooManyRequests(int next, TimeSpan? wait = null)
    {
        lock (_gate) _tooMany.Set(next, wait);
    }

    /// <summary>The next <paramref name="next"/> requests get <paramref name="status"/> with the platform's error body.</summary>
    public void RespondServerError(int next, int status = 500)
    {
        lock (_gate) _serverErrors.Set(next, status);
    }

    /// <summary>The next <paramref name="next"/> requests get <paramref name="status"/> with an HTML error page, as a proxy or
    /// load balancer in front of the platform answers when the platform is down — before credentials are checked, on
    /// every emulator alike.</summary>
    public void RespondHtml(int next, int status = 502)
    {
        lock (_gate) _html.Set(next, status);
    }

    /// <summary>Write requests whose JSON object (or any object of an array body) matches are refused with the
    /// platform's validation error (<paramref name="status"/> 0 = platform default: BigCommerce 422, Ecwid 400).</summary>
    public void RejectWhen(Func<JsonObject, bool> predicate, int status = 0, string? message = null)
    {
        lock (_gate) _rejections.Add(new RejectionRule(predicate, status, message ?? "Rejected by the sandbox."));
    }

    /// <summary>Every request whose path and query (<c>/v3/catalog/products?page=2&amp;limit=10</c>) matches gets
    /// <paramref name="status"/> with the platform's error body, until <see cref="Reset"/>: a fault on one page of a list.</summary>
    public void RespondErrorWhen(Func<string, bool> pathAndQuery, int status)
    {
        lock (_gate) _errorRules.Add((pathAndQuery, status));
    }

    /// <summary>Runs <paramref name="action"/> once, just before the first request whose path and query matches is
    /// handled: a change made in the store while a client is between two of its requests (after page 1, before page 2).</summary>
    public void BeforeRequest(Func<string, bool> pathAndQuery, Action action)
    {
        lock (_gate) _beforeRequest.Add((pathAndQuery, action));
    }

    public void Reset()
    {
        lock (_gate)
        {
            _errorRules.Clear();
            _beforeRequest.Clear();
            _tooMany.Clear();
            _serverErrors.Clear();
            _slow.Clear();
            _html.Clear();
            _rejections.Clear();
        }
        Latency = TimeSpan.Zero;
    }

    internal bool TryTakeTooManyRequests(out TimeSpan? wait)
    {
        lock (_gate) return _tooMany.TryTake(out wait);
    }

    internal TimeSpan TakeDelay()
    {
        lock (_gate) return _slow.TryTake(out var delay) ? Latency + delay : Latency;
    }

    internal bool TryTakeHtml(out int status)
    {
        lock (_gate) return _html.TryTake(out status);
    }

    /// <summary>The faults that count down, as they stand now (what <c>GET /_sandbox/faults</c> shows).</summary>
    internal FaultCounts Counts()
    {
        lock (_gate)
            return new FaultCounts(_serverErrors.Left, _serverErrors.Value, _tooMany.Left, _tooMany.Value, _html.Left, _html.Value, Latency,
                _errorRules.Count + _rejections.Count + _beforeRequest.Count);
    }

    internal bool TryTakeServerError(out int status)
    {
        lock (_gate) return _serverErrors.TryTake(out status);
    }

    internal void RunBeforeRequest(string pathAndQuery)
    {
        List<Action> due;
        lock (_gate)
        {
            due = _beforeRequest.Where(h => h.Matches(pathAndQuery)).Select(h => h.Action).ToList();
            _beforeRequest.RemoveAll(h => h.Matches(pathAndQuery));
        }
        foreach (var action in due) action();
    }

    internal bool TryMatchError(string pathAndQuery, out int status)
    {
        (Func<string, bool> Matches, int Status)[] rules;
        lock (_gate) rules = _errorRules.ToArray();
        status = rules.FirstOrDefault(r => r.Matches(pathAndQuery)).Status;
        return status != 0;
    }

    internal RejectionRule? FindRejection(JsonNode? body)
    {
        RejectionRule[] rules;
        lock (_gate) rules = _rejections.ToArray();
        if (rules.Length == 0) return null;
        var objects = body switch
        {
            JsonObject o => [o],
            JsonArray a => a.OfType<JsonObject>().ToArray(),
            _ => Array.Empty<JsonObject>(),
        };
        return rules.FirstOrDefault(r => objects.Any(o => r.Predicate(o)));
    }

    /// <summary>A fault for the next N requests and what it answers with (a status, a wait); the owner's lock guards it.</summary>
    private sealed class Countdown<T>(T initial)
    {
        public int Left { get; private set; }

        public T Value { get; private set; } = initial;

        private readonly T _initial = initial;

        public void Set(int next, T value) => (Left, Value) = (next, value);

        public void Clear() => (Left, Value) = (0, _initial);

        public bool TryTake(out T value)
        {
            value = Value;
            if (Left <= 0) return false;
            Left--;
            return true;
        }
    }
}

/// <summary><paramref name="CodeRules"/>: rules only C# can set (RespondErrorWhen, RejectWhen, BeforeRequest).</summary>
internal sealed record FaultCounts(int ServerErrors, int ServerErrorStatus, int TooManyRequests, TimeSpan? TooManyWait,
    int Html, int HtmlStatus, TimeSpan Latency, int CodeRules);

internal sealed record RejectionRule(Func<JsonObject, bool> Predicate, int Status, string Message);
