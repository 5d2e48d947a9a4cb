using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Host.Tasks;
using Switchboard.Transformation;
using Switchboard.Transformer;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard transform ROUTE [FILE|DIR…] --input entity.json [--state DIR] [--json]</c>: runs one route's
/// transformers on the entities of a JSON file and prints what would be published, skipped or failed — nothing is
/// fetched or sent; <c>lookup</c> steps read the key mappings of the state folder. Exit 1 when an entity failed.</summary>
public static class TransformCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var route = new Argument<string>("route") { Description = "The route whose transformers to run" };
        var files = CommonOptions.Files();
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "A JSON file: one entity (an object) or a list of them, as the route's incoming fetches them",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the outputs as one JSON list on standard output, and nothing else" };
        var state = CommonOptions.State();
        state.Description = "Folder of the state whose key mappings lookup steps read (as a run with it would)";
        var command = new Command("transform", "Run one route's transformers on entities from a file and print the results")
            { route, files, input, json, state };
        command.SetAction(parse =>
        {
            var integration = CommonOptions.LoadIntegration(parse.GetValue(files)!);
            if (integration is null) return 1;
            return Execute(integration, parse.GetValue(route)!, parse.GetValue(input)!, parse.GetValue(json), KeyMappingsIn(parse.GetValue(state)!));
        });
        return command;
    }

    /// <summary>The key mappings runs with <paramref name="stateDirectory"/> stored; none when nothing has run with it.</summary>
    public static IKeyMappings KeyMappingsIn(string stateDirectory) =>
        TaskQuery.OpenState(stateDirectory) is { } contexts ? new KeyMappingStore(contexts) : NoKeyMappings.Instance;

    /// <param name="keyMappings">What <c>lookup</c> steps read; none when not given.</param>
    public static int Execute(Integration integration, string routeName, FileInfo input, bool json, IKeyMappings? keyMappings = null)
    {
        if (!integration.Routes.TryGetValue(routeName, out var route))
        {
            Console.Error.WriteLine($"unknown route '{routeName}'; routes: {string.Join(", ", integration.Routes.Keys.Order())}");
            return 1;
        }

        if (ReadEntities(input) is not { } entities)
            return 1;

        // A preview publishes nothing: lookups read what earlier runs stored, and change nothing.
        var pipeline = new RoutePipeline(route.Name, route.Transformers, new TransformerFactory(keyMappings ?? NoKeyMappings.Instance));
        var outputs = entities.SelectMany(entity => pipeline.Run(entity, EntityKey.Of(entity, route.Key))).ToList();
        if (json)
            Console.WriteLine(new JsonArray(outputs.Select(Json).ToArray()).ToJsonString(Indented));
        else
            foreach (var output in outputs)
                Console.WriteLine(Text(output));
        if (!json)
            Console.Error.WriteLine($"{outputs.Count(o => o.Entity is not null)} to publish, {outputs.Count(o => o.Skipped)} skipped, " +
                                    $"{outputs.Count(o => o.Failed)} failed");
        return outputs.Any(o => o.Failed) ? 1 : 0;
    }

    private static List<JsonObject>? ReadEntities(FileInfo input)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(File.ReadAllText(input.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            Console.Error.WriteLine($"{input.FullName}: {e.Message}");
            return null;
        }

        switch (document)
        {
            case JsonObject entity:
                return [entity];
            case JsonArray list when list.All(item => item is JsonObject):
                return list.Select(item => (JsonObject)item!.DeepClone()).ToList();
            default:
                Console.Error.WriteLine($"{input.FullName}: expected an entity (a JSON object) or a list of them");
                return null;
        }
    }

    private static string Text(TransformOutput output) =>
        output switch
        {
            { Failed: true } => $"{output.Key}: failed: {output.Error!.Message}",
            { Skipped: true } => $"{output.Key}: skipped: {output.SkipReason}",
            _ => $"{output.Key}:\n{output.Entity!.ToJsonString(Indented)}",
        };

    private static JsonNode Json(TransformOutput output)
    {
        var result = new JsonObject { ["key"] = output.Key };
        if (output.Failed)
            result["failed"] = output.Error!.Message;
        else if (output.Skipped)
            result["skipped"] = output.SkipReason;
        else
            result["entity"] = output.Entity!.DeepClone();
        return result;
    }
}
