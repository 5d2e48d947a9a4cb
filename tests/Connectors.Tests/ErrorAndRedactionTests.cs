using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>What users read when a platform refuses: the platform's own words, never a credential.</summary>
public sealed class ErrorAndRedactionTests
{
    [Fact]
    public void A_BigCommerce_422_reads_as_its_title_and_field_errors()
    {
        var messages = ErrorBodyReader.Default.Read(
            """{"status":422,"title":"JSON data is missing or invalid","type":"x","errors":{"name":"name is required"}}""", "application/json");
        Assert.Equal(["JSON data is missing or invalid", "name: name is required"], messages);
    }

    [Fact]
    public void A_v2_error_array_and_an_Ecwid_error_read_as_their_messages()
    {
        Assert.Equal(["The field 'status_id' is invalid."], ErrorBodyReader.Default.Read("""[{"status":400,"message":"The field 'status_id' is invalid."}]""", null));
        Assert.Equal(["Token is invalid"], ErrorBodyReader.Default.Read("""{"errorMessage":"Token is invalid","errorCode":"INVALID_API_TOKEN"}""", null));
    }

    [Fact]
    public void An_HTML_page_is_named_as_such_with_its_title()
    {
        var messages = ErrorBodyReader.Default.Read("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html");
        Assert.Equal(["HTML page instead of JSON: 502 Bad Gateway"], messages);
    }

    [Fact]
    public void An_HTML_page_without_a_title_is_named_by_its_heading_or_else_its_text()
    {
        Assert.Equal(["HTML page instead of JSON: 502 Bad Gateway"], ErrorBodyReader.Default.Read("<h1>502 Bad Gateway</h1>nginx", "text/html"));
        Assert.Equal(["HTML page instead of JSON: Down for maintenance & back soon"],
            ErrorBodyReader.Default.Read("<html><body><p>Down for <b>maintenance</b> &amp; back soon</p></body></html>", null));
    }

    [Fact]
    public void Credentials_are_redacted_wherever_they_appear_even_url_encoded()
    {
        var redactor = new Redactor(["s3cr3t/token+1"]);
        var text = redactor.Redact("GET https://shop.test/items?token=s3cr3t%2Ftoken%2B1 with s3cr3t/token+1");
        Assert.DoesNotContain("s3cr3t", text);
        Assert.Contains(Redactor.Mask, text);
    }

    [Fact]
    public void Credentials_obtained_at_run_time_are_redacted_by_their_parameter_and_property_names()
    {
        var redactor = new Redactor([]);
        var url = redactor.Redact("POST https://shop.test/index.php?route=api/cart/add&api_token=9f8e7d6c5b4a&store_id=0");
        var signed = redactor.Redact("GET https://shop.test/index.php?route=api/order&call=confirm&time=1700000000&signature=QUJDREVGRw%3D%3D");
        var body = redactor.Redact("""{"success":"Success: You have logged in!","api_token":"9f8e7d6c5b4a","access_token": "tok-123"}""");

        Assert.Equal($"POST https://shop.test/index.php?route=api/cart/add&api_token={Redactor.Mask}&store_id=0", url);
        Assert.Equal($"GET https://shop.test/index.php?route=api/order&call=confirm&time=1700000000&signature={Redactor.Mask}", signed);
        Assert.Equal($$"""{"success":"Success: You have logged in!","api_token":"{{Redactor.Mask}}","access_token": "{{Redactor.Mask}}"}""", body);
    }
}
