using System.Text.Json;

namespace CxBot.Activities;

/// <summary>One button. <c>imBack</c> posts <see cref="Value"/> as the customer's message text.</summary>
public sealed record CardAction
{
    public string Type { get; init; } = "imBack";
    public string? Title { get; init; }
    public JsonElement? Value { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }

    public static CardAction ImBack(string title, string? value = null) =>
        new() { Type = "imBack", Title = title, Value = JsonSerializer.SerializeToElement(value ?? title, ActivityJsonContext.Default.String) };

    public static CardAction PostBack(string title, string value) =>
        new() { Type = "postBack", Title = title, Value = JsonSerializer.SerializeToElement(value, ActivityJsonContext.Default.String) };
}
