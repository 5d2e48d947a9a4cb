namespace Switchboard.Configuration.Tests;

/// <summary>A valid integration in two files. Line numbers in tests refer to these texts.</summary>
internal static class SampleFiles
{
    public const string Clients = """
        clients:
          bc-store:
            platform: bigcommerce
            baseUri: https://api.bigcommerce.com/stores/${BC_STORE_HASH}
            accessToken: ${BC_ACCESS_TOKEN}
            logRequests: simple          # none | simple | full
            rateLimit: { requests: 150, perSeconds: 30 }
          ecwid-store:
            platform: ecwid
            baseUri: https://app.ecwid.com/api/v3
            storeId: "${ECWID_STORE_ID}"
            auth: { type: token, accessToken: "${ECWID_TOKEN}" }
        """;

    public const string Flows = """
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
            query: { include: variants, limit: 50 }
            schedule: "*/15 * * * *"
            timeZone: Europe/Berlin
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            method: post
        routes:
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            transformers:
              - map: { payload.name: name, payload.sku: sku, payload.price: price }
              - filter: "price > `0`"
        """;
}
