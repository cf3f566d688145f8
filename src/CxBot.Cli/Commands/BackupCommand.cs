using System.Globalization;
using CxBot.Storage.Sqlite;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>backup --data DIR --to FILE</c>: a consistent copy of the embedded database, safe while CxBot is running.
/// Restore: stop CxBot, move <c>DIR/cxbot.db</c> (and <c>-wal</c>, <c>-shm</c>) aside, copy FILE to <c>DIR/cxbot.db</c>, start CxBot.
/// </summary>
public static class BackupCommand
{
    public const string Help = "copy the embedded database while CxBot runs (--data src/CxBot.Web/data --to backups/cxbot-2026-11-29.db)";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var data = args.Get("data") ?? "src/CxBot.Web/data";
        var target = args.Require("to");
        try
        {
            var result = SqliteBackup.Run(data, target);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {result.Source} to {result.Target}: {result.Bytes / 1048576.0:0.0} MB, {result.Conversations} conversations, {result.Activities} activities, in {result.Milliseconds:0} ms. Checked: ok."));
            return 0;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            await error.WriteLineAsync($"backup: {e.Message}");
            return 1;
        }
    }
}
