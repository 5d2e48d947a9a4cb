using Xunit;
using static Switchboard.Transformation.Tests.Mappers;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class DateMapperTests
{
    [Theory]
    [InlineData("{}", "\"2024-05-01T10:00:00Z\"", "\"2024-05-01T10:00:00Z\"")]
    [InlineData("{}", "\"2024-05-01T10:00:00+02:00\"", "\"2024-05-01T10:00:00+02:00\"")]
    [InlineData("{ \"toTimeZone\": \"UTC\" }", "\"2024-05-01T10:00:00+02:00\"", "\"2024-05-01T08:00:00Z\"")]
    [InlineData("{ \"toTimeZone\": \"Europe/Berlin\" }", "\"2024-01-15T12:00:00Z\"", "\"2024-01-15T13:00:00+01:00\"")]
    [InlineData("{ \"toTimeZone\": \"Europe/Berlin\" }", "\"2024-07-15T12:00:00Z\"", "\"2024-07-15T14:00:00+02:00\"")]
    [InlineData("{ \"parse\": \"dd.MM.yyyy HH:mm\", \"timeZone\": \"Europe/Berlin\", \"toTimeZone\": \"UTC\" }", "\"01.07.2024 09:30\"", "\"2024-07-01T07:30:00Z\"")]
    [InlineData("{ \"parse\": \"dd.MM.yyyy HH:mm\", \"timeZone\": \"America/New_York\" }", "\"01.12.2024 09:30\"", "\"2024-12-01T09:30:00-05:00\"")]
    [InlineData("{ \"format\": \"yyyy-MM-dd\" }", "\"2024-05-01T23:30:00Z\"", "\"2024-05-01\"")]
    [InlineData("{ \"format\": \"ddd, dd MMM yyyy HH:mm:ss 'GMT'\" }", "\"2024-05-01T10:00:00Z\"", "\"Wed, 01 May 2024 10:00:00 GMT\"")]
    [InlineData("{ \"format\": \"unix\" }", "\"2024-05-01T00:00:00Z\"", "1714521600")]
    [InlineData("{ \"format\": \"unix-ms\" }", "\"2024-05-01T00:00:00+02:00\"", "1714514400000")]
    [InlineData("{ \"parse\": \"unix\" }", "1714521600", "\"2024-05-01T00:00:00Z\"")]
    [InlineData("{ \"parse\": \"unix-ms\", \"toTimeZone\": \"Asia/Tokyo\" }", "\"1714521600000\"", "\"2024-05-01T09:00:00+09:00\"")]
    [InlineData("{ \"parse\": \"iso\", \"timeZone\": \"Europe/Berlin\" }", "\"2024-05-01 10:00:00\"", "\"2024-05-01T10:00:00+02:00\"")]
    [InlineData("{ \"parse\": \"yyyy-MM-dd HH:mm\", \"timeZone\": \"Europe/Berlin\", \"toTimeZone\": \"UTC\" }", "\"2024-03-31 03:30\"", "\"2024-03-31T01:30:00Z\"")]
    [InlineData("{ }", "\"Wed, 01 May 2024 10:00:00 GMT\"", "\"2024-05-01T10:00:00Z\"")]
    public void Parses_and_formats(string arguments, string value, string expected)
    {
        AssertJson(expected, Map($$"""[ { "date": {{arguments}} } ]""", value));
    }

    [Theory]
    [InlineData("{}", "\"yesterday\"", "mapper #1 (date): \"yesterday\" is not a date in the format 'iso'")]
    [InlineData("{ \"parse\": \"dd.MM.yyyy\" }", "\"2024-05-01\"", "mapper #1 (date): \"2024-05-01\" is not a date in the format 'dd.MM.yyyy'")]
    [InlineData("{}", "20240501", "mapper #1 (date): expects a date text, got 20240501")]
    [InlineData("{ \"parse\": \"unix\" }", "\"soon\"", "mapper #1 (date): \"soon\" is not a number")]
    [InlineData("{ \"parse\": \"yyyy-MM-dd HH:mm\", \"timeZone\": \"Europe/Berlin\" }", "\"2024-03-31 02:30\"",
        "mapper #1 (date): \"2024-03-31 02:30\" does not exist in the time zone Europe/Berlin: the clocks skipped that time (a daylight-saving change)")]
    [InlineData("{ \"timeZone\": \"America/New_York\" }", "\"2024-03-10T02:15:00\"",
        "mapper #1 (date): \"2024-03-10T02:15:00\" does not exist in the time zone America/New_York: the clocks skipped that time (a daylight-saving change)")]
    public void Values_that_are_not_dates_fail(string arguments, string value, string expected)
    {
        Assert.Equal(expected, Error($$"""[ { "date": {{arguments}} } ]""", value));
    }

    [Theory]
    [InlineData("{ \"timeZone\": \"Mars/Olympus\" }", "map 'v': mapper #1 (date): 'timeZone': unknown time zone 'Mars/Olympus'; use an IANA id such as Europe/Berlin or America/New_York")]
    [InlineData("{ \"toTimeZone\": \"CEST\" }", "map 'v': mapper #1 (date): 'toTimeZone': unknown time zone 'CEST'")]
    [InlineData("{ \"zone\": \"UTC\" }", "map 'v': mapper #1 (date): unknown key 'zone'; expected parse, timeZone, format, toTimeZone")]
    [InlineData("\"iso\"", "map 'v': mapper #1 (date): expects { parse, timeZone, format, toTimeZone }, got the string \"iso\"")]
    public void Bad_arguments_are_configuration_errors(string arguments, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Problem($$"""[ { "date": {{arguments}} } ]"""));
    }
}
