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

    /// <summary>
    /// Adds a histogram family: one <c>_bucket</c> sample per upper bound (<c>le</c>) with its cumulative count, the
    /// <c>+Inf</c> bucket, <c>_sum</c> and <c>_count</c>.
    /// </summary>
    /// <param name="upperBounds">Bucket upper bounds, ascending.</param>
    /// <param name="cumulative">Cumulative counts: one per bound, then the +Inf bucket (= <paramref name="count"/>).</param>
    public PrometheusText Histogram(string name, string help, IReadOnlyList<double> upperBounds, IReadOnlyList<long> cumulative, double sum, long count)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        ArgumentNullException.ThrowIfNull(cumulative);
        if (cumulative.Count != upperBounds.Count + 1)
            throw new ArgumentException($"{cumulative.Count} cumulative counts for {upperBounds.Count} bounds; expected one more (+Inf)", nameof(cumulative));
        Family(name, "histogram", help);
        for (var i = 0; i <= upperBounds.Count; i++)
            Line(name + "_bucket", cumulative[i], [("le", i < upperBounds.Count ? Format(upperBounds[i]) : "+Inf")]);
        Line(name + "_sum", sum, []);
        Line(name + "_count", count, []);
        return this;
    }

    private PrometheusText Sample(string name, string type, string help, double value, (string Name, string Value)[] labels)
    {
        Family(name, type, help);
        Line(name, value, labels);
        return this;
    }

    private void Family(string name, string type, string help)
    {
        if (_families.Add(name))
        {
            _text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        }
    }

    private void Line(string name, double value, (string Name, string Value)[] labels)
    {
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
