using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>
/// BigCommerce-style query filters: <c>field</c>, <c>field:in</c>, <c>field:not_in</c>, <c>field:min</c>,
/// <c>field:max</c>, <c>field:greater</c>, <c>field:less</c>, <c>field:like</c>, over a whitelist of fields.
/// Array fields (e.g. product categories) match when any element matches.
/// </summary>
internal sealed class QueryFilter
{
    private readonly List<Func<JsonObject, bool>> _predicates = [];

    public bool IsEmpty => _predicates.Count == 0;

    public static QueryFilter From(IQueryCollection query, IReadOnlySet<string> fields, Func<JsonObject, string, JsonNode?>? resolve = null)
    {
        var filter = new QueryFilter();
        resolve ??= static (o, f) => o[f];
        foreach (var (key, values) in query)
        {
            var colon = key.IndexOf(':');
            var field = colon < 0 ? key : key[..colon];
            var op = colon < 0 ? "" : key[(colon + 1)..];
            if (!fields.Contains(field)) continue;
            var raw = values.ToString();
            var list = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Func<JsonNode?, bool>? test = op switch
            {
                "" => v => Compare(v, raw) == 0,
                "in" => v => list.Any(x => Compare(v, x) == 0),
                "not_in" => v => !list.Any(x => Compare(v, x) == 0),
                "min" => v => Compare(v, raw) is >= 0,
                "max" => v => Compare(v, raw) is <= 0,
                "greater" => v => Compare(v, raw) is > 0,
                "less" => v => Compare(v, raw) is < 0,
                "like" => v => v is not null && Text(v).Contains(raw, StringComparison.OrdinalIgnoreCase),
                _ => null,
            };
            if (test is null) continue;
            var negative = op == "not_in";
            filter.Add(o =>
            {
                var value = resolve(o, field);
                if (value is JsonArray array)
                {
                    return negative ? array.All(test) : array.Any(test);
                }
                return test(value);
            });
        }
        return filter;
    }

    public void Add(Func<JsonObject, bool> predicate) => _predicates.Add(predicate);

    public bool Matches(JsonObject o) => _predicates.All(p => p(o));

    private static string Text(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    /// <summary>Compares a stored value with a query text: numerically, as booleans, as dates, else ordinally. Null when incomparable.</summary>
    public static int? Compare(JsonNode? value, string text)
    {
        if (value is not JsonValue v) return null;
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? JsonHelpers.Dec(v)!.Value.CompareTo(d) : null;
            case JsonValueKind.True:
            case JsonValueKind.False:
                var b = JsonHelpers.ParseBool(text);
                return b is null ? null : v.GetValue<bool>().CompareTo(b.Value);
            case JsonValueKind.String:
                var s = v.GetValue<string>();
                if (LooksLikeDate(s) && JsonHelpers.TryParseDate(s, out var left) && JsonHelpers.TryParseDate(text, out var right))
                {
                    return left.CompareTo(right);
                }
                return string.CompareOrdinal(s, text) switch { < 0 => -1, > 0 => 1, _ => 0 };
            default:
                return null;
        }
    }

    private static bool LooksLikeDate(string s) => s.Length >= 10 && char.IsDigit(s[0]) && s[4] == '-' && s[7] == '-'
        || s.Length > 20 && s[3] == ',';

    /// <summary>Orders by a field, numbers numerically, strings ordinally; ties by id.</summary>
    public static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> items, string? field, bool descending, string idProperty = "id")
    {
        if (string.IsNullOrEmpty(field)) field = idProperty;
        var comparer = Comparer<JsonObject>.Create((a, b) =>
        {
            var c = CompareNodes(a[field], b[field]);
            return c != 0 ? c : JsonHelpers.IdOf(a, idProperty).CompareTo(JsonHelpers.IdOf(b, idProperty));
        });
        return descending ? items.Order(comparer).Reverse() : items.Order(comparer);
    }

    private static int CompareNodes(JsonNode? a, JsonNode? b)
    {
        if (JsonHelpers.IsNumber(a) && JsonHelpers.IsNumber(b)) return JsonHelpers.Dec(a)!.Value.CompareTo(JsonHelpers.Dec(b)!.Value);
        var sa = a is null ? "" : Text(a);
        var sb = b is null ? "" : Text(b);
        return string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
    }
}
