namespace CxBot.Storage;

/// <summary>The database file is damaged or not a database: CxBot does not start on it, and says how to restore a backup.</summary>
public sealed class StoreDamagedException(string path, string problem) : Exception(
    $"The database '{path}' is damaged or unreadable ({problem}). CxBot will not start on it. Stop CxBot, keep the damaged file aside "
    + $"(mv '{path}' '{path}.damaged'; also move '{path}-wal' and '{path}-shm' if present), and restore the last backup with: "
    + $"cp BACKUP_FILE '{path}' (backups are made with: dotnet run --project src/CxBot.Cli -c Release -- backup --data '{System.IO.Path.GetDirectoryName(path)}' --to BACKUP_FILE). See README, \"Backup and restore\".")
{
    public string DatabasePath { get; } = path;
}
