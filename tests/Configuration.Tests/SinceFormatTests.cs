namespace Switchboard.Configuration.Tests;

/// <summary>A run's since, written as each platform reads it; floored, so rounding fetches more, never less.</summary>
public sealed class SinceFormatTests
{
    private static readonly DateTimeOffset Since = new(2024, 3, 5, 11, 0, 0, 999, TimeSpan.FromHours(1));

    [Theory]
    [InlineData(SinceFormat.Iso8601, "2024-03-05T10:00:00Z")]
    [InlineData(SinceFormat.Unix, "1709632800")]
    [InlineData(SinceFormat.UnixMs, "1709632800999")]
    [InlineData(SinceFormat.Date, "2024-03-05")]
    [InlineData(SinceFormat.Where, "lastModifiedAt >= \"2024-03-05T10:00:00.999Z\"")]
    public void Each_format_writes_the_time_in_UTC(SinceFormat format, string expected) =>
        Assert.Equal(expected, format.Format(Since, "lastModifiedAt"));

    [Fact]
    public void Run_since_of_a_predicate_is_the_time_alone() =>
        Assert.Equal("2024-03-05T10:00:00Z", SinceFormat.Where.FormatTime(Since));
}
