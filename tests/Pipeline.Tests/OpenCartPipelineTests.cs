using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>OpenCart's refusals and session renewal as users see them in a whole run: a coupon the store refuses per
/// field (HTTP 200) is a failed task with the store's message; a session that expires in the middle of a run is
/// renewed without failing any task.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class OpenCartPipelineTests
{
    private const string RefusedCoupon = "Warning: Coupon is either invalid, expired or reached its usage limit!";

    /// <summary>Every Ecwid product becomes one "Coupon - Apply existing coupon" call (coupon 2222, a demo coupon of the store).</summary>
    private static string CouponIntegration(PipelineHarness harness)
    {
        var path = Path.Combine(harness.Folder, "coupons-to-opencart.yaml");
        File.WriteAllText(path, $$"""
            clients:
              ecwid-store:
                platform: ecwid
                baseUri: {{harness.Sandbox.Ecwid.BaseUri}}
                storeId: "{{harness.Sandbox.Ecwid.StoreId}}"
                auth: { type: token, accessToken: "{{harness.Sandbox.Ecwid.AccessToken}}" }
              opencart-store:
                platform: opencart
                baseUri: {{harness.Sandbox.OpenCart.BaseUri}}
                username: {{harness.Sandbox.OpenCart.Username}}
                apiKey: {{harness.Sandbox.OpenCart.ApiKey}}
                version: "3.0"
            incoming:
              ecwid-products:
                client: ecwid-store
                entity: products
                pagination: true
            outgoing:
              opencart-coupon:
                client: opencart-store
                entity: Coupon - Apply existing coupon
                method: POST
            routes:
              coupons:
                from: ecwid-products
                to: opencart-coupon
                key: id
                transformers:
                  - map: { payload.coupon: "'2222'" }
            """);
        return path;
    }

    [Fact]
    public async Task A_coupon_the_store_refuses_per_field_is_a_failed_task_with_the_stores_message()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 8);
        var products = harness.Sandbox.Ecwid.Products.Count;
        harness.Sandbox.OpenCart.AnswerNext("api/coupon", new JsonObject { ["error"] = new JsonObject { ["coupon"] = RefusedCoupon } });

        var summary = await harness.RunAsync(CouponIntegration(harness), "inmemory");

        Assert.Equal(1, summary.Routes["coupons"].Failed);
        Assert.Equal(products - 1, summary.Routes["coupons"].Published);
        var error = Assert.Single(summary.Errors);
        Assert.Contains($"coupon: {RefusedCoupon}", error);
        Assert.DoesNotContain(harness.Sandbox.OpenCart.ApiKey, error);
    }

    [Fact]
    public async Task A_session_that_expires_in_the_middle_of_a_run_is_renewed_and_no_task_fails()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 8);
        var products = harness.Sandbox.Ecwid.Products.Count;
        Assert.True(products >= 4);
        harness.Sandbox.OpenCart.ExpireSessionsAtCall("api/coupon", 3);

        var summary = await harness.RunAsync(CouponIntegration(harness), "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(0, summary.Totals.Failed);
        Assert.Equal(products, summary.Routes["coupons"].Published);
        var requests = harness.Sandbox.OpenCart.Requests;
        Assert.Equal(2, requests.Count(r => r.PathAndQuery.Contains("route=api/login")));
        // The call that found the session gone was repeated after the new login (and any sent alongside it).
        Assert.InRange(harness.Sandbox.OpenCart.Posts.Count(p => p.Route == "api/coupon"), products + 1, 2 * products);
    }
}
