namespace Switchboard.Configuration.Loading;

/// <summary>Builds and checks one incoming (subscriber).</summary>
internal sealed class IncomingBinder(EndpointBinder endpoints, ITransformerValidator? validator, IntegrationSections sections, ConfigErrors errors)
{
    private static readonly string[] Keys = [.. EndpointBinder.Keys, "pagination", "schedule", "timeZone", "incremental", "transformers", "parent", "parentKey"];

    /// <summary>The incoming, or null when it has errors that prevent building it (all reported).</summary>
    public IncomingConfig? Bind(LocatedEntry definition)
    {
        var key = ConfigKeys.Child(IntegrationSections.IncomingKey, definition.Name);
        if (MappingReader.Open(definition.Value, key, definition.Key.Location, errors, Keys) is not { } incoming)
            return null;

        var endpoint = endpoints.Bind(incoming);
        var pagination = incoming.Bool("pagination");
        var schedule = incoming.Text("schedule");
        if (schedule is not null && Schedule.CronProblem(schedule) is { } cronProblem)
            incoming.Error("schedule", cronProblem);
        var timeZone = incoming.Text("timeZone");
        if (timeZone is not null && !Schedule.IsKnownTimeZone(timeZone))
            incoming.Error("timeZone", $"unknown time zone '{timeZone}'; use an IANA id such as 'Europe/Berlin' or 'UTC'");
        var platform = endpoint is null ? null : endpoints.PlatformOf(endpoint.Client);
        var incremental = IncrementalBinder.Bind(incoming, platform);
        var transformers = new TransformerSteps(validator, errors).Read(incoming);
        var parent = Parent(incoming, definition.Name);
        var parentKey = incoming.Text("parentKey");
        if (parentKey is not null && parent is null && incoming.Entry("parent") is null)
            incoming.Error("parentKey", "parentKey needs a parent");

        if (endpoint is null)
            return null;
        return new IncomingConfig
        {
            Name = definition.Name,
            Client = endpoint.Client,
            Entity = endpoint.Entity,
            ObjectId = endpoint.ObjectId,
            NestedEntity = endpoint.NestedEntity,
            NestedObjectId = endpoint.NestedObjectId,
            Path = endpoint.Path,
            Query = endpoint.Query,
            Pagination = pagination ?? true,
            Schedule = schedule,
            TimeZone = timeZone,
            Incremental = incremental,
            Transformers = transformers,
            Parent = parent,
            ParentKey = parentKey ?? "id",
            Location = definition.Key.Location,
        };
    }

    private string? Parent(MappingReader incoming, string name)
    {
        if (incoming.Text("parent") is not { } parent)
            return null;
        if (parent == name)
            incoming.Error("parent", "an incoming cannot be its own parent");
        else if (!sections.Incoming.ContainsKey(parent) && sections.Complete)
            incoming.Error("parent", $"unknown incoming '{parent}'{NameSuggestions.For(parent, sections.Incoming.Keys)}");
        else if (incoming.Entry("nestedEntity") is null)
            incoming.Error("parent", "an incoming with a parent fetches a nestedEntity under each parent entity; give its nestedEntity");
        else if (incoming.Entry("objectId") is not null)
            incoming.Error("objectId", "the objectId of an incoming with a parent comes from each parent entity; remove it");
        else if (incoming.Entry("schedule") is not null)
            incoming.Error("schedule", $"an incoming with a parent runs after each run of '{parent}'; give the schedule to '{parent}'");
        else
            return parent;
        return null;
    }
}
