using System.Globalization;

namespace CxBot.Cli.Commands;

/// <summary>Resident memory of a process on this machine (Linux /proc), for the perf and load commands.</summary>
public static class ProcessMemory
{
    public static double ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
