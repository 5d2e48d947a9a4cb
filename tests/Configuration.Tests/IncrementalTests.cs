namespace Switchboard.Configuration.Tests;

/// <summary>An incoming's <c>incremental</c> cursor and its request-parameter <c>transformers</c>.</summary>
public sealed class IncrementalTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    private IntegrationLoadResult LoadIncoming(string incremental, string client = "bc-store", string entity = "catalog/products")
    {
        var flows = _files.Write("flows.yaml", $"""
            incoming:
              changes:
                client: {client}
                entity: {entity}
                incremental: {incremental}
            """);
        return _files.Load(_files.WriteClients(), flows);
    }

    [Fact]
    public void A_cursor_is_read_with_its_lookback_as_a_duration()
    {
        var result = LoadIncoming("""{ field: date_modified, param: "date_modified:min", lookback: 1h30m }""");

        Assert.Empty(result.Errors);
        var cursor = result.Integration!.Incoming["changes"].Incremental!;
        Assert.Equal(("date_modified", "date_modified:min", TimeSpan.FromMinutes(90), SinceFormat.Iso8601),
            (cursor.Field, cursor.Param, cursor.Lookback, cursor.Format));
    }

    [Fact]
    public void Without_a_format_the_platforms_own_is_taken_and_without_a_lookback_there_is_none()
    {
        var result = LoadIncoming("{ field: updateTimestamp, param: updatedFrom }", client: "ecwid-store", entity: "products");

        var cursor = result.Integration!.Incoming["changes"].Incremental!;
        Assert.Equal((SinceFormat.Unix, TimeSpan.Zero), (cursor.Format, cursor.Lookback));
    }

    [Fact]
    public void A_written_format_overrides_the_platforms()
    {
        var result = LoadIncoming("{ field: updateTimestamp, format: unix-ms }", client: "ecwid-store", entity: "products");

        var cursor = result.Integration!.Incoming["changes"].Incremental!;
        Assert.Equal(SinceFormat.UnixMs, cursor.Format);
        Assert.Null(cursor.Param);
    }

    [Fact]
    public void A_lookback_that_is_not_a_duration_is_named_at_its_line()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              changes:
                client: bc-store
                entity: catalog/products
                incremental:
                  field: date_modified
                  lookback: 5 minutes
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 7, "incoming.changes.incremental.lookback");
        Assert.Equal("expected a duration such as 90s, 5m, 1h30m or 0, got '5 minutes'", error.Message);
    }

    [Fact]
    public void An_unknown_format_lists_the_known_ones()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              changes:
                client: bc-store
                entity: catalog/products
                incremental:
                  field: date_modified
                  format: rfc2822
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 7, "incoming.changes.incremental.format");
        Assert.Equal("unknown format 'rfc2822'; allowed: iso8601, unix, unix-ms, date, where", error.Message);
    }

    [Fact]
    public void A_cursor_without_a_field_is_an_error_at_the_cursor()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              changes:
                client: bc-store
                entity: catalog/products
                incremental:
                  param: "date_modified:min"
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 6, "incoming.changes.incremental.field");
        Assert.Equal("'field' is required", error.Message);
    }

    [Fact]
    public void An_unknown_key_in_the_cursor_lists_the_allowed_ones()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              changes:
                client: bc-store
                entity: catalog/products
                incremental:
                  field: date_modified
                  lookbak: 5m
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 7, "incoming.changes.incremental.lookbak");
        Assert.Equal("unknown key 'lookbak'; allowed: field, param, lookback, format", error.Message);
    }

    [Fact]
    public void Request_transformers_are_read_in_order_and_checked_at_their_line()
    {
        using var files = new TempIntegration { Transformers = new OnlyKind("set") };
        var flows = files.Write("flows.yaml", """
            incoming:
              changes:
                client: ecwid-store
                entity: products
                transformers:
                  - set: { query.updatedFrom: "{{run.since}}" }
                  - rename: { query.a: query.b }
            """);

        var result = files.Load(files.WriteClients(), flows);

        var error = Assert.Single(result.Errors);
        ErrorAssert.At(error, flows, 7, "incoming.changes.transformers[1]");
        Assert.Equal("unknown transformer 'rename'", error.Message);
    }

    [Fact]
    public void Valid_request_transformers_reach_the_incoming()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              changes:
                client: ecwid-store
                entity: products
                transformers:
                  - set: { query.updatedFrom: "{{run.since}}" }
            """);

        var result = _files.Load(_files.WriteClients(), flows);

        var step = Assert.Single(result.Integration!.Incoming["changes"].Transformers);
        Assert.Equal(("set", "incoming.changes.transformers[0]", """{"query.updatedFrom":"{{run.since}}"}"""),
            (step.Kind, step.Key, step.Arguments!.ToJsonString()));
    }

    private sealed class OnlyKind(string kind) : ITransformerValidator
    {
        public IEnumerable<string> Validate(TransformerConfig transformer) =>
            transformer.Kind == kind ? [] : [$"unknown transformer '{transformer.Kind}'"];
    }
}
