using System.Text.Json.Nodes;
using Switchboard.Connectors.Http;
using Xunit;

namespace Switchboard.Connectors.Tests;

public sealed class PhpFormEncodingTests
{
    [Fact]
    public void Nested_objects_and_arrays_become_the_field_names_PHP_reads_back_into_arrays()
    {
        var fields = PhpFormEncoding.Fields(JsonNode.Parse("""
            {"customer_id": 7, "product": [{"product_id": 5, "quantity": 2, "option": {"12": "red"}}], "agree": true, "comment": null}
            """)!);

        Assert.Equal(
        [
            new("customer_id", "7"),
            new("product[0][product_id]", "5"),
            new("product[0][quantity]", "2"),
            new("product[0][option][12]", "red"),
            new("agree", "1"),
            new("comment", ""),
        ], fields);
    }
}
