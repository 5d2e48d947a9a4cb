namespace Switchboard.Configuration;

/// <summary>An outgoing that creates what the target does not have yet and updates what it has:
/// <c>upsert: { create: POST, update: PUT, idPath: path.objectId }</c>.</summary>
/// <param name="Create">The method for an entity whose key has no mapped target id.</param>
/// <param name="Update">The method for an entity whose key is mapped; the mapped id is placed at <paramref name="IdPath"/>.</param>
/// <param name="Delete">The method for an entity the source reports deleted (a route's <c>deleted</c>); null when the entity allows none.</param>
/// <param name="IdPath">Where the mapped target id goes in the entity sent: <c>path.objectId</c> (the connectors' address of one object) by default.</param>
public sealed record UpsertConfig(string Create, string Update, string? Delete, string IdPath);

/// <summary>Change detection of a route: a SHA-256 of the transformed entity's canonical JSON, without the ignored paths.</summary>
/// <param name="Enabled">False (<c>fingerprint: false</c>) sends every entity on every run.</param>
/// <param name="Ignore">Dotted paths left out of the fingerprint (<c>date_modified</c>, <c>payload._links</c>); a name without dots is ignored at any depth.</param>
public sealed record FingerprintConfig(bool Enabled, IReadOnlyList<string> Ignore)
{
    public static readonly FingerprintConfig Default = new(true, []);
}

/// <summary>How a route recognises an entity the source reports deleted: a JMESPath condition on the source entity
/// (<c>deleted: { when: "is_deleted" }</c>). Such an entity is published as a delete of its mapped target id.</summary>
public sealed record DeletedConfig(string When, SourceLocation Location);

/// <summary>Checks an expression written in configuration (implemented by the Transformation library).</summary>
public interface IExpressionValidator
{
    /// <summary>Why <paramref name="expression"/> is not a valid expression; null when it is.</summary>
    string? Problem(string expression);
}
