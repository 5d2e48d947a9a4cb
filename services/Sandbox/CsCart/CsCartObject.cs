using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>One CS-Cart API object: its URL name, the key its lists use, the key of its id and the store behind it.</summary>
public sealed record CsCartObject(string Name, string ItemsKey, EntityStore Store)
{
    public string IdKey => Store.IdProperty;

    /// <summary>The key a create or update answers with (vendors and stores answer <c>store_id</c>).</summary>
    public string AnsweredIdKey { get; init; } = Store.IdProperty;

    /// <summary>Fields a create must carry (PHP <c>empty()</c> counts as missing).</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>Query parameters that filter the list by equality on the field of the same name.</summary>
    public IReadOnlySet<string> Filters { get; init; } = new HashSet<string>();

    /// <summary>A field no two objects may share (users: <c>email</c>, compared without case), and the message a write
    /// that would share it is refused with.</summary>
    public (string Field, string Message)? Unique { get; init; }

    /// <summary>Lists come whole, as PHP's array keyed by id (<c>{"3": {…}, "4": {…}}</c>, or <c>[]</c> when empty), without
    /// the list key, paging or <c>params</c>: usergroups, whose index answers fn_get_usergroups() as it is.</summary>
    public bool ListedWholeById { get; init; }

    /// <summary>Fields a create starts with before the body is laid over them.</summary>
    public Func<JsonObject>? Defaults { get; init; }
}
