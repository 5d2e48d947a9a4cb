using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Switchboard.Configuration;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;

namespace Switchboard.Connectors;

/// <summary>One configured client of a platform: sends requests through the client's pipeline and turns every
/// failure — a refusal, an HTML page, a timeout, an open circuit — into a <see cref="PlatformException"/>.</summary>
public sealed class ConnectorClient(ClientConfig config, PlatformConnector platform, HttpClient http)
{
    public ClientConfig Config { get; } = config;
    public PlatformConnector Platform { get; } = platform;
    public Redactor Redactor { get; } = new(config.Secrets);
    public RequestBuilder Requests { get; } = new(config, platform.CatalogFor(config));

    public async Task<PlatformAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in Platform.DefaultHeaders)
            request.Headers.TryAddWithoutValidation(name, value);
        var described = Redactor.Describe(request);
        AttemptSent.Track(request);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (NoAnswer(ex, cancellationToken) is { } reason)
        {
            var sent = AttemptSent.Of(request);
            if (!sent) reason += " before it was sent (waiting for the client's rate limit or the platform's quota)";
            throw new PlatformException(new PlatformError
            {
                Messages = [Redactor.Redact(reason)], Request = described, Transient = RetryRules.IsTransient(request.Method, ex, sent),
            }, ex);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode)
                throw Refusal(status, Platform.ExplainRefusal(Config, request, status,
                        Platform.Errors.Read(body, contentType) is { Count: > 0 } messages ? messages : [response.ReasonPhrase ?? "no message"]),
                    described, RetryRules.IsTransient(request.Method, status), ParsedOrNull(body));
            JsonNode? json = null;
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    json = JsonNode.Parse(body);
                }
                catch (JsonException)
                {
                    throw Refusal(status, ["the answer is not JSON: " + Platform.Errors.Read(body, contentType)[0]], described, transient: false);
                }
            }
            var answer = new PlatformAnswer(status, json, response.Headers, request.RequestUri!, described);
            if (Platform.FailureIn(answer) is { Count: > 0 } failure)
                throw Refusal(status, failure, described, transient: false);
            return answer;
        }
    }

    private PlatformException Refusal(int status, IReadOnlyList<string> messages, string request, bool transient, JsonNode? answerBody = null) =>
        new(new PlatformError
        {
            StatusCode = status,
            Messages = messages.Select(Redactor.Redact).ToArray(),
            Request = request,
            Transient = transient,
        })
        { AnswerBody = answerBody };

    private static JsonNode? ParsedOrNull(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // HttpClient's own message ("An error occurred while sending the request.") hides the cause a socket error names.
    private static string WhatHappened(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return ReferenceEquals(inner, e) || e.Message.Contains(inner.Message, StringComparison.Ordinal) ? e.Message : $"{e.Message} ({inner.Message})";
    }

    private static string? NoAnswer(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException e => $"no answer: {WhatHappened(e)}",
        TimeoutRejectedException e => $"timed out after {e.Timeout.TotalSeconds:0.#} s",
        TaskCanceledException when !cancellationToken.IsCancellationRequested => "timed out",
        BrokenCircuitException => "the circuit to this client is open after repeated failures; not calling it for a moment",
        RateLimiterRejectedException => "the client's rate limit queue is full",
        _ => null,
    };
}

/// <summary>A successful answer: status, parsed body, headers, and the redacted request that produced it.</summary>
public sealed record PlatformAnswer(int StatusCode, JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders Headers, Uri RequestUri, string Request);
