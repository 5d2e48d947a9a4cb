using System.Data.Common;
using Npgsql;

namespace Switchboard.Persistence;

/// <summary>Which connection strings name a PostgreSQL server: a <c>postgres://</c> or <c>postgresql://</c> URI, or
/// key=value pairs with a <c>Host</c>. Anything else is a SQLite connection string.</summary>
public static class PostgresConnectionString
{
    public static bool Matches(string connectionString)
    {
        if (IsUri(connectionString)) return true;
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Host");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The connection string of <paramref name="service"/>'s state when it names a PostgreSQL server; else
    /// null (SQLite).</summary>
    public static string? Of(IReadOnlyDictionary<string, string> connectionStrings, string service) =>
        connectionStrings.GetValueOrDefault(service) is { } connection && Matches(connection) ? connection : null;

    /// <summary>Npgsql's key=value form, its search path set to the service's schema so that hand-written SQL finds
    /// the service's tables too.</summary>
    public static string ForSchema(string connectionString, string schema)
    {
        var builder = IsUri(connectionString) ? FromUri(new Uri(connectionString)) : new NpgsqlConnectionStringBuilder(connectionString);
        builder.SearchPath = schema;
        return builder.ConnectionString;
    }

    private static bool IsUri(string connectionString) =>
        connectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        connectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static NpgsqlConnectionStringBuilder FromUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) builder.Port = uri.Port;
        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } database) builder.Database = Uri.UnescapeDataString(database);
        if (uri.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0) builder[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }
        return builder;
    }
}
