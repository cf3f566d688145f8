using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CxBot.Cli.Commands;

/// <summary>
/// The yardstick for end-to-end figures: a minimal ASP.NET Core endpoint on this machine that only echoes
/// a posted activity back, driven by the same number of concurrent closed-loop clients for the same time.
/// CxBot's throughput is reported as a share of this one, so the figure carries over between machines.
/// </summary>
public static class EchoReference
{
    public sealed record Figures(int Requests, double Seconds, List<double> LatenciesMs)
    {
        public double Throughput => Requests / Seconds;
    }

    public static async Task<Figures> MeasureAsync(int clients, TimeSpan duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapPost("/echo", async (HttpContext context) =>
        {
            var activity = await context.Request.ReadFromJsonAsync<JsonObject>();
            return Results.Json(activity);
        });
        await app.StartAsync();
        var address = app.Urls.First();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(address) };
        var latencies = new ConcurrentBag<double>();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var sentAt = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/echo", new JsonObject
                {
                    ["type"] = "message", ["text"] = "gdzie jest moja paczka", ["from"] = new JsonObject { ["id"] = $"load-{i}" },
                });
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
            }
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        await app.StopAsync();
        return new Figures(latencies.Count, elapsed.TotalSeconds, [.. latencies.Order()]);
    }
}
