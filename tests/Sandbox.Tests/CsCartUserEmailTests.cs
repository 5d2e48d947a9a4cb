using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Switchboard.Sandbox.Tests;

/// <summary>CS-Cart keeps user e-mails unique (fn_update_user → fn_is_user_exists): a create or an update that would give
/// a second user an e-mail is refused with CS-Cart's message, and nothing changes.</summary>
public sealed class CsCartUserEmailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_user_with_the_same_email_is_refused_on_create_and_on_update()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { FreePorts = true, SeedCsCartProducts = 4, EnforceRateLimits = false }, Ct);
        using var http = Client(server);
        var taken = (string)server.CsCart.Users.All[0]["email"]!;
        var users = server.CsCart.Users.Count;

        using var twice = await http.PostAsync("users", Sandbox.Json($$"""{"email":"{{taken.ToUpperInvariant()}}","user_type":"C"}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("Bad Request: The username or email you have chosen already exists.", (string)(await twice.BodyAsync())["message"]!);
        Assert.Equal(users, server.CsCart.Users.Count);

        using var created = await http.PostAsync("users", Sandbox.Json("""{"email":"new.person@example.org","user_type":"C"}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.BodyAsync())["user_id"]!;

        using var renamed = await http.PutAsync($"users/{id}", Sandbox.Json($$"""{"email":"{{taken}}"}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal("new.person@example.org", (string)server.CsCart.Users.Get(long.Parse(id))!["email"]!);

        using var same = await http.PutAsync($"users/{id}", Sandbox.Json("""{"email":"new.person@example.org","firstname":"Ada"}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task The_seeded_users_do_not_share_an_email_with_the_other_stores_customers()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            FreePorts = true, SeedCsCartProducts = 40, SeedEcwidProducts = 40, SeedBigCommerceProducts = 40, SeedCommercetoolsProducts = 40, EnforceRateLimits = false,
        }, Ct);
        var cscart = server.CsCart.Users.All.Select(u => (string)u["email"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var others = server.Ecwid.Customers.All.Concat(server.BigCommerce.Customers.All).Select(c => (string)c["email"]!)
            .Concat(server.Commercetools.Customers.All.Select(c => (string)c["email"]!)).ToArray();

        Assert.NotEmpty(cscart);
        Assert.NotEmpty(others);
        Assert.DoesNotContain(others, cscart.Contains);
    }

    private static HttpClient Client(SandboxServer server)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.CsCart.BaseUri.ToString().TrimEnd('/') + "/api/2.0/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{server.CsCart.Email}:{server.CsCart.ApiKey}")));
        return http;
    }
}
