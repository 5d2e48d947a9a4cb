using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;

namespace Switchboard.Connectors.Http;

/// <summary>Logs each attempt of a client's requests (<c>logRequests: simple | full</c>), credentials redacted.</summary>
public sealed class RequestLoggingHandler(RequestLogging level, Redactor redactor, ILogger logger) : DelegatingHandler
{
    private const int BodyLimit = 4096;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (level == RequestLogging.Full)
                logger.LogInformation("{Request} → {Status} in {Elapsed:0} ms\n{RequestHeaders}\n{RequestBody}\n← {ResponseBody}",
                    redactor.Describe(request), (int)response.StatusCode, elapsed, Headers(request),
                    await Body(request.Content, cancellationToken), await Body(response.Content, cancellationToken));
            else
                logger.LogInformation("{Request} → {Status} in {Elapsed:0} ms", redactor.Describe(request), (int)response.StatusCode, elapsed);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Request} → {Error} after {Elapsed:0} ms", redactor.Describe(request), ex.Message,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private string Headers(HttpRequestMessage request) => string.Join('\n', request.Headers.Select(h =>
        $"{h.Key}: {(Redactor.CredentialHeaders.Contains(h.Key) ? Redactor.Mask : redactor.Redact(string.Join(", ", h.Value)))}"));

    private async Task<string> Body(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null) return "(no body)";
        await content.LoadIntoBufferAsync(cancellationToken);
        var text = await content.ReadAsStringAsync(cancellationToken);
        return redactor.Redact(text.Length > BodyLimit ? text[..BodyLimit] + "…" : text);
    }
}
