using System.Globalization;
using Switchboard.Sandbox;

// Standalone: dotnet run --project services/Sandbox -- --seed 500 [--port-base N | --free-ports] [--port-bigcommerce N] [--port-ecwid N] [--port-opencart N] [--port-commercetools N] [--port-cscart N] [--host H] [--no-rate-limits] [--control-from-any-client]
var options = new SandboxOptions();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--seed":
            var seed = int.Parse(Next(), CultureInfo.InvariantCulture);
            options.SeedBigCommerceProducts = seed;
            options.SeedEcwidProducts = seed;
            options.SeedCommercetoolsProducts = seed;
            options.SeedCsCartProducts = seed;
            break;
        case "--port-base":
            var first = int.Parse(Next(), CultureInfo.InvariantCulture);
            if (first < 1 || first > SandboxOptions.HighestPortBase)
            {
                Console.Error.WriteLine($"--port-base must be between 1 and {SandboxOptions.HighestPortBase}: the five emulators take it and the four ports after it");
                return 2;
            }
            options.PlaceFrom(first);
            break;
        case "--free-ports": options.FreePorts = true; break;
        case "--port-bigcommerce": options.BigCommercePort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--port-ecwid": options.EcwidPort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--port-opencart": options.OpenCartPort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--port-commercetools": options.CommercetoolsPort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--port-cscart": options.CsCartPort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--host": options.Host = Next(); break;
        case "--no-rate-limits": options.EnforceRateLimits = false; break;
        case "--control-from-any-client": options.ControlFromAnyClient = true; break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            Console.Error.WriteLine("usage: Sandbox [--seed N] [--port-base N | --free-ports] [--port-bigcommerce N] [--port-ecwid N] [--port-opencart N] [--port-commercetools N] [--port-cscart N] [--host H] [--no-rate-limits] [--control-from-any-client]");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// docker stop sends SIGTERM: shut down as cleanly as on Ctrl+C.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var sandbox = await SandboxServer.StartAsync(options, stop.Token);
Console.WriteLine($"BigCommerce  {sandbox.BigCommerce.BaseUri}  X-Auth-Token: {sandbox.BigCommerce.AccessToken}  ({sandbox.BigCommerce.Products.Count} products)");
Console.WriteLine($"Ecwid        {sandbox.Ecwid.BaseUri}  store {sandbox.Ecwid.StoreId}  Authorization: Bearer {sandbox.Ecwid.AccessToken}  ({sandbox.Ecwid.Products.Count} products)");
Console.WriteLine($"CS-Cart      {sandbox.CsCart.BaseUri}  Basic {sandbox.CsCart.Email}:{sandbox.CsCart.ApiKey}  ({sandbox.CsCart.Products.Count} products)");
Console.WriteLine($"Ecwid OAuth  {sandbox.Ecwid.AuthorizeUri}  {sandbox.Ecwid.TokenUri}  client_id {sandbox.Ecwid.OAuthClientId}  client_secret {sandbox.Ecwid.OAuthClientSecret}");
Console.WriteLine($"OpenCart     {sandbox.OpenCart.BaseUri}  {sandbox.OpenCart.Version}  username {sandbox.OpenCart.Username}  key {sandbox.OpenCart.ApiKey}");
Console.WriteLine($"commercetools {sandbox.Commercetools.BaseUri}  project {sandbox.Commercetools.ProjectKey}  client {sandbox.Commercetools.ClientId}:{sandbox.Commercetools.ClientSecret}  token at {sandbox.Commercetools.AuthUrl}oauth/token  ({sandbox.Commercetools.Products.Count} products)");
Console.WriteLine($"Faults (loopback only, no credentials): /_sandbox/faults and /_sandbox/requests on each emulator's port, e.g. {sandbox.BigCommerce.ControlUri}faults");
Console.WriteLine("Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
return 0;
