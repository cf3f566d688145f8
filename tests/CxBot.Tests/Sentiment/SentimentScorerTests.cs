using CxBot.Sentiment;
using CxBot.Tests.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Sentiment;

/// <summary>The shipped sentiment model, as the product loads it from its application folder.</summary>
public sealed class SentimentScorerTests
{
    private static readonly Lazy<SentimentScorer> Shipped = new(() => Open(new SentimentOptions()));

    private static string Corpus(string file) => Path.Combine(TestKnowledge.RepositoryRoot, "data", "sentiment", file);

    private static SentimentScorer Open(SentimentOptions options) => new(Options.Create(options), NullLogger<SentimentScorer>.Instance);

    [Fact]
    public void Held_out_split_scores_at_least_085_macro_f1()
    {
        var heldout = SentimentTrainer.ReadTsv(Corpus("heldout.tsv"));
        Assert.True(heldout.Count >= 500, $"held-out split has {heldout.Count} lines");

        var pairs = heldout.Select(e => (e.Label, Shipped.Value.Score(e.Text).LabelName)).ToList();

        var f1 = SentimentEvaluation.MacroF1(pairs);
        Assert.True(f1 >= 0.85, $"held-out macro-F1 {f1:0.000}");
    }

    [Fact]
    public void Held_out_split_is_never_seen_in_training()
    {
        var train = SentimentTrainer.ReadTsv(Corpus("train.tsv")).Select(e => e.Text.Trim().ToLowerInvariant()).ToHashSet();
        var heldout = SentimentTrainer.ReadTsv(Corpus("heldout.tsv"));

        Assert.True(train.Count >= 2500, $"training split has {train.Count} distinct lines");
        Assert.Empty(heldout.Where(e => train.Contains(e.Text.Trim().ToLowerInvariant())).Select(e => e.Text));
    }

    [Theory]
    [InlineData("CZEKAM JUŻ 2 TYGODNIE!!!", SentimentLabel.Negative)]
    [InlineData("nie działa, masakra", SentimentLabel.Negative)]
    [InlineData("nie dziala, masakra", SentimentLabel.Negative)]
    [InlineData("paczka znowu sie spoznia, kpina", SentimentLabel.Negative)]
    [InlineData("no super, kolejny tydzień czekania…", SentimentLabel.Negative)]
    [InlineData("dzieki, super szybko", SentimentLabel.Positive)]
    [InlineData("Dziękuję bardzo, wszystko jasne 🙂", SentimentLabel.Positive)]
    [InlineData("gdzie jest moja paczka", SentimentLabel.Neutral)]
    [InlineData("jak zwrócić kurtkę?", SentimentLabel.Neutral)]
    [InlineData("great, another week of waiting…", SentimentLabel.Negative)]
    [InlineData("THIS IS RIDICULOUS, MY ORDER IS 3 WEEKS LATE!!!", SentimentLabel.Negative)]
    [InlineData("your bot is useless", SentimentLabel.Negative)]
    [InlineData("thanks, that was really quick!", SentimentLabel.Positive)]
    [InlineData("love the new jacket, fits perfectly", SentimentLabel.Positive)]
    [InlineData("how much is delivery", SentimentLabel.Neutral)]
    [InlineData("can I pay with BLIK?", SentimentLabel.Neutral)]
    public void Obvious_messages_are_read_right_in_both_languages(string text, SentimentLabel expected)
    {
        var result = Shipped.Value.Score(text);

        Assert.Equal(expected, result.Label);
        Assert.InRange(result.Score, -1f, 1f);
        if (expected == SentimentLabel.Negative) Assert.True(result.Score < 0, $"score {result.Score}");
        if (expected == SentimentLabel.Positive) Assert.True(result.Score > 0, $"score {result.Score}");
    }

    [Fact]
    public void Scoring_from_many_threads_gives_the_same_answers_as_one_thread()
    {
        var texts = SentimentTrainer.ReadTsv(Corpus("heldout.tsv")).Select(e => e.Text).Take(200).ToList();
        var sequential = texts.Select(t => Shipped.Value.Score(t)).ToList();

        var parallel = new SentimentResult[texts.Count];
        Parallel.For(0, texts.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i % texts.Count] = Shipped.Value.Score(texts[i % texts.Count]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Empty_text_is_neutral()
    {
        Assert.Equal(new SentimentResult(SentimentLabel.Neutral, 0), Shipped.Value.Score("   "));
    }

    [Fact]
    public void A_missing_model_is_trained_from_the_corpus_and_saved_reproducibly()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadLines(Corpus("train.tsv")).Take(700).ToList();
        var data = Path.Combine(temp.Path, "train.tsv");
        File.WriteAllLines(data, lines);

        var first = Open(new SentimentOptions { ModelPath = Path.Combine(temp.Path, "a.zip"), TrainingData = data });
        var second = Open(new SentimentOptions { ModelPath = Path.Combine(temp.Path, "b.zip"), TrainingData = data });

        Assert.True(File.Exists(Path.Combine(temp.Path, "a.zip")));
        var probes = SentimentTrainer.ReadTsv(Corpus("heldout.tsv")).Take(100).Select(e => e.Text).ToList();
        Assert.Equal(probes.Select(first.Score), probes.Select(second.Score));
        var reloaded = Open(new SentimentOptions { ModelPath = Path.Combine(temp.Path, "a.zip"), TrainingData = "nowhere.tsv" });
        Assert.Equal(probes.Select(first.Score), probes.Select(reloaded.Score));
    }

    [Fact]
    public void No_model_and_no_corpus_is_a_clear_error()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() =>
            Open(new SentimentOptions { ModelPath = Path.Combine(temp.Path, "none.zip"), TrainingData = Path.Combine(temp.Path, "none.tsv") }));

        Assert.Contains("none.zip", error.Message);
    }
}
