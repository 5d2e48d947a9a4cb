using Switchboard.Hosting;

namespace Switchboard.Connectors.Http;

/// <summary>Counts each attempt of a client's requests by status, so 429s per client show on the dashboard.</summary>
public sealed class RequestMetricsHandler(string client) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            SwitchboardMetrics.HttpRequest(client, (int)response.StatusCode);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SwitchboardMetrics.HttpRequest(client, 0);
            throw;
        }
    }
}
