using Switchboard.Connectors.Errors;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Writes;

/// <summary>A write that takes several requests in order (OpenCart's customer → cart → addresses → methods → order).
/// Runs named steps one after the other; when one is refused, the failure names that step, carries the platform's
/// own messages and says which steps had already been done — so a user knows what reached the store.</summary>
public sealed class StepSequence(string what)
{
    private readonly List<string> _done = [];

    public IReadOnlyList<string> Done => _done;

    /// <summary>Runs one step; <paramref name="total"/> is how many steps the sequence has, for the message.</summary>
    public async Task<T> RunAsync<T>(string step, int total, Func<Task<T>> send)
    {
        try
        {
            var result = await send();
            _done.Add(step);
            return result;
        }
        catch (PlatformException ex)
        {
            throw new PlatformException(Failed(step, total, ex.Error), ex);
        }
    }

    private PlatformError Failed(string step, int total, PlatformError error) => error with
    {
        Messages =
        [
            $"{what} stopped at step {_done.Count + 1} of {total}, '{step}': {string.Join("; ", error.Messages)}",
            _done.Count == 0 ? "nothing had been sent to the store before it" : $"done before it: {string.Join(", ", _done)}",
        ],
    };
}
