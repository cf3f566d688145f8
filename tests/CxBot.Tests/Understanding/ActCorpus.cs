using CxBot.Tests.Knowledge;
using CxBot.Understanding;
using CxBot.Understanding.Acts;

namespace CxBot.Tests.Understanding;

/// <summary>The message-act corpus (data/acts), read as training reads it, for the exact-phrase classes' tests.</summary>
public static class ActCorpus
{
    /// <summary>Every line of one language's corpus, and whether it is labelled with <paramref name="act"/>.</summary>
    public static List<(string Text, bool Label)> Labelled(string language, MessageActs act) =>
        [.. ActExample.ReadTsv(Path.Combine(TestKnowledge.RepositoryRoot, "data", "acts", language + ".tsv"), language)
            .Select(e => (e.Text, e.Acts.HasFlag(act)))];
}
