using System.Text.Json.Nodes;
using Switchboard.Connectors;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Change times in the forms platforms send them, and the newest of a page.</summary>
public sealed class ChangeTimesTests
{
    private static readonly DateTimeOffset Expected = new(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\"2024-03-05T10:00:00+00:00\"")]     // BigCommerce v3
    [InlineData("\"2024-03-05T12:00:00+02:00\"")]
    [InlineData("\"2024-03-05T10:00:00.000Z\"")]      // commercetools
    [InlineData("\"Tue, 05 Mar 2024 10:00:00 +0000\"")] // BigCommerce v2 (RFC 2822)
    [InlineData("\"2024-03-05 10:00:00 +0000\"")]     // Ecwid
    [InlineData("1709632800")]                        // Ecwid updateTimestamp
    [InlineData("\"1709632800\"")]                    // CS-Cart, numbers as strings
    [InlineData("1709632800000")]                     // milliseconds
    public void Every_platforms_form_is_read(string json) =>
        Assert.Equal(Expected, ChangeTimes.Read(JsonNode.Parse(json)!));

    [Fact]
    public void The_newest_is_kept_across_pages_and_entities_without_the_field_are_passed_over()
    {
        JsonObject[] page = [new() { ["meta"] = new JsonObject { ["updated"] = "2024-03-05T10:00:00Z" } }, new() { ["id"] = 2 }, new() { ["meta"] = new JsonObject { ["updated"] = "" } }];

        Assert.Equal(Expected, ChangeTimes.Newest(page, "meta.updated", Expected.AddDays(-1)));
        Assert.Equal(Expected.AddDays(1), ChangeTimes.Newest(page, "meta.updated", Expected.AddDays(1)));
    }

    [Fact]
    public void A_value_that_is_not_a_time_is_an_error_naming_the_field()
    {
        JsonObject[] page = [new() { ["date_modified"] = "yesterday" }];

        var error = Assert.Throws<FormatException>(() => ChangeTimes.Newest(page, "date_modified", null));
        Assert.Equal("the incremental field 'date_modified' is \"yesterday\" in an entity, which is not a time (ISO-8601, RFC 2822 or UNIX seconds)", error.Message);
    }
}
