using System.Text.Json.Nodes;

namespace Switchboard.Host.DryRun;

/// <summary>One request a dry run would have sent: route, entity, method, where to, and the body.</summary>
public sealed record DryRunRequest(string Route, string EntityKey, string Method, string Target, JsonNode? Payload);
