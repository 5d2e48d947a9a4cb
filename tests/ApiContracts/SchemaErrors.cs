using NJsonSchema.Validation;

namespace Switchboard.ApiContracts;

/// <summary>NJsonSchema nests the errors of array items and of oneOf/anyOf branches; this lists the leaves.</summary>
internal static class SchemaErrors
{
    public static IEnumerable<string> Describe(IEnumerable<ValidationError> errors) => errors.SelectMany(Describe);

    private static IEnumerable<string> Describe(ValidationError error)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            return child.Errors.Values.SelectMany(Describe);
        }
        return [$"{error.Path ?? "#"}: {error.Kind}"];
    }
}
