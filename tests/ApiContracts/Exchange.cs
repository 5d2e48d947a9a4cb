namespace Switchboard.ApiContracts;

/// <summary>One request and its answer, as an emulator recorded them.</summary>
public sealed record Exchange(string Method, string PathAndQuery, string? RequestBody, int Status, string? ResponseBody)
{
    public override string ToString() => $"{Method} {PathAndQuery} → {Status}";
}
