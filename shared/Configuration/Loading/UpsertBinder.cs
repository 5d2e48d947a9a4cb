namespace Switchboard.Configuration.Loading;

/// <summary>Reads and checks an outgoing's <c>upsert</c>: its methods against the entity's, and where the id goes.</summary>
internal static class UpsertBinder
{
    private static readonly string[] Keys = ["create", "update", "delete", "idPath"];
    private static readonly string[] IdRoots = ["path", "payload", "query"];

    /// <summary>The upsert, or null when it is absent or has errors (all reported).</summary>
    public static UpsertConfig? Bind(MappingReader outgoing, Endpoint? endpoint)
    {
        if (outgoing.Entry("upsert") is null || outgoing.Mapping("upsert", Keys) is not { } upsert)
            return null;
        var allowed = endpoint?.Methods;
        var entity = endpoint?.EntityDescription ?? "the entity";
        var create = Method(upsert, "create", allowed, entity, required: true);
        var update = Method(upsert, "update", allowed, entity, required: true);
        var delete = upsert.Entry("delete") is null
            ? allowed is null || allowed.Contains("DELETE", StringComparer.OrdinalIgnoreCase) ? "DELETE" : null
            : Method(upsert, "delete", allowed, entity, required: false);
        var addressId = endpoint?.NestedEntity is null ? "path.objectId" : "path.nestedObjectId";
        // "path.id" is how people write "the id in the object's path": no catalog path has an {id} placeholder, so it
        // can only mean the object addressed.
        var idPath = upsert.Text("idPath") is { } written ? written == "path.id" ? addressId : written : addressId;
        var idPathProblem = IdPathProblem(idPath) ?? PlaceholderProblem(idPath, endpoint);
        if (idPathProblem is not null)
            upsert.Error("idPath", idPathProblem);

        if (create is null || update is null || idPathProblem is not null || (upsert.Entry("delete") is not null && delete is null))
            return null;
        return new UpsertConfig(create, update, delete, idPath);
    }

    private static string? Method(MappingReader upsert, string name, IReadOnlySet<string>? allowed, string entity, bool required)
    {
        var method = upsert.Text(name, required)?.ToUpperInvariant();
        if (name is "create" or "update" && method is "GET" or "HEAD" or "OPTIONS" or "DELETE")
        {
            upsert.Error(name, $"an upsert's {name} must write the entity (e.g. POST, PUT or PATCH), not {method}");
            return null;
        }
        if (method is not null && allowed is not null && !allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            upsert.Error(name, $"method '{method}' is not allowed for {entity}; allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
            return null;
        }
        return method;
    }

    /// <summary>A <c>path.name</c> other than the object ids must fill a placeholder of the entity's path: any other
    /// name would leave every update without the id it addresses.</summary>
    private static string? PlaceholderProblem(string idPath, Endpoint? endpoint)
    {
        if (!idPath.StartsWith("path.", StringComparison.Ordinal) || endpoint?.PathPlaceholders is not { } placeholders)
            return null;
        var name = idPath["path.".Length..];
        if (name is "objectId" or "nestedObjectId" || placeholders.Contains(name))
            return null;
        var others = placeholders.Count == 0 ? "it has none" : $"it has {string.Join(", ", placeholders.Order(StringComparer.Ordinal).Select(p => $"{{{p}}}"))}";
        return $"'{idPath}' is not a placeholder of the path of {endpoint.EntityDescription} ({others}): use path.objectId (the default; path.id says the same), " +
               "payload.<field> or query.<parameter>";
    }

    private static string? IdPathProblem(string idPath)
    {
        var parts = idPath.Split('.');
        if (parts.Length < 2 || !IdRoots.Contains(parts[0]) || parts.Any(p => p.Length == 0))
            return $"'{idPath}' is not a place for the target id: use path.objectId (the default), path.<placeholder>, payload.<field> or query.<parameter>";
        if (parts[0] is "path" or "query" && parts.Length != 2)
            return $"'{idPath}' is nested too deep: {parts[0]} holds names and text values only";
        return null;
    }
}
