using System.Globalization;
using System.Text;

namespace Neuron3D.Subnet17.Hosting;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): one <c># HELP</c> and <c># TYPE</c> line per metric
/// family, then its samples, with label values escaped (<c>\\</c>, <c>\"</c>, <c>\n</c>) and numbers in invariant
/// culture (<c>NaN</c>, <c>+Inf</c>, <c>-Inf</c> spelled as Prometheus expects).
/// </summary>
public sealed class PrometheusText
{
    /// <summary>The Content-Type Prometheus scrapers expect for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _families = [];

    /// <summary>Adds a sample of a counter family (a total that only grows while the process runs).</summary>
    public PrometheusText Counter(string name, string help, double value, params (string Name, string Value)[] labels) =>
        Sample(name, "counter", help, value, labels);

    /// <summary>Adds a sample of a gauge family (a value that may go up and down).</summary>
    public PrometheusText Gauge(string name, string help, double value, params (string Name, string Value)[] labels) =>
        Sample(name, "gauge", help, value, labels);

    private PrometheusText Sample(string name, string type, string help, double value, (string Name, string Value)[] labels)
    {
        if (_families.Add(name))
        {
            _text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        }
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0) _text.Append(',');
                _text.Append(labels[i].Name).Append("=\"").Append(labels[i].Value.Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
            }
            _text.Append('}');
        }
        _text.Append(' ').Append(Format(value)).Append('\n');
        return this;
    }

    private static string Format(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>The exposition text so far.</summary>
    public override string ToString() => _text.ToString();
}
