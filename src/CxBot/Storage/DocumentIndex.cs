namespace CxBot.Storage;

/// <summary>
/// Makes a document collection answerable by time and status: the store reads these top-level JSON properties
/// of each document put into <see cref="Collection"/> and indexes them. A feature registers one with
/// <see cref="StorageServiceCollectionExtensions.AddDocumentIndex"/> for a collection it asks by time or status.
/// </summary>
/// <param name="TimeProperty">A date-time property (ISO 8601), e.g. <c>endedAt</c>.</param>
/// <param name="StatusProperty">A string property, e.g. <c>status</c>.</param>
public sealed record DocumentIndex(string Collection, string? TimeProperty = null, string? StatusProperty = null);
