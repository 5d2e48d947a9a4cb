using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;

namespace Switchboard.ApiContracts;

/// <summary>
/// A platform's published API, from one or more OpenAPI files, as a checker of recorded exchanges. Each file's
/// server path (e.g. <c>/stores/{store_hash}/v3</c>) is put before its paths, so exchanges are matched by their
/// whole path.
/// </summary>
public sealed partial class OpenApiContract
{
    private readonly IReadOnlyList<Route> _routes;

    private OpenApiContract(IReadOnlyList<Route> routes) => _routes = routes;

    public static async Task<OpenApiContract> LoadAsync(IEnumerable<string> files)
    {
        var routes = new List<Route>();
        foreach (var file in files)
        {
            var yaml = Normalize(await File.ReadAllTextAsync(file).ConfigureAwait(false));
            var document = await OpenApiYamlDocument.FromYamlAsync(yaml, file).ConfigureAwait(false);
            var basePath = ServerPath(document.Servers.First().Url);
            foreach (var (path, item) in document.Paths)
            {
                foreach (var (method, operation) in item)
                {
                    routes.Add(new Route(method.ToUpperInvariant(), basePath + path, PathPattern(basePath + path), item, operation, Path.GetFileName(file)));
                }
            }
        }
        // A literal segment wins over a parameter: /orders/count before /orders/{order_id}.
        return new OpenApiContract(routes.OrderBy(r => r.Template.Count(c => c == '{')).ToArray());
    }

    /// <summary>What the client did that the API description does not allow: an operation it does not have, a query
    /// parameter it does not document, a request body that does not fit. Empty when the request agrees.</summary>
    public IReadOnlyList<string> CheckRequest(Exchange exchange)
    {
        if (Find(exchange, out var problems) is not { } route) return problems;
        void Problem(string text) => problems.Add(Describe(exchange, route, text));

        var documented = route.Operation.ActualParameters.Concat(route.Item.Parameters.Select(p => p.ActualParameter))
            .Where(p => p.Kind == OpenApiParameterKind.Query)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in QueryNames(exchange.Query))
        {
            if (!documented.Contains(name)) Problem($"query parameter '{name}' is not documented for this operation");
        }

        var requestSchema = JsonSchemaOf(route.Operation.ActualRequestBody?.Content);
        if (!string.IsNullOrWhiteSpace(exchange.RequestBody))
        {
            if (route.Operation.ActualRequestBody is null) Problem("the operation takes no request body, yet one was sent");
            else if (requestSchema is not null)
            {
                foreach (var error in SchemaErrors.Describe(requestSchema.Validate(exchange.RequestBody))) Problem("request body " + error);
            }
        }
        else if (route.Operation.ActualRequestBody?.IsRequired == true)
        {
            Problem("the operation requires a request body, and none was sent");
        }
        return problems;
    }

    /// <summary>What the server answered that the API description does not allow: a status the operation does not
    /// document, a body that does not fit that status's schema. Answers with a status in
    /// <paramref name="statusesDocumentedElsewhere"/> (BigCommerce documents 401 and 429 once for the whole API rather
    /// than per operation) are not checked against the operation.</summary>
    public IReadOnlyList<string> CheckAnswer(Exchange exchange, IReadOnlySet<int>? statusesDocumentedElsewhere = null)
    {
        if (Find(exchange, out var problems) is not { } route) return problems;
        void Problem(string text) => problems.Add(Describe(exchange, route, text));
        if (statusesDocumentedElsewhere?.Contains(exchange.Status) == true) return problems;
        var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!route.Operation.ActualResponses.TryGetValue(status, out var response) &&
            !route.Operation.ActualResponses.TryGetValue("default", out response))
        {
            Problem($"status {status} is not documented (documented: {string.Join(", ", route.Operation.ActualResponses.Keys)})");
            return problems;
        }
        var responseSchema = JsonSchemaOf(response.ActualResponse.Content);
        if (string.IsNullOrWhiteSpace(exchange.ResponseBody))
        {
            if (responseSchema is not null) Problem($"status {status} documents a body, and the answer has none");
        }
        else if (responseSchema is null)
        {
            if (response.ActualResponse.Content.Count == 0) Problem($"status {status} documents no body, yet the answer has one");
        }
        else
        {
            foreach (var error in SchemaErrors.Describe(responseSchema.Validate(exchange.ResponseBody))) Problem("response body " + error);
        }
        return problems;
    }

    private Route? Find(Exchange exchange, out List<string> problems)
    {
        problems = [];
        var route = _routes.FirstOrDefault(r => r.Method == exchange.Method && r.Pattern.IsMatch(exchange.Path));
        if (route is null) problems.Add($"{exchange}: no operation {exchange.Method} {exchange.Path} in the API description");
        return route;
    }

    private static string Describe(Exchange exchange, Route route, string text) =>
        $"{exchange} ({route.File} {route.Method} {route.Template}): {text}";

    /// <summary>Three repairs before parsing, none changing what the file means:
    /// YamlDotNet refuses a block scalar whose blank first line holds more spaces than the text under it, so blank
    /// lines are emptied; <c>x-nullable</c> is Swagger 2's spelling of OpenAPI 3's <c>nullable</c>, which some inline
    /// schemas still use; a property's <c>required: [post]</c> or <c>x-required: [put]</c> (BigCommerce's note that the
    /// property is required on create or update) constrains only objects under JSON Schema, but NJsonSchema applies it
    /// to strings too, so such lists of verbs are dropped.</summary>
    private static string Normalize(string yaml)
    {
        yaml = WhitespaceOnlyLine().Replace(yaml, "");
        yaml = yaml.Replace("x-nullable:", "nullable:", StringComparison.Ordinal);
        return VendorRequired().Replace(yaml, "");
    }

    private static JsonSchema? JsonSchemaOf(IDictionary<string, OpenApiMediaType>? content) =>
        content?.FirstOrDefault(c => c.Key.StartsWith("application/json", StringComparison.Ordinal)).Value?.Schema?.ActualSchema;

    private static IEnumerable<string> QueryNames(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0].Replace('+', ' ')))
            .Distinct(StringComparer.Ordinal);

    /// <summary>The path of a server URL, its variables kept: <c>/stores/{store_hash}/v3</c>.</summary>
    private static string ServerPath(string serverUrl)
    {
        var afterHost = serverUrl.IndexOf('/', serverUrl.IndexOf("//", StringComparison.Ordinal) + 2);
        return afterHost < 0 ? "" : serverUrl[afterHost..].TrimEnd('/');
    }

    private static Regex PathPattern(string template) =>
        new("^" + string.Join("", TemplateParts().Split(template).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : "[^/]+")) + "$");

    [GeneratedRegex(@"(?m)^[ \t]+$")]
    private static partial Regex WhitespaceOnlyLine();

    [GeneratedRegex(@"(?m)^(?<indent>[ ]*)(x-)?required:[ ]*\n(\k<indent>[ ]*- (post|put)[ ]*\n)+")]
    private static partial Regex VendorRequired();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateParts();

    private sealed record Route(string Method, string Template, Regex Pattern, OpenApiPathItem Item, OpenApiOperation Operation, string File);
}
