using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Transformation;
using Xunit;

namespace Switchboard.Scheduler.Tests;

/// <summary>The first request of a run: the incremental parameter, then the incoming's request transformers.</summary>
public sealed class IncomingRequestsTests
{
    private static readonly Guid RunId = Guid.Parse("0b5e1c2d-3f4a-4b6c-8d9e-0f1a2b3c4d5e");
    private static readonly DateTime Started = new(2024, 3, 5, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset Since = new(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);

    private static IncomingConfig Incoming(SinceFormat format, string? param, IReadOnlyDictionary<string, string>? query = null, params string[] steps) => new()
    {
        Name = "changes",
        Client = "shop",
        Entity = "products",
        Query = query ?? new Dictionary<string, string> { ["limit"] = "100" },
        Incremental = new IncrementalConfig { Field = "updated", Param = param, Format = format },
        Transformers = steps.Select((json, i) =>
        {
            var step = JsonNode.Parse(json)!.AsObject().Single();
            return new TransformerConfig(step.Key, step.Value?.DeepClone(), $"incoming.changes.transformers[{i}]", i, SourceLocation.None);
        }).ToArray(),
    };

    private static Configuration.Integration With(IncomingConfig incoming) =>
        new() { Incoming = new Dictionary<string, IncomingConfig> { [incoming.Name] = incoming } };

    private static Contracts.EntityRequest Build(IncomingConfig incoming, DateTimeOffset? since) =>
        new IncomingRequests(With(incoming), new TransformerFactory()).For(incoming, RunId, Started, since);

    [Fact]
    public void The_param_is_set_to_since_in_the_incomings_format()
    {
        var request = Build(Incoming(SinceFormat.Unix, "updatedFrom"), Since);

        Assert.Equal(new Dictionary<string, string> { ["limit"] = "100", ["updatedFrom"] = "1709632800" }, request.Query);
    }

    [Fact]
    public void Without_a_watermark_the_param_is_not_sent_and_run_since_is_null_which_removes_what_it_sets()
    {
        var request = Build(Incoming(SinceFormat.Iso8601, param: null, query: null,
            """{"set": {"query.date_modified:min": "{{run.since}}", "query.run": "{{run.id}} {{run.started}}"}}"""), since: null);

        Assert.Equal(new Dictionary<string, string> { ["limit"] = "100", ["run"] = $"{RunId} 2024-03-05T12:00:00Z" }, request.Query);
    }

    [Fact]
    public void Transformers_see_run_since_and_may_set_the_object_id()
    {
        var request = Build(Incoming(SinceFormat.Iso8601, param: null, query: null,
            """{"set": {"query.date_modified:min": "{{run.since}}", "path.objectId": "111"}}""", """{"remove": ["query.limit"]}"""), Since);

        Assert.Equal(new Dictionary<string, string> { ["date_modified:min"] = "2024-03-05T10:00:00Z" }, request.Query);
        Assert.Equal("111", request.ObjectId);
        Assert.Empty(request.Path);
    }

    [Fact]
    public void A_failing_step_is_named_with_its_incoming_and_position()
    {
        var error = Assert.Throws<RequestTransformException>(() => Build(Incoming(SinceFormat.Unix, "updatedFrom", query: null,
            """{"set": {"query.extra": "1"}}""", """{"set": {"query.limit.max": 5}}"""), Since));

        Assert.StartsWith("incoming changes, transformer #2 (set): ", error.Message);
    }

    [Fact]
    public void A_parameter_left_as_an_object_is_refused()
    {
        var error = Assert.Throws<RequestTransformException>(() => Build(Incoming(SinceFormat.Unix, "updatedFrom", query: null,
            """{"set": {"query.filter": {"a": 1}}}"""), Since));

        Assert.Equal("""incoming changes: query.filter is {"a":1}; a request parameter is a text, number or boolean""", error.Message);
    }

    [Fact]
    public void A_where_predicate_joins_the_incomings_own()
    {
        var request = Build(Incoming(SinceFormat.Where, "where", new Dictionary<string, string> { ["where"] = "published = true" }), Since);

        Assert.Equal("(published = true) and updated >= \"2024-03-05T10:00:00.000Z\"", request.Query["where"]);
    }
}
