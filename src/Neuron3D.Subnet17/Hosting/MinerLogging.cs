using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Neuron3D.Subnet17.Hosting;

/// <summary>
/// The neurons' console logs (miner and validator): Microsoft.Extensions.Logging's console provider on stderr (stdout stays free for
/// results), as one-line text with UTC timestamps or as one JSON object per line for log shippers. Log messages
/// carry addresses, task ids and scores, never key material.
/// </summary>
public static class MinerLogging
{
    /// <summary>Creates the logger factory for <paramref name="minimum"/> level, JSON lines when <paramref name="json"/>.</summary>
    public static ILoggerFactory Create(LogLevel minimum, bool json) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimum);
        // Kestrel's own chatter stays at warnings unless tracing.
        builder.AddFilter("Microsoft", minimum <= LogLevel.Trace ? LogLevel.Trace : LogLevel.Warning);
        builder.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        if (json)
        {
            builder.AddJsonConsole(format =>
            {
                format.UseUtcTimestamp = true;
                format.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.AddSimpleConsole(format =>
            {
                format.SingleLine = true;
                format.UseUtcTimestamp = true;
                format.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            });
        }
    });
}
