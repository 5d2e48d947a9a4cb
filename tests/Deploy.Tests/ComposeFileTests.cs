using Xunit;

namespace Switchboard.Deploy.Tests;

/// <summary>docker-compose.yml is a valid Compose file (no Docker engine needed to know it).</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void The_compose_file_meets_the_Compose_Specification()
    {
        var problems = ComposeValidator.Problems(File.ReadAllText(Repository.PathOf("docker-compose.yml")));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_compose_file_with_an_unknown_service_key_and_a_wrong_type_is_refused_with_both_named()
    {
        const string broken = """
            services:
              connector-ecwid:
                image: switchboard/connector-ecwid
                restart: unless-stopped
                enviroment: { RABBITMQ_URI: amqp://rabbitmq/ }
                read_only: [yes]
            """;

        var problems = ComposeValidator.Problems(broken);

        Assert.Contains(problems, p => p.StartsWith("/services/connector-ecwid") && p.Contains("enviroment"));
        Assert.Contains(problems, p => p.StartsWith("/services/connector-ecwid/read_only"));
    }

    [Fact]
    public void The_sandbox_runs_only_in_the_sandbox_profile_and_every_Switchboard_service_has_a_health_port()
    {
        var compose = YamlJson.Parse(File.ReadAllText(Repository.PathOf("docker-compose.yml")))!;
        var services = compose["services"]!.AsObject();

        Assert.Equal("sandbox", services["sandbox"]!["profiles"]![0]!.GetValue<string>());
        string[] switchboard = ["connector-bigcommerce", "connector-ecwid", "connector-cscart", "connector-opencart", "connector-commercetools", "scheduler", "transformer"];
        foreach (var name in switchboard)
        {
            var environment = services[name]!["environment"]!;
            Assert.Equal("8080", environment["SWITCHBOARD_HEALTH_PORT"]!.GetValue<string>());
            Assert.True(services[name]!["read_only"]!.GetValue<bool>(), name + " is not read_only");
        }
        Assert.Contains("SWITCHBOARD_DB_SCHEDULER", services["scheduler"]!["environment"]!.AsObject().Select(p => p.Key));
        Assert.Contains("SWITCHBOARD_DB_TRANSFORMER", services["transformer"]!["environment"]!.AsObject().Select(p => p.Key));
    }
}
