using System.Numerics;
using Neuron3D.Assets.Rendering;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Generation.Output;

/// <summary>Preview renders of generated splat clouds (the team's CPU splat rasteriser) and contact sheets of them.</summary>
public static class Preview
{
    /// <summary>The front-left view SN17's 2026 renderer uses first (azimuth 30°, 15° above the horizon, radius 2, FOV 49.1°).</summary>
    public static OrbitCamera FrontLeft(int size) => new(30, 15, 2.0f, OrbitCamera.Sn17FovYDegrees, size, size);

    /// <summary>Renders <paramref name="splats"/> from the front-left view on white.</summary>
    public static RenderImage Render(SplatCloud splats, int size = 512, CancellationToken cancellationToken = default) =>
        SplatRenderer.Render(splats, FrontLeft(size), SplatRenderOptions.Default with { MaxDegreeOfParallelism = 1 }, cancellationToken);

    /// <summary>
    /// Lays previews out in a grid, each with its caption (upper-cased, wrapped) in a built-in 5×7 pixel font below
    /// it, so no font files are needed.
    /// </summary>
    public static RenderImage ContactSheet(IReadOnlyList<(RenderImage Image, string Caption)> cells, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (cells.Count == 0) throw new ArgumentException("a contact sheet needs at least one image", nameof(cells));
        var cell = cells[0].Image.Width;
        const int lineHeight = 9, captionLines = 3;
        var cellHeight = cells[0].Image.Height + captionLines * lineHeight + 4;
        var rows = (cells.Count + columns - 1) / columns;
        var sheet = new RenderImage(columns * cell, rows * cellHeight, Vector3.One);
        for (var k = 0; k < cells.Count; k++)
        {
            var (image, caption) = cells[k];
            if (image.Width != cell || image.Height != cells[0].Image.Height) throw new ArgumentException("all previews must have the same size", nameof(cells));
            int ox = (k % columns) * cell, oy = (k / columns) * cellHeight;
            for (var y = 0; y < image.Height; y++)
                Array.Copy(image.Rgb, 3 * y * image.Width, sheet.Rgb, 3 * ((oy + y) * sheet.Width + ox), 3 * image.Width);
            var lines = Wrap(caption.ToUpperInvariant(), Math.Max(1, (cell - 4) / 6)).Take(captionLines).ToArray();
            for (var l = 0; l < lines.Length; l++)
                DrawText(sheet, lines[l], ox + (cell - lines[l].Length * 6) / 2, oy + image.Height + 2 + l * lineHeight);
        }
        return sheet;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { yield return line; line = ""; }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }

    private static void DrawText(RenderImage image, string text, int x, int y)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Glyphs.TryGetValue(text[i], out var rows)) continue;
            for (var r = 0; r < 7; r++)
            for (var c = 0; c < 5; c++)
            {
                if ((rows[r] >> (4 - c) & 1) == 0) continue;
                int px = x + i * 6 + c, py = y + r;
                if (px < 0 || py < 0 || px >= image.Width || py >= image.Height) continue;
                var o = 3 * (py * image.Width + px);
                image.Rgb[o] = image.Rgb[o + 1] = image.Rgb[o + 2] = 0.1f;
            }
        }
    }

    /// <summary>A 5×7 bitmap font: 7 rows of 5 bits, most significant bit leftmost.</summary>
    private static readonly Dictionary<char, byte[]> Glyphs = new()
    {
        ['A'] = [14, 17, 17, 31, 17, 17, 17], ['B'] = [30, 17, 17, 30, 17, 17, 30], ['C'] = [14, 17, 16, 16, 16, 17, 14],
        ['D'] = [30, 17, 17, 17, 17, 17, 30], ['E'] = [31, 16, 16, 30, 16, 16, 31], ['F'] = [31, 16, 16, 30, 16, 16, 16],
        ['G'] = [14, 17, 16, 23, 17, 17, 15], ['H'] = [17, 17, 17, 31, 17, 17, 17], ['I'] = [14, 4, 4, 4, 4, 4, 14],
        ['J'] = [7, 2, 2, 2, 2, 18, 12], ['K'] = [17, 18, 20, 24, 20, 18, 17], ['L'] = [16, 16, 16, 16, 16, 16, 31],
        ['M'] = [17, 27, 21, 21, 17, 17, 17], ['N'] = [17, 17, 25, 21, 19, 17, 17], ['O'] = [14, 17, 17, 17, 17, 17, 14],
        ['P'] = [30, 17, 17, 30, 16, 16, 16], ['Q'] = [14, 17, 17, 17, 21, 18, 13], ['R'] = [30, 17, 17, 30, 20, 18, 17],
        ['S'] = [15, 16, 16, 14, 1, 1, 30], ['T'] = [31, 4, 4, 4, 4, 4, 4], ['U'] = [17, 17, 17, 17, 17, 17, 14],
        ['V'] = [17, 17, 17, 17, 17, 10, 4], ['W'] = [17, 17, 17, 21, 21, 21, 10], ['X'] = [17, 17, 10, 4, 10, 17, 17],
        ['Y'] = [17, 17, 10, 4, 4, 4, 4], ['Z'] = [31, 1, 2, 4, 8, 16, 31], ['0'] = [14, 17, 19, 21, 25, 17, 14],
        ['1'] = [4, 12, 4, 4, 4, 4, 14], ['2'] = [14, 17, 1, 2, 4, 8, 31], ['3'] = [31, 2, 4, 2, 1, 17, 14],
        ['4'] = [2, 6, 10, 18, 31, 2, 2], ['5'] = [31, 16, 30, 1, 1, 17, 14], ['6'] = [6, 8, 16, 30, 17, 17, 14],
        ['7'] = [31, 1, 2, 4, 8, 8, 8], ['8'] = [14, 17, 17, 14, 17, 17, 14], ['9'] = [14, 17, 17, 15, 1, 2, 12],
        ['-'] = [0, 0, 0, 31, 0, 0, 0], ['.'] = [0, 0, 0, 0, 0, 12, 12], [','] = [0, 0, 0, 0, 12, 4, 8],
        ['\''] = [4, 4, 8, 0, 0, 0, 0], [':'] = [0, 12, 12, 0, 12, 12, 0],
    };
}
