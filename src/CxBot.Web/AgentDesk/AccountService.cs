using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CxBot.Web.AgentDesk;

/// <summary>
/// Checks sign-ins against the configured accounts: hashed passwords (PBKDF2, ASP.NET Core Identity's
/// hasher), and a lockout after repeated failures. In Development, with no accounts configured, two demo
/// accounts exist; outside Development there are no default credentials.
/// </summary>
public sealed partial class AccountService
{
    private readonly PasswordHasher<AgentAccount> _hasher = new();
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AgentAccount> _accounts;
    private readonly AgentDeskOptions _options;
    private readonly TimeProvider _time;

    public AccountService(IOptions<AgentDeskOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<AccountService> logger)
    {
        _options = options.Value;
        _time = time;
        var accounts = _options.Accounts;
        if (accounts.Count == 0 && environment.IsDevelopment())
        {
            accounts = [Demo("anna", "Anna", "agent", [Roles.Agent]), Demo("lead", "Lena (CX lead)", "lead", [Roles.Lead, Roles.Agent])];
            LogDemoAccounts(logger);
        }
        else if (accounts.Count == 0)
        {
            LogNoAccounts(logger);
        }

        _accounts = accounts.ToDictionary(a => a.UserName, StringComparer.OrdinalIgnoreCase);
    }

    public string Hash(string password) => _hasher.HashPassword(new AgentAccount(), password);

    public SignInResult SignIn(string userName, string password)
    {
        var now = _time.GetUtcNow();
        var record = _failures.GetValueOrDefault(userName);
        if (record.LockedUntil > now) return new SignInResult(null, $"Too many failed attempts; try again after {record.LockedUntil:HH:mm} UTC.");
        if (_accounts.TryGetValue(userName, out var account)
            && _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            _failures.TryRemove(userName, out _);
            return new SignInResult(account, null);
        }

        var failures = record.Failures + 1;
        _failures[userName] = failures >= _options.LockoutAttempts
            ? (0, now.AddMinutes(_options.LockoutMinutes))
            : (failures, null);
        return new SignInResult(null, "Wrong user name or password.");
    }

    public AgentAccount? Find(string userName) => _accounts.GetValueOrDefault(userName);

    /// <summary>Every team some account belongs to, in order: where a conversation can be transferred.</summary>
    public IReadOnlyList<string> Teams => [.. _accounts.Values.SelectMany(a => a.Teams).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Everyone who can sign in, for the desk's transfer list.</summary>
    public IReadOnlyList<AgentAccount> All => [.. _accounts.Values.OrderBy(a => a.DisplayName, StringComparer.Ordinal)];

    private AgentAccount Demo(string userName, string displayName, string password, List<string> roles) =>
        new() { UserName = userName, DisplayName = displayName, PasswordHash = Hash(password), Roles = roles };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: demo accounts anna/agent and lead/lead are enabled because AgentDesk:Accounts is empty")]
    private static partial void LogDemoAccounts(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No AgentDesk:Accounts configured: nobody can sign in to the agent desk or the dashboard")]
    private static partial void LogNoAccounts(ILogger logger);
}

public sealed record SignInResult(AgentAccount? Account, string? Error);
