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
        return Console.In.ReadLine();
    }

    /// <summary>Reads a secret without echoing it; returns null at end of redirected input.</summary>
    public static string? ReadSecret(string prompt, TextWriter prompts)
    {
        prompts.Write(prompt);
        prompts.Flush();
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        var secret = ReadHidden(() => Console.ReadKey(intercept: true));
        prompts.WriteLine();
        return secret;
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
