namespace Switchboard.Hosting;

public static class SwitchboardMetrics
{
    public const string MeterName = "Switchboard";
}
