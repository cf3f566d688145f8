namespace CxBot.Web.Tests.Infrastructure;

/// <summary>Where things are in the checkout the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration these tests were built in, so the host is the same build.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string WebProject => Path.Combine(Root, "src", "CxBot.Web");

    public static string WebAssembly => Path.Combine(WebProject, "bin", Configuration, "net10.0", "CxBot.Web.dll");

    public static string CliAssembly => Path.Combine(Root, "src", "CxBot.Cli", "bin", Configuration, "net10.0", "CxBot.Cli.dll");

    public static string E2e => Path.Combine(Root, "tests", "CxBot.Web.Tests", "e2e");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CxBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("CxBot.sln not found above " + AppContext.BaseDirectory);
    }
}
