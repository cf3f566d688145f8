using System.Text;
using System.Xml.Linq;
using CxBot.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CxBot.Web.Hosting;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys (which sign the desk's sign-in cookies and antiforgery
/// tokens) in CxBot's own document store, stored as the XML they are: in the embedded database they survive a restart, and in Redis
/// every instance shares them, so an agent signed in on one instance is signed in on all.
/// </summary>
public sealed class DocumentStoreXmlRepository(IDocumentStore store) : IXmlRepository
{
    private const string Collection = "data-protection-keys";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListAsync(Collection, CancellationToken.None).GetAwaiter().GetResult()
            .Select(entry => XElement.Parse(Encoding.UTF8.GetString(entry.Value)))];

    public void StoreElement(XElement element, string friendlyName) =>
        store.PutAsync(Collection, friendlyName, Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)), CancellationToken.None)
            .GetAwaiter().GetResult();
}
