using CxBot.Understanding.Embeddings;

namespace CxBot.Tests.Understanding;

public sealed class SentenceEmbedderTests
{
    [Fact]
    public async Task PrepareAsync_RemembersBothVectors_SoEmbedAndEmbedPairFindThem()
    {
        var embedder = SentenceEmbedder.Shared;
        var text = $"where is my parcel, order {Guid.NewGuid():N}";
        var english = $"gdzie jest paczka {Guid.NewGuid():N}";

        var prepared = embedder.PrepareAsync(text, english);
        await prepared;

        Assert.True(prepared.IsCompletedSuccessfully);
        var (first, second) = embedder.EmbedPair(text, english);
        Assert.Same(first, embedder.Embed(text));
        Assert.Same(second, embedder.Embed(english));
        Assert.Equal(SentenceEmbedder.Dimensions, second.Length);
        Assert.InRange(System.Numerics.Tensors.TensorPrimitives.Norm(first), 0.999f, 1.001f);
    }

    [Fact]
    public async Task ManyPreparationsAtOnce_AllComplete()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"question number {i} about delivery {Guid.NewGuid():N}").ToList();

        await Task.WhenAll(texts.Select(t => SentenceEmbedder.Shared.PrepareAsync(t)));

        Assert.All(texts, t => Assert.Equal(SentenceEmbedder.Dimensions, SentenceEmbedder.Shared.Embed(t).Length));
    }
}
