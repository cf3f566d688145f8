using CxBot.Knowledge.Retrieval;
using CxBot.Understanding.Embeddings;

namespace CxBot.Tests.Knowledge.Retrieval;

/// <summary>The article classifier learns from the English reading of a question as well as from its own words and embedding.</summary>
public sealed class ArticleClassifierTests
{
    private static float[] Vector(int hot, Random noise)
    {
        var v = new float[SentenceEmbedder.Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(noise.NextDouble() - 0.5) * 0.1f;
        if (hot >= 0) v[hot] = 1;
        return v;
    }

    [Fact]
    public void WhenOnlyTheEnglishReadingTellsArticlesApart_TheClassifierFollowsIt()
    {
        // Same words and a meaningless embedding for every example: only the English reading's embedding carries the article,
        // as with a Polish question whose words no Polish example shares but whose English reading an English example does.
        var noise = new Random(7);
        string[] labels = ["delivery-cost", "returns"];
        var examples = new List<LabelledExample>();
        var embeddings = new List<float[]>();
        var english = new List<float[]>();
        for (var i = 0; i < 40; i++)
        {
            examples.Add(new LabelledExample("pytanie", labels[i % 2], "pl"));
            embeddings.Add(Vector(-1, noise));
            english.Add(Vector(i % 2 == 0 ? 3 : 200, noise));
        }

        var classifier = ArticleClassifier.Train(examples, embeddings, english, labels);
        var scores = new float[2];

        classifier.Score("pytanie", Vector(-1, noise), Vector(200, noise), scores);
        Assert.True(scores[1] > 0.8, $"returns {scores[1]:0.00}");
        classifier.Score("pytanie", Vector(-1, noise), Vector(3, noise), scores);
        Assert.True(scores[0] > 0.8, $"delivery cost {scores[0]:0.00}");
    }
}
