using CxBot.Privacy;
using Serilog.Core;
using Serilog.Events;

namespace CxBot.Web.Hosting;

/// <summary>
/// Masks personal data (e-mails, phones, cards, IBANs, PESEL, secrets) in every string property of every log
/// event, whatever logged it, before any sink sees it. Logs never need a customer's contact details.
/// </summary>
public sealed class RedactingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
            if (Redact(value) is { } redacted) (changed ??= []).Add(new LogEventProperty(name, redacted));
        if (changed is null) return;
        foreach (var property in changed) logEvent.AddOrUpdateProperty(property);
    }

    /// <summary>The value with personal data masked, or null when there was nothing to mask.</summary>
    private static LogEventPropertyValue? Redact(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = PersonalDataRedactor.Redact(text);
                return ReferenceEquals(masked, text) ? null : new ScalarValue(masked);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(e => Redact(e)).ToList();
                return elements.All(e => e is null) ? null : new SequenceValue(sequence.Elements.Zip(elements, (e, r) => r ?? e));
            case StructureValue structure:
                var properties = structure.Properties.Select(p => Redact(p.Value)).ToList();
                return properties.All(p => p is null)
                    ? null
                    : new StructureValue(structure.Properties.Zip(properties, (p, r) => r is null ? p : new LogEventProperty(p.Name, r)), structure.TypeTag);
            default:
                return null;
        }
    }
}
