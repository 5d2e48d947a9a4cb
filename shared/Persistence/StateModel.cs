using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Switchboard.Persistence;

/// <summary>What a state model needs on PostgreSQL: its own schema, and times stored as UTC (PostgreSQL's
/// <c>timestamptz</c> takes only UTC values; connectors report change times in any offset).</summary>
public static class StateModel
{
    private static readonly ValueConverter<DateTime, DateTime> UtcDateTime = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> UtcDateTimeOffset = new(v => v.ToUniversalTime(), v => v);

    /// <summary>Call last in <c>OnModelCreating</c>: nothing changes on SQLite.</summary>
    public static void ApplyProvider(ModelBuilder model, DatabaseFacade database, string schema)
    {
        if (!database.IsNpgsql()) return;
        model.HasDefaultSchema(schema);
        foreach (var property in model.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (property.GetValueConverter() is not null) continue;
            if (type == typeof(DateTime)) property.SetValueConverter(UtcDateTime);
            else if (type == typeof(DateTimeOffset)) property.SetValueConverter(UtcDateTimeOffset);
        }
    }
}
