using System.Security.Cryptography;
using CxBot.Storage;
using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>
/// The Direct Line secret in force: the configured one, or, when none is configured, one generated on
/// first start and kept in the data folder so tokens survive a restart.
/// </summary>
public sealed class DirectLineSecret
{
    public DirectLineSecret(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Secret))
        {
            Value = options.Value.Secret;
            return;
        }

        var path = Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "directline.secret");
        if (File.Exists(path))
        {
            Value = File.ReadAllText(path).Trim();
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, Value);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Generated = true;
    }

    public string Value { get; }

    /// <summary>True when this start created the secret file.</summary>
    public bool Generated { get; }

    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(Value));
}
