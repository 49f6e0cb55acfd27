using System.Globalization;
using System.Text.RegularExpressions;

namespace Neuron3D.Testing;

/// <summary>One sample of a Prometheus text exposition: metric name, labels, value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A strict parser of the Prometheus text format 0.0.4, written from the format's documentation, for tests that scrape
/// <c>/metrics</c>: every family has one HELP and one TYPE line before its samples, histogram samples use the
/// <c>_bucket</c>/<c>_sum</c>/<c>_count</c> suffixes and cumulative <c>le</c> buckets ending at <c>+Inf</c> = count.
/// </summary>
public static partial class PrometheusScrape
{
    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<k>[a-zA-Z_][a-zA-Z0-9_]*)="(?<v>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();

    /// <summary>Parses <paramref name="text"/>, asserting the format's rules.</summary>
    public static List<PrometheusSample> Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var samples = new List<PrometheusSample>();
        var typed = new Dictionary<string, string>();
        var helped = new HashSet<string>();
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                Assert.True(helped.Add(line.Split(' ')[2]), "HELP twice: " + line);
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram" });
                Assert.True(typed.TryAdd(parts[2], parts[3]), "TYPE twice: " + line);
                continue;
            }
            var m = SampleLine().Match(line);
            Assert.True(m.Success, "not a sample line: " + line);
            var name = m.Groups["name"].Value;
            Assert.True(typed.ContainsKey(name) || typed.GetValueOrDefault(Family(name)) == "histogram", "sample before its TYPE: " + line);
            var labels = LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(p => p.Groups["k"].Value, p => Regex.Unescape(p.Groups["v"].Value));
            var value = m.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var v => double.Parse(v, CultureInfo.InvariantCulture),
            };
            samples.Add(new PrometheusSample(name, labels, value));
        }
        foreach (var (family, _) in typed.Where(t => t.Value == "histogram")) CheckHistogram(family, samples);
        return samples;
    }

    /// <summary>The single sample named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public static double Value(this IEnumerable<PrometheusSample> samples, string name, params (string Name, string Value)[] labels) =>
        Assert.Single(samples, s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value)).Value;

    private static string Family(string sampleName)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal)) return sampleName[..^suffix.Length];
        return sampleName;
    }

    private static void CheckHistogram(string family, List<PrometheusSample> samples)
    {
        var buckets = samples.Where(s => s.Name == family + "_bucket").ToList();
        Assert.NotEmpty(buckets);
        Assert.Equal("+Inf", buckets[^1].Labels["le"]);
        for (var i = 1; i < buckets.Count; i++) Assert.True(buckets[i].Value >= buckets[i - 1].Value, $"{family} buckets are not cumulative");
        Assert.Equal(buckets[^1].Value, samples.Value(family + "_count"));
        samples.Value(family + "_sum");
    }
}
