namespace Switchboard.ApiContracts;

/// <summary>One request and its answer, as an emulator recorded them.</summary>
public sealed record Exchange(string Method, string PathAndQuery, string? RequestBody, int Status, string? ResponseBody)
{
    public static Exchange Of(Sandbox.RecordedRequest r) => new(r.Method, r.PathAndQuery, r.Body, r.Status, r.ResponseBody);

    public override string ToString() => $"{Method} {PathAndQuery} → {Status}";
}
