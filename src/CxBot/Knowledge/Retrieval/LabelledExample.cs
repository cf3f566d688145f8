namespace CxBot.Knowledge.Retrieval;

/// <summary>A text known to belong to a label (an article id, or an intent in a benchmark).</summary>
public sealed record LabelledExample(string Text, string Label, string Language);

/// <summary>A label and how well a query matches it, from 0 (nothing shared) to 1.</summary>
public readonly record struct LabelScore(string Label, float Score);
