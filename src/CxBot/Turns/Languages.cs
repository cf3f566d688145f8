namespace CxBot.Turns;

/// <summary>The two languages CxBot speaks.</summary>
public static class Languages
{
    public const string Polish = "pl";
    public const string English = "en";

    /// <summary><c>en</c> for English locales, <c>pl</c> for everything else: the store is Polish.</summary>
    public static string FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Polish;

    public static string ToLocale(string language) => language == English ? "en-US" : "pl-PL";
}
