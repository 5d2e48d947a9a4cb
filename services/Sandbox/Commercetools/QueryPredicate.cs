using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>commercetools query predicates (docs.commercetools.com/api/predicates/query), the subset integrations use:
/// comparisons <c>= != &lt;&gt; &gt; &gt;= &lt; &lt;=</c> on strings, numbers and booleans, <c>in (…)</c>, <c>not in (…)</c>,
/// <c>is defined</c>, <c>is not defined</c>, <c>is empty</c>, <c>contains any/all (…)</c>, <c>and</c>, <c>or</c>,
/// <c>not(…)</c>, parentheses, and nested fields as <c>masterData(current(slug(en = "shirt")))</c>. A field holding an
/// array matches when any element does.</summary>
internal sealed class QueryPredicate
{
    private readonly string _text;
    private int _at;

    private QueryPredicate(string text) => _text = text;

    /// <summary>The compiled predicate; throws <see cref="FormatException"/> with the position of a syntax error.</summary>
    public static Func<JsonNode?, bool> Parse(string text)
    {
        var parser = new QueryPredicate(text);
        var predicate = parser.Or();
        parser.Skip();
        if (parser._at < text.Length) throw parser.Error("end of input");
        return predicate;
    }

    private Func<JsonNode?, bool> Or()
    {
        var left = And();
        while (Keyword("or"))
        {
            var l = left;
            var right = And();
            left = n => l(n) || right(n);
        }
        return left;
    }

    private Func<JsonNode?, bool> And()
    {
        var left = Unary();
        while (Keyword("and"))
        {
            var l = left;
            var right = Unary();
            left = n => l(n) && right(n);
        }
        return left;
    }

    private Func<JsonNode?, bool> Unary()
    {
        if (Keyword("not"))
        {
            Expect('(');
            var inner = Or();
            Expect(')');
            return n => !inner(n);
        }
        if (Symbol('('))
        {
            var inner = Or();
            Expect(')');
            return inner;
        }
        var field = Identifier();
        if (Symbol('('))
        {
            var inner = Or();
            Expect(')');
            return n => AnyOf(Field(n, field), inner);
        }
        return Condition(field);
    }

    private Func<JsonNode?, bool> Condition(string field)
    {
        if (Keyword("is"))
        {
            var negated = Keyword("not");
            Func<JsonNode?, bool> test = Keyword("defined") ? v => v is not null
                : Keyword("empty") ? v => v is JsonArray { Count: 0 }
                : throw Error("'defined' or 'empty'");
            return n => test(Field(n, field)) != negated;
        }
        if (Keyword("not"))
        {
            if (!Keyword("in")) throw Error("'in'");
            var excluded = List();
            return n => !AnyOf(Field(n, field), v => excluded.Any(x => Compare(v, x) == 0));
        }
        if (Keyword("in"))
        {
            var values = List();
            return n => AnyOf(Field(n, field), v => values.Any(x => Compare(v, x) == 0));
        }
        if (Keyword("contains"))
        {
            var all = Keyword("all");
            if (!all) Keyword("any");
            var values = Peek() == '(' ? List() : [Value()];
            return n => Field(n, field) is JsonArray array
                && (all ? values.All(x => array.Any(v => Compare(v, x) == 0)) : values.Any(x => array.Any(v => Compare(v, x) == 0)));
        }
        var op = Operator();
        var value = Value();
        Func<int?, bool> accept = op switch
        {
            "=" => c => c == 0,
            "!=" or "<>" => c => c is not null and not 0,
            ">" => c => c > 0,
            ">=" => c => c >= 0,
            "<" => c => c < 0,
            _ => c => c <= 0,
        };
        return n => AnyOf(Field(n, field), v => accept(Compare(v, value)));
    }

    private static JsonNode? Field(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    private static bool AnyOf(JsonNode? value, Func<JsonNode?, bool> test) =>
        value is JsonArray array ? array.Any(test) : test(value);

    private static int? Compare(JsonNode? stored, JsonNode query)
    {
        if (stored is not JsonValue v || query is not JsonValue q) return null;
        return (v.GetValueKind(), q.GetValueKind()) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => Math.Sign(string.CompareOrdinal(v.GetValue<string>(), q.GetValue<string>())),
            (JsonValueKind.Number, JsonValueKind.Number) => JsonHelpers.Dec(v)!.Value.CompareTo(JsonHelpers.Dec(q)!.Value),
            (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => v.GetValue<bool>().CompareTo(q.GetValue<bool>()),
            _ => null,
        };
    }

    private List<JsonNode> List()
    {
        Expect('(');
        var values = new List<JsonNode> { Value() };
        while (Symbol(',')) values.Add(Value());
        Expect(')');
        return values;
    }

    private JsonNode Value()
    {
        Skip();
        if (Symbol('"'))
        {
            var text = new System.Text.StringBuilder();
            while (_at < _text.Length && _text[_at] != '"')
            {
                if (_text[_at] == '\\' && _at + 1 < _text.Length) _at++;
                text.Append(_text[_at++]);
            }
            Expect('"');
            return JsonValue.Create(text.ToString());
        }
        if (Keyword("true")) return JsonValue.Create(true);
        if (Keyword("false")) return JsonValue.Create(false);
        var start = _at;
        while (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] is '-' or '.')) _at++;
        if (_at > start && decimal.TryParse(_text[start.._at], NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        throw Error("a string, number or boolean");
    }

    private string Operator()
    {
        Skip();
        foreach (var op in new[] { "!=", "<>", ">=", "<=", "=", ">", "<" })
            if (string.CompareOrdinal(_text, _at, op, 0, op.Length) == 0)
            {
                _at += op.Length;
                return op;
            }
        throw Error("a comparison operator");
    }

    private string Identifier()
    {
        Skip();
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '_' or '-')) _at++;
        if (_at == start) throw Error("a field name");
        return _text[start.._at];
    }

    private bool Keyword(string word)
    {
        Skip();
        if (string.Compare(_text, _at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var end = _at + word.Length;
        if (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_')) return false;
        _at = end;
        return true;
    }

    private bool Symbol(char c)
    {
        Skip();
        if (_at >= _text.Length || _text[_at] != c) return false;
        _at++;
        return true;
    }

    private char? Peek()
    {
        Skip();
        return _at < _text.Length ? _text[_at] : null;
    }

    private void Expect(char c)
    {
        if (!Symbol(c)) throw Error($"'{c}'");
    }

    private void Skip()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++;
    }

    private FormatException Error(string expected) =>
        new($"Invalid input '{(_at < _text.Length ? _text[_at].ToString() : "end of input")}', expected {expected} (line 1, column {_at + 1})");
}
