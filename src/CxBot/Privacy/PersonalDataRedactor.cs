using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace CxBot.Privacy;

/// <summary>
/// Replaces personal data and secrets in free text with placeholders (<c>[email]</c>, <c>[card]</c>, <c>[iban]</c>,
/// <c>[pesel]</c>, <c>[phone]</c>, <c>[secret]</c>) before the text is logged or stored.
/// Returns the same instance when nothing was found, so callers can compare references.
/// </summary>
public static partial class PersonalDataRedactor
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Everything a secret pattern starts with: a text with none of these, no digit and no '@' skips every regex.
    private static readonly SearchValues<string> KeyPrefixes = SearchValues.Create(
        ["sk-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "AKIA", "eyJ", "bearer", "password", "passwd", "hasło", "haslo"],
        StringComparison.OrdinalIgnoreCase);

    public static bool ContainsPersonalData(string text) => !ReferenceEquals(Redact(text), text);

    /// <summary>Whether <paramref name="text"/> gives a way to reach someone: an e-mail address or a phone number.</summary>
    public static bool ContainsContact(string text)
    {
        var redacted = Redact(text);
        return redacted.Contains("[email]", StringComparison.Ordinal) || redacted.Contains("[phone]", StringComparison.Ordinal);
    }

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var hasDigits = span.ContainsAnyInRange('0', '9');
        var hasAt = span.Contains('@');
        var hasKeys = span.ContainsAny(KeyPrefixes);
        if (!hasDigits && !hasAt && !hasKeys) return text;

        var result = text;
        if (hasAt) result = Replace(result, Email(), static _ => "[email]");
        if (hasDigits)
        {
            result = Replace(result, Card(), static m => IsCard(m.Value) ? "[card]" : null);
            result = Replace(result, Iban(), RedactIban);
            result = Replace(result, PolishAccount(), static m => IsValidIban("PL" + m.Value) ? "[iban]" : null);
            result = Replace(result, Pesel(), static m => IsPesel(m.Value) ? "[pesel]" : null);
            result = Replace(result, InternationalPhone(), static m => CountDigits(m.Value) >= 8 ? "[phone]" : null);
            result = Replace(result, PolishPhone(), static _ => "[phone]");
        }
        if (hasKeys)
        {
            result = Replace(result, Token(), static _ => "[secret]");
            result = Replace(result, Bearer(), static m => IsPlainWord(m.Groups["value"].ValueSpan) ? null : m.Groups["key"].Value + "[secret]");
            result = Replace(result, Password(), static m => m.Groups["key"].Value + m.Groups["q"].Value + "[secret]" + m.Groups["q"].Value);
        }
        return result;
    }

    /// <summary>Like Regex.Replace, but a null replacement keeps the match, and no replacement keeps the instance.</summary>
    private static string Replace(string text, Regex pattern, Func<Match, string?> replacement)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var value = replacement(match);
            if (value is null) continue;
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, match.Index - copied).Append(value);
            copied = match.Index + match.Length;
        }
        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    // The grouped form may run into the words after it ("… 2874 to konto"), so shorter prefixes get a chance too.
    private static string? RedactIban(Match match)
    {
        var value = match.Value;
        for (var end = value.Length; end > 0; end = value.LastIndexOf(' ', end - 1))
        {
            if (IsValidIban(value[..end])) return "[iban]" + value[end..];
        }
        return null;
    }

    private static bool IsCard(string candidate)
    {
        int sum = 0, count = 0;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(candidate[i])) continue;
            var digit = candidate[i] - '0';
            if (count++ % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return count is >= 13 and <= 19 && sum % 10 == 0;
    }

    private static bool IsValidIban(string candidate)
    {
        Span<char> compact = stackalloc char[34];
        var length = 0;
        foreach (var c in candidate)
        {
            if (c == ' ') continue;
            if (length == compact.Length) return false;
            compact[length++] = char.ToUpperInvariant(c);
        }
        if (length < 15) return false;

        // ISO 13616: move the country code and check digits to the end, read letters as 10..35, remainder must be 1.
        var remainder = 0;
        for (var i = 0; i < length; i++)
        {
            var c = compact[(i + 4) % length];
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }

    private static bool IsPesel(string candidate)
    {
        ReadOnlySpan<int> weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += weights[i] * (candidate[i] - '0');
        return (10 - sum % 10) % 10 == candidate[10] - '0';
    }

    private static int CountDigits(string value) => value.Count(char.IsAsciiDigit);

    // "Bearer token" in a sentence is prose; a real token has digits, symbols or mixed case.
    private static bool IsPlainWord(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetter(c)) return false;
        }
        return !value[1..].ContainsAnyExceptInRange('a', 'z') || !value.ContainsAnyExceptInRange('A', 'Z');
    }

    [GeneratedRegex(@"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}", Options)]
    private static partial Regex Email();

    // Contiguous, groups of four (16 or 19 digits) or the Amex/Diners 4-6-5 and 4-6-4 layouts, one separator kind.
    // Not inside a longer run of digits or groups, so account numbers are left for the IBAN step.
    [GeneratedRegex(@"(?<![\w+-]|\d[ -])(?:[1-9]\d{12,18}|[1-9]\d{3}(?<s>[ -])\d{4}\k<s>\d{4}\k<s>\d{4}(?:\k<s>\d{3})?|[1-9]\d{3}(?<s>[ -])\d{6}\k<s>\d{4,5})(?![\w-]|[ -]\d{4})", Options)]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\w-])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?)(?![\w-])", Options)]
    private static partial Regex Iban();

    // NRB: the 26 digits of a Polish IBAN without "PL", grouped any way with single spaces.
    [GeneratedRegex(@"(?<![\w+-]|\d )\d(?: ?\d){25}(?![\w-]| \d)", Options)]
    private static partial Regex PolishAccount();

    [GeneratedRegex(@"(?<![\w+])\d{11}(?!\w)", Options)]
    private static partial Regex Pesel();

    // One digit or "(area)" per step keeps the pattern free of ambiguous backtracking; the digit count is checked after.
    [GeneratedRegex(@"(?<![\w+])\+[1-9](?:[ -]?(?:\(\d{1,4}\)|\d)){6,14}(?!\w)", Options)]
    private static partial Regex InternationalPhone();

    // Polish numbers are nine digits and never start with 0: mobile 3-3-3, landline 2-3-2-2, optional 0048 or (+48).
    [GeneratedRegex(@"(?<![\w+])(?:(?:\(\+48\)|\+48|0048)[ -]?)?(?:[1-9]\d{2}[ -]?\d{3}[ -]?\d{3}|(?:\([1-9]\d\)|[1-9]\d)[ -]?\d{3}[ -]?\d{2}[ -]?\d{2})(?!\w)", Options)]
    private static partial Regex PolishPhone();

    [GeneratedRegex(@"(?<![\w-])(?:sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|AKIA[0-9A-Z]{16}(?![A-Za-z0-9])|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)", Options)]
    private static partial Regex Token();

    [GeneratedRegex(@"\b(?<key>Bearer[ \t]+)(?<value>[A-Za-z0-9._~+/-]+=*)", Options | RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?<key>\b(?:password|passwd|hasło|haslo)[""']?[ \t]*[:=][ \t]*)(?!\[secret\])(?:(?<q>[""'])[^""'\r\n]+\k<q>|\S+?(?=[,;]?(?:\s|$)))", Options | RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
