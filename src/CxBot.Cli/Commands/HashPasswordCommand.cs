using Microsoft.AspNetCore.Identity;

namespace CxBot.Cli.Commands;

/// <summary><c>hash-password</c>: reads a password on stdin and prints the hash to put in <c>AgentDesk:Accounts</c>.</summary>
public static class HashPasswordCommand
{
    public const string Help = "hash a password read from stdin for AgentDesk:Accounts:N:PasswordHash";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password) || password.Length < 10)
        {
            await error.WriteLineAsync("Give a password of at least 10 characters on stdin.");
            return 2;
        }

        await output.WriteLineAsync(new PasswordHasher<object>().HashPassword(new object(), password));
        return 0;
    }
}
