using System.Text;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// Reads answers and passwords from the user. On a terminal passwords are read key by key without echo; when
/// stdin is redirected (scripts) each answer is one line of input.
/// </summary>
public static class Terminal
{
    /// <summary>Reads one line of input after writing <paramref name="prompt"/> to <paramref name="prompts"/>; null at end of input.</summary>
    public static string? ReadLine(string prompt, TextWriter prompts)
    {
        prompts.Write(prompt);
        prompts.Flush();
        return ReadRedirectedOrTyped(prompts);
    }

    /// <summary>Reads a secret without echoing it; returns null at end of redirected input.</summary>
    public static string? ReadSecret(string prompt, TextWriter prompts)
    {
        prompts.Write(prompt);
        prompts.Flush();
        if (Console.IsInputRedirected) return ReadRedirectedOrTyped(prompts);
        var secret = ReadHidden(() => Console.ReadKey(intercept: true));
        prompts.WriteLine();
        return secret;
    }

    /// <summary>A line of input; for redirected input (not echoed) ends the prompt's line so later messages start afresh.</summary>
    private static string? ReadRedirectedOrTyped(TextWriter prompts)
    {
        var line = Console.In.ReadLine();
        if (Console.IsInputRedirected) prompts.WriteLine();
        return line;
    }

    /// <summary>Collects typed characters until Enter, honouring Backspace; nothing is echoed.</summary>
    internal static string ReadHidden(Func<ConsoleKeyInfo> readKey)
    {
        var typed = new StringBuilder();
        while (true)
        {
            var key = readKey();
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return typed.ToString();
                case ConsoleKey.Backspace:
                    if (typed.Length > 0) typed.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
                    break;
            }
        }
    }
}
