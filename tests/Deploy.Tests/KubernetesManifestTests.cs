using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Deploy.Tests;

/// <summary>Each overlay renders with kustomize, and every rendered manifest is valid for Kubernetes 1.33 (KEDA's
/// ScaledObject included) and meets the deployment's own rules.</summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_manifest_of_the_overlay_is_valid_for_Kubernetes(string overlay)
    {
        var rendered = await RenderAsync(overlay);
        var (node, script) = Tool.RequireValidator();

        var (exitCode, output, error) = await Tool.RunAsync(node, [script, "k8s", "-"], rendered);

        Assert.True(exitCode == 0, output + error);
        Assert.StartsWith("ok:", output);
    }

    [Fact]
    public async Task A_manifest_with_a_wrong_type_or_an_unknown_kind_is_refused_with_its_name_and_path()
    {
        var rendered = await RenderAsync("prod");
        var (node, script) = Tool.RequireValidator();
        var broken = rendered.Replace("minReplicaCount: 2", "minReplicaCount: two").Replace("kind: PodDisruptionBudget", "kind: PodDisruptionBuget");

        var (exitCode, output, _) = await Tool.RunAsync(node, [script, "k8s", "-"], broken);

        Assert.Equal(1, exitCode);
        Assert.Contains("ScaledObject/connector-ecwid: /spec/minReplicaCount must be integer", output);
        Assert.Contains("PodDisruptionBuget/scheduler: no schema for apiVersion policy/v1, kind PodDisruptionBuget", output);
    }

    [Fact]
    public async Task A_manifest_with_a_misspelt_field_is_refused_with_the_field_named()
    {
        var rendered = await RenderAsync("dev");
        var (node, script) = Tool.RequireValidator();
        var broken = rendered.Replace("readinessProbe:", "readinesProbe:");

        var (exitCode, output, _) = await Tool.RunAsync(node, [script, "k8s", "-"], broken);

        Assert.Equal(1, exitCode);
        Assert.Contains("Deployment/scheduler: /spec/template/spec/containers/0/readinesProbe is not a field of the schema", output);
        Assert.DoesNotContain("readinesProbe/httpGet", output);
    }

    [Fact]
    public async Task A_kustomization_naming_a_missing_file_does_not_render()
    {
        var kubectl = Tool.Require("kubectl");
        var folder = Directory.CreateTempSubdirectory("switchboard-kustomize-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "kustomization.yaml"), "resources:\n  - deployment.yaml\n", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await Tool.RunAsync(kubectl, ["kustomize", folder]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("deployment.yaml", error);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_Switchboard_pod_runs_locked_down_with_probes_and_limits(string overlay)
    {
        var workloads = Manifests(await RenderAsync(overlay))
            .Where(m => m["kind"]?.GetValue<string>() is "Deployment" or "StatefulSet").ToList();
        Assert.NotEmpty(workloads);

        foreach (var workload in workloads)
        {
            var name = workload["metadata"]!["name"]!.GetValue<string>();
            var pod = workload["spec"]!["template"]!["spec"]!;
            Assert.True(pod["securityContext"]?["runAsNonRoot"]?.GetValue<bool>() == true, $"{name}: runAsNonRoot");
            Assert.True(pod["securityContext"]?["runAsUser"]?.GetValue<long>() > 0, $"{name}: a numeric non-root runAsUser");
            Assert.Equal("RuntimeDefault", pod["securityContext"]?["seccompProfile"]?["type"]?.GetValue<string>());
            foreach (var container in pod["containers"]!.AsArray())
            {
                var security = container!["securityContext"]!;
                Assert.True(security["allowPrivilegeEscalation"]?.GetValue<bool>() == false, $"{name}: allowPrivilegeEscalation");
                Assert.Equal("ALL", security["capabilities"]?["drop"]?[0]?.GetValue<string>());
                Assert.NotNull(container["resources"]?["limits"]?["memory"]);
                Assert.NotNull(container["readinessProbe"]);
                if (workload["metadata"]!["labels"]?["app.kubernetes.io/component"] is not null)
                {
                    // Switchboard's own services: read-only root, both probes on the health endpoints.
                    Assert.True(security["readOnlyRootFilesystem"]?.GetValue<bool>() == true, $"{name}: readOnlyRootFilesystem");
                    Assert.Equal("/health/ready", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
                    Assert.Equal("/health/live", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Scheduler_replicas_share_the_database_they_claim_ticks_in(string overlay)
    {
        var scheduler = Manifests(await RenderAsync(overlay))
            .Single(m => m["kind"]?.GetValue<string>() == "Deployment" && m["metadata"]!["name"]!.GetValue<string>() == "scheduler");

        Assert.Equal(overlay == "prod" ? 2 : 1, scheduler["spec"]!["replicas"]!.GetValue<long>());
        var database = scheduler["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Single(e => e!["name"]!.GetValue<string>() == "SWITCHBOARD_DB_SCHEDULER");
        // The dev overlay generates the secret, with a hash suffix.
        Assert.StartsWith("switchboard-database", database!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Prod_scales_each_connector_with_KEDA_on_its_own_queues_and_dev_with_a_CPU_HPA()
    {
        var prod = Manifests(await RenderAsync("prod"));
        var dev = Manifests(await RenderAsync("dev"));
        string[] platforms = ["bigcommerce", "ecwid", "cs-cart", "opencart", "commercetools"];

        var queues = prod.Where(m => m["kind"]?.GetValue<string>() == "ScaledObject")
            .SelectMany(m => m["spec"]!["triggers"]!.AsArray())
            .Select(t => t!["metadata"]?["queueName"]?.GetValue<string>()).OfType<string>().ToHashSet();
        Assert.Equal(platforms.SelectMany(p => new[] { $"{p}-fetch", $"{p}-publish" }).ToHashSet(), queues);
        Assert.DoesNotContain(prod, m => m["kind"]?.GetValue<string>() == "HorizontalPodAutoscaler");
        Assert.Equal(5, dev.Count(m => m["kind"]?.GetValue<string>() == "HorizontalPodAutoscaler"));
        Assert.DoesNotContain(dev, m => m["kind"]?.GetValue<string>() == "ScaledObject");
    }

    [Fact]
    public async Task Prod_pods_export_telemetry_to_the_collector_and_may_reach_it()
    {
        var prod = Manifests(await RenderAsync("prod"));

        var deployments = prod.Where(m => m["kind"]?.GetValue<string>() == "Deployment").ToList();
        Assert.Equal(7, deployments.Count);
        Assert.All(deployments, d => Assert.Contains(d["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray(),
            e => e!["name"]!.GetValue<string>() == "OTEL_EXPORTER_OTLP_ENDPOINT"));
        var otlp = prod.Where(m => m["kind"]?.GetValue<string>() == "NetworkPolicy")
            .SelectMany(p => p["spec"]!["egress"]?.AsArray() ?? [])
            .Where(rule => rule!["ports"]!.AsArray().Any(port => port!["port"]!.GetValue<long>() == 4317))
            .ToList();
        Assert.Contains(otlp, rule => rule!["to"]!.AsArray().Any(to =>
            to!["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"]?.GetValue<string>() == "opentelemetry-collector"));
    }

    [Fact]
    public void The_copies_kustomize_reads_are_the_files_they_copy()
    {
        Assert.Equal(File.ReadAllText(Repository.PathOf("examples/bigcommerce-to-ecwid.yaml")),
            File.ReadAllText(Repository.PathOf("deploy/k8s/base/integration/bigcommerce-to-ecwid.yaml")));
        foreach (var file in new[] { "enabled_plugins" })
            Assert.Equal(File.ReadAllText(Repository.PathOf($"deploy/rabbitmq/{file}")),
                File.ReadAllText(Repository.PathOf($"deploy/k8s/overlays/dev/rabbitmq/{file}")));
    }

    private static async Task<string> RenderAsync(string overlay)
    {
        var kubectl = Tool.Require("kubectl");
        var (exitCode, output, error) = await Tool.RunAsync(kubectl, ["kustomize", Repository.PathOf($"deploy/k8s/overlays/{overlay}")]);
        Assert.True(exitCode == 0, $"kubectl kustomize {overlay} failed: {error}");
        return output;
    }

    private static List<JsonObject> Manifests(string rendered) => YamlJson.ParseAll(rendered).OfType<JsonObject>().ToList();
}
