namespace Switchboard.ApiContracts;

/// <summary>One request and its answer, as an emulator recorded them.</summary>
public sealed record Exchange(string Method, string PathAndQuery, string? RequestBody, int Status, string? ResponseBody)
{
    /// <summary>The path, unescaped, without the query.</summary>
    public string Path => Uri.UnescapeDataString(PathAndQuery.Split('?', 2)[0]);

    /// <summary>The query string without its <c>?</c>; empty when there is none.</summary>
    public string Query => PathAndQuery.Split('?', 2) is [_, var query] ? query : "";

    public static Exchange Of(Sandbox.RecordedRequest r) => new(r.Method, r.PathAndQuery, r.Body, r.Status, r.ResponseBody);

    public override string ToString() => $"{Method} {PathAndQuery} → {Status}";
}
