using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Switchboard.Scheduler;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>Incremental incomings: each run fetches what changed since the last completed run (less the lookback),
/// and only a completed run moves the watermark.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class IncrementalSyncTests
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddDays(-30);
    private static readonly DateTimeOffset NewestChange = DateTimeOffset.UtcNow.AddHours(-2);

    private static string Incoming(int pageSize) => $$"""
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
            query: { limit: {{pageSize}} }
            incremental: { field: date_modified, param: "date_modified:min", lookback: 5m }
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            upsert: { create: POST, update: PUT }
        routes:
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            transformers:
              - map: { payload.name: name, payload.price: price }
        """;

    /// <summary>30 products changed long ago, the last one (on the last page) at <see cref="NewestChange"/>.</summary>
    private static async Task<(PipelineHarness Harness, IReadOnlyList<long> Ids)> StartAsync(string state = "sqlite")
    {
        var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 30, state: state);
        var ids = harness.Sandbox.BigCommerce.Products.All.Select(p => p["id"]!.GetValue<long>()).Order().ToArray();
        foreach (var id in ids)
            Change(harness, id, id == ids[^1] ? NewestChange : LongAgo);
        return (harness, ids);
    }

    private static void Change(PipelineHarness harness, long id, DateTimeOffset at, string? name = null) =>
        harness.Sandbox.BigCommerce.Products.Update(id, p =>
        {
            p["date_modified"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
            if (name is not null) p["name"] = name;
        });

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The <c>date_modified:min</c> of the run's first product request; null when it had none.</summary>
    private static string? SinceAsked(PlatformEmulator emulator) =>
        emulator.Requests.Where(r => r.Method == "GET" && r.PathAndQuery.Contains("/catalog/products"))
            .Select(r => Uri.UnescapeDataString(r.PathAndQuery).Split('?').ElementAtOrDefault(1)?.Split('&')
                .FirstOrDefault(p => p.StartsWith("date_modified:min=", StringComparison.Ordinal))?["date_modified:min=".Length..])
            .FirstOrDefault();

    private const string VariantsIncoming = """
          bc-variants:
            client: bc-store
            entity: catalog/products
            nestedEntity: variants
            parent: bc-products

        """;

    private const string VariantsRoute = """

          variants-to-ecwid:
            from: bc-variants
            to: ecwid-products
            transformers:
              - set: { payload.name: "Variant {{sku}}" }
        """;

    private static HashSet<string> NamesIn(EcwidEmulator ecwid) => ecwid.Products.All.Select(p => p["name"]!.ToString()).ToHashSet();

    [Theory]
    [MemberData(nameof(StateTheories.TransportsAndStates), MemberType = typeof(StateTheories))]
    public async Task The_next_run_fetches_only_what_changed_since_the_last_and_the_lookback_reaches_a_change_stamped_before_the_newest_it_saw(string transport, string state)
    {
        var (harness, ids) = await StartAsync(state);
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 10));

        var first = await harness.RunAsync(file, transport);

        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(30, first.Totals.Fetched);
        Assert.Null(SinceAsked(harness.Sandbox.BigCommerce));
        Assert.Equal(30, harness.Sandbox.Ecwid.Products.Count);

        // A change stamped before the newest change the first run saw (a slow transaction, another clock): only the
        // lookback brings it in. (A change made while a run is in flight: the next test.)
        Change(harness, ids[0], NewestChange.AddMinutes(-2), "Changed while the first run was in flight");
        // A change after the first run, and an old change the lookback does not reach back to.
        Change(harness, ids[1], NewestChange.AddMinutes(30), "Changed after the first run");
        harness.Sandbox.BigCommerce.ClearRequests();

        var second = await harness.RunAsync(file, transport);

        Assert.True(second.Succeeded, string.Join("\n", second.RunErrors.Concat(second.Errors)));
        Assert.Equal(Iso(NewestChange.AddMinutes(-5)), SinceAsked(harness.Sandbox.BigCommerce));
        // The two changed products and the newest of the first run, which the lookback overlaps: that one is
        // unchanged, and the two changes update the products the first run created.
        Assert.Equal(3, second.Totals.Fetched);
        Assert.Equal(2, second.Routes["products-to-ecwid"].Published);
        Assert.Equal(1, second.Routes["products-to-ecwid"].Skipped);
        Assert.Equal(30, harness.Sandbox.Ecwid.Products.Count);
        Assert.Contains("Changed while the first run was in flight", NamesIn(harness.Sandbox.Ecwid));
        Assert.Contains("Changed after the first run", NamesIn(harness.Sandbox.Ecwid));
    }

    [Theory]
    [MemberData(nameof(PipelineTests.Transports), MemberType = typeof(PipelineTests))]
    public async Task A_product_changed_on_an_already_read_page_while_the_run_is_in_flight_is_fetched_by_the_next_run(string transport)
    {
        var (harness, ids) = await StartAsync();
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 10));
        const string OnPageOne = "Changed on page 1 while the run read page 2";
        const string OnPageThree = "Changed on page 3 while the run read page 2";
        // Between the first run's page 1 and page 2, the store changes a product of page 1 (already read) and then
        // one of page 3 (still to come), stamping both with its own clock.
        harness.Sandbox.BigCommerce.Faults.BeforeRequest(q => q.Contains("page=2", StringComparison.Ordinal), () =>
        {
            Change(harness, ids[0], DateTimeOffset.UtcNow, OnPageOne);
            Change(harness, ids[25], DateTimeOffset.UtcNow, OnPageThree);
        });

        var first = await harness.RunAsync(file, transport);

        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(30, first.Totals.Fetched);
        Assert.DoesNotContain(OnPageOne, NamesIn(harness.Sandbox.Ecwid)); // page 1 was read before the change
        Assert.Contains(OnPageThree, NamesIn(harness.Sandbox.Ecwid));

        var second = await harness.RunAsync(file, transport);

        Assert.True(second.Succeeded, string.Join("\n", second.RunErrors.Concat(second.Errors)));
        // The newest change the first run saw is page 3's, no older than page 1's: the next run asks from there, less
        // the lookback, and gets both; page 3's product is unchanged since it was sent.
        Assert.Equal(2, second.Totals.Fetched);
        Assert.Equal(1, second.Routes["products-to-ecwid"].Published);
        Assert.Equal(1, second.Routes["products-to-ecwid"].Skipped);
        Assert.Contains(OnPageOne, NamesIn(harness.Sandbox.Ecwid));
        Assert.Equal(30, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task A_full_run_fetches_and_publishes_every_product_and_still_moves_the_watermark()
    {
        var (harness, ids) = await StartAsync();
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 10));
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Change(harness, ids[7], NewestChange.AddMinutes(30), "Changed before the full run");
        harness.Sandbox.BigCommerce.ClearRequests();
        harness.Sandbox.Ecwid.ClearRequests();

        var full = await harness.RunAsync(file, "inmemory", full: true);

        Assert.True(full.Succeeded, string.Join("\n", full.RunErrors.Concat(full.Errors)));
        Assert.Null(SinceAsked(harness.Sandbox.BigCommerce));
        Assert.Equal(30, full.Totals.Fetched);
        Assert.Equal(30, full.Routes["products-to-ecwid"].Published);
        // Every product reached the store again, each as an update of the product the first run created.
        var updated = harness.Sandbox.Ecwid.Requests.Where(r => r.Method == "PUT").Select(r => r.PathAndQuery.Split('?')[0]).ToArray();
        Assert.Equal(30, updated.Distinct().Count());
        Assert.Equal(30, harness.Sandbox.Ecwid.Products.Count);
        Assert.Contains("Changed before the full run", NamesIn(harness.Sandbox.Ecwid));

        // The full run's completion moved the watermark to the newest change it saw.
        harness.Sandbox.BigCommerce.ClearRequests();
        var next = await harness.RunAsync(file, "inmemory");
        Assert.True(next.Succeeded, string.Join("\n", next.RunErrors.Concat(next.Errors)));
        Assert.Equal(Iso(NewestChange.AddMinutes(25)), SinceAsked(harness.Sandbox.BigCommerce));
        Assert.Equal(1, next.Totals.Fetched);
    }

    [Theory]
    [MemberData(nameof(StateTheories.States), MemberType = typeof(StateTheories))]
    public async Task A_failed_run_does_not_move_the_watermark_so_the_next_run_fetches_its_changes_again(string state)
    {
        var (harness, ids) = await StartAsync(state);
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 2));
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));

        // Changed after the first run: the second run's first page holds both, its second page the newest of before.
        Change(harness, ids[0], NewestChange.AddMinutes(40), "First change");
        Change(harness, ids[1], NewestChange.AddMinutes(30), "Second change");
        harness.Sandbox.BigCommerce.Faults.RespondErrorWhen(q => q.Contains("page=2", StringComparison.Ordinal), 403);

        var failed = await harness.RunAsync(file, "inmemory");

        Assert.False(failed.Succeeded);
        Assert.Contains("403", Assert.Single(failed.RunErrors));
        Assert.Equal(2, failed.Totals.Fetched); // its first page was published, and its changes are newer than any before

        harness.Sandbox.BigCommerce.Faults.Reset();
        harness.Sandbox.BigCommerce.ClearRequests();
        var next = await harness.RunAsync(file, "inmemory");

        Assert.True(next.Succeeded, string.Join("\n", next.RunErrors.Concat(next.Errors)));
        Assert.Equal(Iso(NewestChange.AddMinutes(-5)), SinceAsked(harness.Sandbox.BigCommerce));
        Assert.Equal(3, next.Totals.Fetched);
    }

    [Fact]
    public async Task Request_transformers_put_the_runs_since_where_the_platform_reads_it()
    {
        var (harness, ids) = await StartAsync();
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 10).Replace(
            """incremental: { field: date_modified, param: "date_modified:min", lookback: 5m }""",
            """
            incremental: { field: date_modified, lookback: 5m }
                transformers:
                  - set: { "query.date_modified:min": "{{run.since}}" }
            """.Trim()));
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Null(SinceAsked(harness.Sandbox.BigCommerce)); // no watermark yet: the parameter is left out
        Change(harness, ids[5], NewestChange.AddMinutes(10), "Changed after the first run");
        harness.Sandbox.BigCommerce.ClearRequests();

        var second = await harness.RunAsync(file, "inmemory");

        Assert.True(second.Succeeded, string.Join("\n", second.RunErrors.Concat(second.Errors)));
        Assert.Equal(Iso(NewestChange.AddMinutes(-5)), SinceAsked(harness.Sandbox.BigCommerce));
        Assert.Equal(2, second.Totals.Fetched);
        Assert.Contains("Changed after the first run", NamesIn(harness.Sandbox.Ecwid));
    }

    [Theory]
    [MemberData(nameof(PipelineTests.Transports), MemberType = typeof(PipelineTests))]
    public async Task A_child_incoming_fetches_its_nested_entities_under_the_changed_parents_only(string transport)
    {
        var (harness, ids) = await StartAsync();
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 10).Replace("incoming:\n", "incoming:\n" + VariantsIncoming) + VariantsRoute);
        var first = await harness.RunAsync(file, transport);
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(30, first.Routes["variants-to-ecwid"].Published);

        Change(harness, ids[3], NewestChange.AddMinutes(10), "Changed after the first run");
        harness.Sandbox.BigCommerce.ClearRequests();
        var second = await harness.RunAsync(file, transport);

        Assert.True(second.Succeeded, string.Join("\n", second.RunErrors.Concat(second.Errors)));
        var variantRequests = harness.Sandbox.BigCommerce.Requests.Select(r => r.PathAndQuery).Where(p => p.Contains("/variants")).ToArray();
        Assert.Equal(new[] { $"/catalog/products/{ids[3]}/variants", $"/catalog/products/{ids[^1]}/variants" }.Order(),
            variantRequests.Select(p => p[p.IndexOf("/catalog", StringComparison.Ordinal)..].Split('?')[0]).Order());
        // The variants themselves did not change: fetched again, and skipped as unchanged.
        Assert.Equal(0, second.Routes["variants-to-ecwid"].Published);
        Assert.Equal(2, second.Routes["variants-to-ecwid"].Skipped);
        Assert.Equal(1, second.Routes["products-to-ecwid"].Published);
        Assert.Equal(30 + 30, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task A_failed_child_run_keeps_its_parents_watermark_so_the_next_run_fetches_those_children_again()
    {
        var (harness, ids) = await StartAsync();
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 10).Replace("incoming:\n", "incoming:\n" + VariantsIncoming) + VariantsRoute);
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));

        // The variants of one changed product cannot be read; another product changed later still.
        Change(harness, ids[3], NewestChange.AddMinutes(10), "Changed, variants unreadable");
        Change(harness, ids[4], NewestChange.AddMinutes(60), "Changed later");
        harness.Sandbox.BigCommerce.Faults.RespondErrorWhen(q => q.Contains($"/catalog/products/{ids[3]}/variants", StringComparison.Ordinal), 403);
        var failed = await harness.RunAsync(file, "inmemory");
        Assert.False(failed.Succeeded);
        Assert.Contains(failed.RunErrors, e => e.Contains("403", StringComparison.Ordinal));

        harness.Sandbox.BigCommerce.Faults.Reset();
        harness.Sandbox.BigCommerce.ClearRequests();
        var next = await harness.RunAsync(file, "inmemory");

        Assert.True(next.Succeeded, string.Join("\n", next.RunErrors.Concat(next.Errors)));
        Assert.Equal(Iso(NewestChange.AddMinutes(-5)), SinceAsked(harness.Sandbox.BigCommerce));
        Assert.Contains(harness.Sandbox.BigCommerce.Requests, r => r.PathAndQuery.Contains($"/catalog/products/{ids[3]}/variants", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commercetools_incoming_asks_for_its_changes_with_a_where_predicate_beside_its_own()
    {
        await using var harness = await PipelineHarness.StartAsync(commercetoolsProducts: 12);
        var ct = harness.Sandbox.Commercetools;
        var file = harness.WriteIntegration($$"""
            clients:
              ct-project:
                platform: commercetools
                baseUri: {{ct.BaseUri}}
                authUrl: {{ct.AuthUrl}}
                projectKey: {{ct.ProjectKey}}
                clientId: {{ct.ClientId}}
                clientSecret: "{{ct.ClientSecret}}"
            incoming:
              ct-products:
                client: ct-project
                entity: products
                query: { where: "masterData(published = true)" }
                incremental: { field: lastModifiedAt, param: where }
            outgoing:
              ecwid-products:
                client: ecwid-store
                entity: products
                method: POST
            routes:
              products-to-ecwid:
                from: ct-products
                to: ecwid-products
                transformers:
                  - map: { payload.name: masterData.current.name.en }
            """.Replace("clients:\n", ""));
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(12, first.Totals.Fetched);
        var newest = ct.Products.All.Max(p => p["lastModifiedAt"]!.ToString());
        var changed = ct.Products.All.MinBy(p => p["lastModifiedAt"]!.ToString())!;
        ct.Products.Update(changed["id"]!.ToString(), p => p["masterData"]!["current"]!["name"]!["en"] = "Changed after the first run");
        ct.ClearRequests();

        var second = await harness.RunAsync(file, "inmemory");

        Assert.True(second.Succeeded, string.Join("\n", second.RunErrors.Concat(second.Errors)));
        var asked = ct.Requests.Select(r => Uri.UnescapeDataString(r.PathAndQuery.Replace('+', ' '))).First(q => q.Contains("/products?"));
        Assert.Contains($"where=(masterData(published = true)) and lastModifiedAt >= \"{newest}\"", asked);
        Assert.Contains("Changed after the first run", NamesIn(harness.Sandbox.Ecwid));
    }

    /// <param name="stopped">Stopped as Ctrl+C does (the command line gives the stop a moment, while page 2 would take
    /// ten minutes); else killed. Either way the next start fails the run.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_stopped_half_way_is_failed_as_interrupted_and_leaves_the_watermark_where_it_was(bool stopped)
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, ids) = await StartAsync();
        await using var _ = harness;
        var file = harness.WriteIntegration(Incoming(pageSize: 10));
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        var bigCommerce = harness.Sandbox.BigCommerce;
        Change(harness, ids[1], NewestChange.AddMinutes(30), "Changed after the first run");
        // Whatever is newest now, the interrupted run must not make the next one start past it.
        Change(harness, ids[^1], DateTimeOffset.UtcNow.AddMinutes(-1), "Changed again after the first run");

        // The second run gets page 1 of its changes, then the store stops answering: it is stopped waiting for page 2.
        // (The emulator takes its latency before it runs the action: page 1 is answered at once.)
        bigCommerce.Faults.BeforeRequest(p => p.Contains("/catalog/products", StringComparison.Ordinal) && p.Contains("page=1", StringComparison.Ordinal),
            () => bigCommerce.Faults.Latency = TimeSpan.FromMinutes(10));
        var tasksBefore = await CountTasksAsync(harness, ct);
        var smallPages = harness.WriteIntegration(Incoming(pageSize: 1));
        await using (var run = ServiceProcess.Start(Path.Combine(AppContext.BaseDirectory, "switchboard.dll"), ["run", smallPages, "--state", harness.StateFolder], harness.StateEnvironment))
        {
            var pageOneReached = false;
            for (var i = 0; i < 600 && !pageOneReached; i++, await Task.Delay(100, ct))
                pageOneReached = await CountTasksAsync(harness, ct) > tasksBefore;
            Assert.True(pageOneReached, "the run never got page 1 to the Transformer: " + run.Output);
            if (stopped) await run.StopAsync();
        } // else killed here, as by kill -9
        bigCommerce.Faults.Reset();
        bigCommerce.ClearRequests();
        var third = await harness.RunAsync(file, "inmemory");

        Assert.True(third.Succeeded, string.Join("\n", third.RunErrors.Concat(third.Errors)));
        // The watermark the first run left: the interrupted run moved nothing.
        Assert.Equal(Iso(NewestChange.AddMinutes(-5)), SinceAsked(bigCommerce));
        Assert.Contains("Changed after the first run", NamesIn(harness.Sandbox.Ecwid));
        await using var db = await harness.SchedulerState().CreateDbContextAsync(ct);
        var runs = await db.Runs.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync(ct);
        Assert.Equal([RunStatus.Completed, RunStatus.Failed, RunStatus.Completed], runs.Select(r => r.Status));
        Assert.Equal(InterruptedRuns.Error, runs[1].Error);
    }

    private static async Task<int> CountTasksAsync(PipelineHarness harness, CancellationToken ct)
    {
        try
        {
            await using var db = await harness.TransformerState().CreateDbContextAsync(ct);
            return await db.Tasks.CountAsync(ct);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return -1; // busy
        }
    }
}
