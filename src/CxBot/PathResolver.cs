namespace CxBot;

/// <summary>Finds a file or folder given relative to the repository, from wherever CxBot was started.</summary>
public static class PathResolver
{
    /// <summary>
    /// A rooted path as is; a relative one is looked for in the working directory and its parents, then the
    /// application folder and its parents. When it exists nowhere, the path under the working directory.
    /// </summary>
    public static string FindUpwards(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (Directory.Exists(candidate) || File.Exists(candidate)) return candidate;
            }
        }

        return Path.GetFullPath(path);
    }
}
