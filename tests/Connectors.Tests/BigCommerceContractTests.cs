using System.Text.Json.Nodes;
using Switchboard.ApiContracts;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>What the BigCommerce connector sends — paths, query parameters, bodies — is what BigCommerce's own
/// OpenAPI files describe, for every entity the issue names: products, variants, categories, customers and orders.</summary>
public sealed class BigCommerceContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fetches_and_writes_of_each_entity_send_what_the_published_api_describes()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 30);
        sandbox.BigCommerce.RecordResponseBodies = true;
        var client = SandboxClients.BigCommerce(sandbox);
        var category = sandbox.BigCommerce.Categories.All[0]["id"]!.GetValue<long>();
        var customer = sandbox.BigCommerce.Customers.All[0]["id"]!.GetValue<long>();
        var order = sandbox.BigCommerce.Orders.All[0]["id"]!.GetValue<long>();

        await client.FetchAllAsync(new EntityRequest
        {
            Entity = "catalog/products",
            Query = new Dictionary<string, string> { ["include"] = "variants", ["date_modified:min"] = "2020-01-01T00:00:00Z", ["limit"] = "10" },
        });
        await client.FetchAllAsync(new EntityRequest { Entity = "catalog/products", ObjectId = sandbox.BigCommerce.Products.All[0]["id"]!.ToString(), NestedEntity = "variants" });
        await client.FetchAllAsync(new EntityRequest { Entity = "catalog/variants" });
        await client.FetchAllAsync(new EntityRequest { Entity = "catalog/categories" });
        await client.FetchAllAsync(new EntityRequest { Entity = "customers", Query = new Dictionary<string, string> { ["include"] = "addresses" } });
        await client.FetchAllAsync(new EntityRequest { Entity = "orders", Query = new Dictionary<string, string> { ["limit"] = "5" } });
        await client.FetchAllAsync(new EntityRequest { Entity = "orders", ObjectId = order.ToString(System.Globalization.CultureInfo.InvariantCulture), NestedEntity = "products" });

        var products = new EntityRequest { Entity = "catalog/products" };
        var product = await Id(client.PublishAsync(products, "POST", Payload(new JsonObject
        {
            ["name"] = "Contract kettle", ["type"] = "physical", ["weight"] = 1.2, ["price"] = 39.9, ["sku"] = "KET-1",
            ["categories"] = new JsonArray(category),
            ["variants"] = new JsonArray(new JsonObject { ["sku"] = "KET-1-STEEL", ["price"] = 41.5 }),
        }), Ct));
        await client.PublishAsync(products, "PUT", Payload(new JsonObject { ["price"] = 35.0 }, product), Ct);

        var variants = new EntityRequest { Entity = "catalog/products", NestedEntity = "variants" };
        var variant = await Id(client.PublishAsync(variants, "POST", Payload(new JsonObject { ["sku"] = "KET-1-COPPER", ["price"] = 49.0 }, product), Ct));
        await client.PublishAsync(variants, "PUT", Payload(new JsonObject { ["price"] = 45.0 }, product, variant), Ct);
        await client.PublishAsync(variants, "DELETE", Payload(null, product, variant), Ct);
        // Variants of every product: a batch PUT of an array, to update one (by id) or to create one.
        var allVariants = new EntityRequest { Entity = "catalog/variants" };
        var steel = sandbox.BigCommerce.Variants.All.Single(v => v["sku"]!.GetValue<string>() == "KET-1-STEEL")["id"]!.ToString();
        await client.PublishAsync(allVariants, "PUT", Payload(new JsonObject { ["price"] = 40.0 }, steel), Ct);
        await Id(client.PublishAsync(allVariants, "PUT", Payload(new JsonObject
        {
            ["product_id"] = long.Parse(product), ["sku"] = "KET-1-IRON", ["price"] = 44.0, ["option_values"] = new JsonArray(),
        }), Ct));
        await client.PublishAsync(products, "DELETE", Payload(null, product), Ct);

        var categories = new EntityRequest { Entity = "catalog/categories" };
        var kitchen = await Id(client.PublishAsync(categories, "POST", Payload(new JsonObject { ["parent_id"] = 0, ["name"] = "Contract kitchen" }), Ct));
        await client.PublishAsync(categories, "PUT", Payload(new JsonObject { ["parent_id"] = 0, ["name"] = "Contract kitchen", ["description"] = "Pots" }, kitchen), Ct);
        // A category's image has no id of its own: DELETE …/categories/{id}/image.
        await client.PublishAsync(categories with { NestedEntity = "image" }, "DELETE", Payload(null, kitchen), Ct);
        await client.PublishAsync(categories, "DELETE", Payload(null, kitchen), Ct);

        var customers = new EntityRequest { Entity = "customers" };
        var buyer = await Id(client.PublishAsync(customers, "POST", Payload(new JsonObject
        {
            ["email"] = "kettle@example.com", ["first_name"] = "Kay", ["last_name"] = "Tull",
        }), Ct));
        await client.PublishAsync(customers, "PUT", Payload(new JsonObject { ["company"] = "Kettles Ltd" }, buyer), Ct);
        await client.PublishAsync(customers, "DELETE", Payload(null, buyer), Ct);

        var orders = new EntityRequest { Entity = "orders" };
        var placed = await Id(client.PublishAsync(orders, "POST", Payload(new JsonObject
        {
            ["customer_id"] = customer,
            ["billing_address"] = new JsonObject
            {
                ["first_name"] = "Kay", ["last_name"] = "Tull", ["street_1"] = "1 Main St", ["city"] = "Austin", ["state"] = "Texas",
                ["zip"] = "78701", ["country"] = "United States", ["country_iso2"] = "US", ["email"] = "kettle@example.com",
            },
            ["products"] = new JsonArray(new JsonObject { ["name"] = "Contract kettle", ["quantity"] = 1, ["price_inc_tax"] = 39.9, ["price_ex_tax"] = 39.9 }),
        }), Ct));
        await client.PublishAsync(orders, "PUT", Payload(new JsonObject { ["status_id"] = 2 }, placed), Ct);
        await client.PublishAsync(orders, "DELETE", Payload(null, placed), Ct);

        Assert.All(sandbox.BigCommerce.Requests, r => Assert.InRange(r.Status, 200, 299));
        var problems = await BigCommerceApi.CheckAsync(sandbox.BigCommerce.Requests);

        Assert.True(problems.Count == 0, $"{problems.Count} disagreements with BigCommerce's OpenAPI files:\n" + string.Join("\n", problems));
    }

    private static JsonObject Payload(JsonObject? payload, string? objectId = null, string? nestedObjectId = null)
    {
        var entity = new JsonObject();
        if (payload is not null) entity["payload"] = payload;
        if (objectId is not null)
        {
            var path = new JsonObject { ["objectId"] = objectId };
            if (nestedObjectId is not null) path["nestedObjectId"] = nestedObjectId;
            entity["path"] = path;
        }
        return entity;
    }

    private static async Task<string> Id(Task<PublishResult> publish) => (await publish).TargetId ?? throw new Xunit.Sdk.XunitException("the write answered no id");
}
