namespace Switchboard.ApiContracts;

/// <summary>BigCommerce's published REST Management API (the files under <c>Specs/bigcommerce</c>).</summary>
public static class BigCommerceApi
{
    private static readonly Lazy<Task<OpenApiContract>> Contract = new(() =>
        OpenApiContract.LoadAsync(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs", "bigcommerce"), "*.yml").Order()));

    /// <summary>BigCommerce documents 401, 403, 429 and 5xx once for the whole API ("API status codes"), not per operation.</summary>
    private static readonly IReadOnlySet<int> StatusesDocumentedElsewhere = new HashSet<int> { 401, 403, 429, 500, 502, 503, 504 };

    /// <summary>Statuses the live API gives that an operation's file leaves out; the emulator gives them too.</summary>
    private static readonly (string Method, string PathEnd, int Status, string Why)[] UndocumentedStatuses =
    [
        ("GET", "/v2/orders", 204, "a page past the last order answers 204 No Content (../shared/platforms/bigcommerce.md)"),
        ("POST", "/variants", 422, "invalid variant fields answer 422 with the catalog's error body, as every other catalog write does"),
    ];

    /// <summary>Where a file contradicts its own prose; such findings are the file's, not the client's.</summary>
    private static readonly (string Method, string PathEnd, string Finding, string Why)[] FileErrors =
    [
        ("POST", "/v3/catalog/products", @"request body #/variants\[\d+\]\.(id|product_id): PropertyRequired",
            "the create schema reuses productVariant_Full, which requires the ids a new variant cannot have yet; the " +
            "operation's own text says variants are created with the product"),
    ];

    public static Task<OpenApiContract> LoadAsync() => Contract.Value;

    /// <summary>Every way the recorded requests and answers disagree with BigCommerce's files.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IEnumerable<Sandbox.RecordedRequest> recorded)
    {
        var all = recorded.ToArray();
        return [.. await CheckRequestsAsync(all).ConfigureAwait(false), .. await CheckAnswersAsync(all).ConfigureAwait(false)];
    }

    /// <summary>Every way the requests a client sent disagree with BigCommerce's files.</summary>
    public static async Task<IReadOnlyList<string>> CheckRequestsAsync(IEnumerable<Sandbox.RecordedRequest> recorded)
    {
        var contract = await LoadAsync().ConfigureAwait(false);
        return recorded.Select(Exchange.Of).SelectMany(e => contract.CheckRequest(e).Where(finding => !IsFileError(e, finding))).ToArray();
    }

    /// <summary>Every way the answers a server gave disagree with BigCommerce's files.</summary>
    public static async Task<IReadOnlyList<string>> CheckAnswersAsync(IEnumerable<Sandbox.RecordedRequest> recorded)
    {
        var contract = await LoadAsync().ConfigureAwait(false);
        return recorded.Select(Exchange.Of).Where(e => !IsKnownUndocumentedStatus(e)).SelectMany(e => contract.CheckAnswer(e, StatusesDocumentedElsewhere)).ToArray();
    }

    private static bool IsFileError(Exchange e, string finding) =>
        FileErrors.Any(f => f.Method == e.Method && e.Path.EndsWith(f.PathEnd, StringComparison.Ordinal) &&
            System.Text.RegularExpressions.Regex.IsMatch(finding, f.Finding));

    private static bool IsKnownUndocumentedStatus(Exchange e) =>
        UndocumentedStatuses.Any(u => u.Method == e.Method && u.Status == e.Status &&
            e.Path.EndsWith(u.PathEnd, StringComparison.Ordinal));
}
