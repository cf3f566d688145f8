namespace CxBot.Tests;

/// <summary>A folder under the system temp path, deleted with the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cxbot-test-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still open by a failed test; the OS cleans temp */ }
    }
}
