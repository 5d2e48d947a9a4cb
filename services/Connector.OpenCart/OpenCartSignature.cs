using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Configuration;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Http;

namespace Switchboard.Connector.OpenCart;

/// <summary>4.1: no session; every call carries <c>username</c>, <c>store_id</c>, <c>language</c>, <c>currency</c>,
/// <c>time</c> and <c>signature</c> in its query, checked by catalog/controller/startup/api.php. Signed again on every
/// attempt, so a retried call has a fresh time.</summary>
public sealed class OpenCartSignatureAuthenticator(ClientConfig client, TimeProvider clock) : IRequestAuthenticator
{
    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var uri = request.RequestUri!;
        var time = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, string>
        {
            ["username"] = client.Setting("username") ?? "",
            ["store_id"] = client.Setting("storeId") is { Length: > 0 } store ? store : "0",
            ["language"] = client.Setting("language") is { Length: > 0 } language ? language : "en-gb",
            ["currency"] = client.Setting("currency") is { Length: > 0 } currency ? currency : "USD",
            ["time"] = time,
        };
        parameters["signature"] = Sign(new SignedCall(
            Route: QueryParameters.Get(uri, "route") ?? "",
            Call: QueryParameters.Get(uri, "call") ?? "",
            Username: parameters["username"],
            Host: uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            Script: uri.AbsolutePath,
            StoreId: parameters["store_id"],
            Language: parameters["language"],
            Currency: parameters["currency"],
            PostFields: PhpQueryString.Parse(body),
            Time: time), client.Setting("apiKey") ?? "");
        QueryParameters.Set(request, parameters);
    }

    /// <summary>What a 403 to a signed call can mean: startup/api.php answers every failed check alike.</summary>
    public static string WhyRefused(HttpRequestMessage request)
    {
        var sent = QueryParameters.Get(request.RequestUri!, "time") is { } text
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? $" (this call said time={text}, {DateTimeOffset.FromUnixTimeSeconds(seconds):yyyy-MM-dd HH:mm:ss} UTC)" : "";
        return "OpenCart refused the signed call: the clock of this machine or of the store may be off — the store refuses "
            + $"a call whose time is more than 450 s from its own{sent}; or the username, the API key, or this machine's IP "
            + "on the API user's list (System → Users → API) is wrong";
    }

    /// <summary>base64(HMAC-SHA1(key, route, call, username, HTTP host, script folder, store id, language, currency,
    /// md5(http_build_query($_POST)), time — each followed by a newline)), as startup/api.php computes it.</summary>
    public static string Sign(SignedCall call, string key)
    {
        var text = new StringBuilder()
            .Append(call.Route).Append('\n')
            .Append(call.Call).Append('\n')
            .Append(call.Username).Append('\n')
            .Append(call.Host).Append('\n')
            .Append(Folder(call.Script)).Append('\n')
            .Append(int.TryParse(call.StoreId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var store) ? store : 0).Append('\n')
            .Append(call.Language).Append('\n')
            .Append(call.Currency).Append('\n')
            .Append(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(PhpQueryString.Build(
                call.PostFields.Select(f => new KeyValuePair<string, string>(Clean(f.Key), Clean(f.Value)))))))).Append('\n')
            .Append(call.Time).Append('\n')
            .ToString();
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The store hashes <c>$this->request->post</c>, which system/library/request.php has already passed
    /// through <c>trim(htmlspecialchars($value, ENT_COMPAT, 'UTF-8'))</c> — keys and values alike.</summary>
    private static string Clean(string value) =>
        value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;").Trim(' ', '\t', '\n', '\r', '\0', '\v');

    /// <summary>PHP's <c>rtrim(dirname($_SERVER['PHP_SELF']), '/') . '/'</c>: "/index.php" → "/", "/shop/index.php" → "/shop/".</summary>
    private static string Folder(string script)
    {
        var slash = script.LastIndexOf('/');
        var folder = slash <= 0 ? "/" : script[..slash];
        return folder.TrimEnd('/') + "/";
    }
}

/// <summary>What a 4.1 signature covers.</summary>
public sealed record SignedCall(string Route, string Call, string Username, string Host, string Script, string StoreId,
    string Language, string Currency, IReadOnlyList<KeyValuePair<string, string>> PostFields, string Time);
