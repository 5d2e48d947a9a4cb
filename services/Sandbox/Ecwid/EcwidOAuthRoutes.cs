using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Sandbox;

/// <summary>
/// Ecwid's OAuth endpoints (my.ecwid.com in production): <c>GET /api/oauth/authorize</c>, where the merchant
/// consents at once and is redirected to <c>redirect_uri?code=…</c>, and <c>POST /api/oauth/token</c>, which trades a
/// code once for <c>{access_token, token_type, scope, store_id, public_token}</c>. Errors follow RFC 6749 (§4.1.2.1
/// on the redirect, §5.2 <c>{"error","error_description"}</c> with 400 on the token endpoint).
/// </summary>
internal static class EcwidOAuthRoutes
{
    public const string AuthorizePath = "/api/oauth/authorize";
    public const string TokenPath = "/api/oauth/token";

    public static void Map(IEndpointRouteBuilder app, EcwidEmulator e)
    {
        app.MapGet(AuthorizePath, (HttpContext c) => Authorize(c, e));
        app.MapPost(TokenPath, (HttpContext c) => Token(c, e));
    }

    private static IResult Authorize(HttpContext c, EcwidEmulator e)
    {
        var q = c.Request.Query;
        // Without a known app or a usable redirect there is nowhere safe to send the merchant: an error page instead.
        if (q["client_id"].ToString() != e.OAuthClientId)
            return Page(400, "Unknown application", $"No application with client_id '{q["client_id"]}' is registered.");
        if (!Uri.TryCreate(q["redirect_uri"].ToString(), UriKind.Absolute, out var redirect))
            return Page(400, "Wrong redirect_uri", "redirect_uri must be the absolute address registered for the application.");

        var state = q["state"].ToString();
        if (q["response_type"].ToString() != "code")
            return Back(redirect, state, ("error", "unsupported_response_type"), ("error_description", "response_type must be code"));
        var requested = q["scope"].ToString().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (requested.Length == 0)
            return Back(redirect, state, ("error", "invalid_scope"), ("error_description", "scope is required"));
        if (requested.Except(EcwidAccessTokens.KnownScopes).ToArray() is { Length: > 0 } unknown)
            return Back(redirect, state, ("error", "invalid_scope"), ("error_description", $"The application may not request: {string.Join(" ", unknown)}"));
        if (e.DenyAuthorization)
            return Back(redirect, state, ("error", "access_denied"), ("error_description", "The merchant declined to grant access"));

        var scopes = requested.Prepend("read_store_profile").Distinct().ToList();
        return Back(redirect, state, ("code", e.Tokens.IssueCode(e.OAuthClientId, redirect.ToString(), scopes)));
    }

    private static IResult Token(HttpContext c, EcwidEmulator e)
    {
        var form = QueryHelpers.ParseQuery(BodyOf(c));
        string Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : c.Request.Query[name].ToString();

        if (Field("grant_type") != "authorization_code")
            return Error("unsupported_grant_type", "grant_type must be authorization_code");
        if (Field("client_id") != e.OAuthClientId || Field("client_secret") != e.OAuthClientSecret)
            return Error("invalid_client", "Client authentication failed: wrong client_id or client_secret");
        if (e.Tokens.Redeem(Field("code")) is not { } grant || grant.ClientId != Field("client_id"))
            return Error("invalid_grant", "The authorization code is invalid, expired or already used");
        if (!Uri.TryCreate(Field("redirect_uri"), UriKind.Absolute, out var redirect) || redirect.ToString() != grant.RedirectUri)
            return Error("invalid_grant", "redirect_uri does not match the one the code was issued for");

        var (secret, publicToken) = e.Tokens.Issue(grant.Scopes);
        return JsonHelpers.Json(200, new JsonObject
        {
            ["access_token"] = secret,
            ["token_type"] = "bearer",
            ["scope"] = string.Join(" ", grant.Scopes),
            ["store_id"] = e.StoreId,
            ["public_token"] = publicToken,
        });
    }

    private static string BodyOf(HttpContext c) => EcwidEmulator.BodyOf(c) ?? "";

    private static IResult Back(Uri redirect, string state, params (string Name, string Value)[] parameters)
    {
        var all = state.Length > 0 ? parameters.Append((Name: "state", Value: state)) : parameters;
        var location = all.Aggregate(redirect.ToString(), (url, p) => QueryHelpers.AddQueryString(url, p.Name, p.Value));
        return Results.Redirect(location);
    }

    private static IResult Error(string error, string description) =>
        JsonHelpers.Json(400, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static IResult Page(int status, string title, string text) =>
        Results.Text($"<!doctype html><html><head><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1>" +
            $"<p>{WebUtility.HtmlEncode(text)}</p></body></html>", "text/html; charset=utf-8", statusCode: status);
}
