using CxBot.Knowledge.Text;
using CxBot.Surveys;

namespace CxBot.Analytics;

/// <summary>A group of unanswered questions about the same thing: the article to write next. The label is its most typical question.</summary>
/// <param name="Questions">Every distinct question of the cluster with its language, for teaching the whole cluster at once.</param>
public sealed record GapCluster(string Label, int Count, IReadOnlyList<string> Examples, IReadOnlyList<string> Languages, IReadOnlyList<GapQuestion> Questions);

/// <summary>A question of a gap cluster.</summary>
public sealed record GapQuestion(string Text, string Language);

/// <summary>
/// Groups the questions the bot could not answer by the stems they share (greedy, in arrival order):
/// enough to show a lead "12 people asked about X" without a model.
/// </summary>
public static class GapClusters
{
    public static IReadOnlyList<GapCluster> From(IEnumerable<KnowledgeGap> gaps, double minimumOverlap = 0.5, int maxExamples = 5)
    {
        var items = gaps.Select(g => (Gap: g, Stems: Stems(g.Text, g.Language))).Where(i => i.Stems.Count > 0).ToList();
        var clusters = new List<(HashSet<string> Stems, List<KnowledgeGap> Members, Dictionary<string, int> Frequency)>();
        foreach (var (gap, stems) in items)
        {
            var best = clusters.Select((c, i) => (Index: i, Overlap: Overlap(c.Stems, stems))).OrderByDescending(p => p.Overlap).FirstOrDefault();
            if (clusters.Count > 0 && best.Overlap >= minimumOverlap)
            {
                var cluster = clusters[best.Index];
                cluster.Members.Add(gap);
                foreach (var stem in stems) cluster.Frequency[stem] = cluster.Frequency.GetValueOrDefault(stem) + 1;
                cluster.Stems.UnionWith(stems);
            }
            else
            {
                clusters.Add(([.. stems], [gap], stems.ToDictionary(s => s, _ => 1)));
            }
        }

        return
        [
            .. clusters.OrderByDescending(c => c.Members.Count).Select(c => new GapCluster(
                Representative(c.Members, c.Frequency),
                c.Members.Count,
                [.. c.Members.Select(m => m.Text).Distinct().Take(maxExamples)],
                [.. c.Members.Select(m => m.Language).Distinct().Order()],
                [.. c.Members.Select(m => new GapQuestion(m.Text, m.Language)).Distinct()])),
        ];
    }

    /// <summary>The question whose words the cluster shares most (shorter wins a tie): a label a lead reads as a question, not as stems.</summary>
    private static string Representative(List<KnowledgeGap> members, Dictionary<string, int> frequency) =>
        members.Select(m => (m.Text, Weight: Stems(m.Text, m.Language).Sum(s => frequency.GetValueOrDefault(s))))
            .OrderByDescending(m => m.Weight).ThenBy(m => m.Text.Length).ThenBy(m => m.Text, StringComparer.Ordinal).First().Text;

    private static HashSet<string> Stems(string text, string language) =>
        [.. TextNormalizer.Words(text).Where(w => w.Length > 2 && !StopWords.Contains(w)).Select(w => Stemmer.Stem(w, language))];

    /// <summary>Shared stems over the smaller set: short questions share few words, so Jaccard would keep them apart.</summary>
    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        Math.Min(a.Count, b.Count) == 0 ? 0 : (double)a.Intersect(b).Count() / Math.Min(a.Count, b.Count);
}
