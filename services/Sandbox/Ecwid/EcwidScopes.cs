using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Which access scope an API request needs (Ecwid's "Access scopes" reference): <c>read_*</c> to read,
/// <c>create_*</c> to create at a collection, <c>update_*</c> to change or delete; a token without it gets
/// 403 <c>INSUFFICIENT_APP_SCOPE</c>.</summary>
internal static class EcwidScopes
{
    /// <summary>The scopes that allow the request, or none when the emulator does not guard that resource.</summary>
    public static string[] Allowing(string method, string relativePath)
    {
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var family = segments.FirstOrDefault() switch
        {
            "products" or "categories" or "product_types" or "classes" => "catalog",
            "orders" => "orders",
            "customers" or "customer_groups" => "customers",
            "discount_coupons" => "discount_coupons",
            "profile" => "store_profile",
            _ => null,
        };
        if (family is null) return [];
        if (HttpMethods.IsGet(method)) return ["read_" + family];
        // Ecwid's reference asks create_catalog for a new product; the sandbox also lets update_* create, as apps
        // granted before the create_* scopes existed do.
        if (HttpMethods.IsPost(method) && segments.Length == 1 && family != "store_profile")
            return ["create_" + family, "update_" + family];
        return ["update_" + family];
    }

    public static IResult? Check(HttpContext context, string basePath, IReadOnlySet<string>? granted)
    {
        var path = context.Request.Path.Value ?? "";
        var relative = path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path;
        var allowing = Allowing(context.Request.Method, relative);
        if (allowing.Length == 0 || granted is null || allowing.Any(granted.Contains)) return null;
        return EcwidErrors.Error(403, $"Application doesn't have a required scope for the request: {allowing[0]}", "INSUFFICIENT_APP_SCOPE");
    }
}
