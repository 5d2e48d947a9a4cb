namespace Switchboard.Configuration.Tests;

public sealed class TransformerTests : IDisposable
{
    private readonly TempIntegration _files = new() { Transformers = new KnownKindsValidator("map", "filter") };

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Validator_messages_are_reported_at_the_transformer()
    {
        var flows = _files.Write("flows.yaml", SampleFiles.Flows.Replace(
            "      - filter:",
            "      - frobnicate: { hard: true }\n      - filter:"));

        var result = _files.Load(_files.WriteClients(), flows);

        Assert.Collection(
            result.Errors,
            e => ErrorAssert.At(e, flows, 19, "routes.products-to-ecwid.transformers[1]"),
            e => ErrorAssert.At(e, flows, 19, "routes.products-to-ecwid.transformers[1]"));
        Assert.Equal(["unknown transformer 'frobnicate'", "position 1 has arguments {\"hard\":true}"], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_step_must_be_a_mapping_with_one_key()
    {
        var flows = _files.Write("flows.yaml", SampleFiles.Flows.Replace(
            "      - filter:",
            "      - map: {}\n        filter: x\n      - just-text\n      - filter:"));

        var result = _files.Load(_files.WriteClients(), flows);

        Assert.Equal(
            [(19, "routes.products-to-ecwid.transformers[1]"), (21, "routes.products-to-ecwid.transformers[2]")],
            result.Errors.Select(e => (e.Location.Line, e.Key)));
        Assert.Equal(
            "a transformer step is a mapping with one key, its kind (e.g. 'map:'), got 2 keys (map, filter)",
            result.Errors[0].Message);
    }

    [Fact]
    public void Transformers_must_be_a_list()
    {
        var flows = _files.Write("flows.yaml", """
            routes:
              r:
                from: a
                to: b
                transformers: { map: {} }
            incoming:
              a: { client: bc-store, entity: orders }
            outgoing:
              b: { client: bc-store, entity: orders, method: PUT }
            """);

        ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 5, "routes.r.transformers");
    }

    /// <summary>Knows some kinds; for any other, also echoes the step so tests can see what it was given.</summary>
    private sealed class KnownKindsValidator(params string[] kinds) : ITransformerValidator
    {
        public IEnumerable<string> Validate(TransformerConfig transformer) =>
            kinds.Contains(transformer.Kind)
                ? []
                : [$"unknown transformer '{transformer.Kind}'", $"position {transformer.Position} has arguments {transformer.Arguments?.ToJsonString()}"];
    }
}
