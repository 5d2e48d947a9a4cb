using Cronos;

namespace Switchboard.Configuration.Loading;

/// <summary>Checks cron expressions and time zones the way the Scheduler will read them.</summary>
internal static class Schedule
{
    /// <summary>Why the expression is invalid, or null when it is valid.</summary>
    public static string? CronProblem(string expression)
    {
        var fields = expression.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).Length;
        var isMacro = expression.TrimStart().StartsWith('@');
        if (!isMacro && fields is not (5 or 6))
            return $"expected a cron expression of 5 fields (minute hour day month weekday) or 6 (seconds first), got {fields}: '{expression}'";
        try
        {
            CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"invalid cron expression '{expression}': {e.Message}";
        }
    }

    public static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
