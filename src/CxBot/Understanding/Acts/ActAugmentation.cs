namespace CxBot.Understanding.Acts;

/// <summary>
/// Customers say several things in one message ("ok got it, thanks — bye!", "hi, my son's charger sparked", "where is my
/// order? can a human look at it"), which a corpus of mostly single-act lines under-represents. For training only, this adds
/// messages joined from two corpus lines of one language, labelled with both lines' acts. Deterministic (fixed seed).
/// </summary>
public static class ActAugmentation
{
    private static readonly string[] Joins = [" ", ", ", ". ", " — ", "! "];

    public static List<ActExample> Combine(IReadOnlyList<ActExample> examples, int seed)
    {
        var random = new Random(seed);
        var result = new List<ActExample>();
        foreach (var language in examples.Select(e => e.Language).Distinct().Order(StringComparer.Ordinal))
        {
            var lines = examples.Where(e => e.Language == language).ToList();
            List<ActExample> Only(MessageActs allowed, MessageActs required = MessageActs.None) =>
                [.. lines.Where(e => e.Acts != MessageActs.None && (e.Acts & ~allowed) == 0 && (e.Acts & required) == required)];
            var pleasantries = Only(MessageActs.Thanks | MessageActs.Ack);
            var goodbyes = Only(MessageActs.Goodbye | MessageActs.Thanks, MessageActs.Goodbye);
            var greetings = Only(MessageActs.Greeting);
            var persons = Only(MessageActs.Person);
            var situations = lines.Where(e => (e.Acts & MessageActs.Protected) != 0 && (e.Acts & ~MessageActs.Protected) == 0).ToList();
            var questions = lines.Where(e => e.Acts == MessageActs.None).ToList();
            Add(pleasantries, goodbyes, 200);
            Add(greetings, questions, 100);
            Add(greetings, persons, 60);
            Add(questions, persons, 100);
            Add(greetings, situations, 60);
            Add(questions, situations, 60);
            Add(situations, questions, 60);

            void Add(List<ActExample> first, List<ActExample> second, int count)
            {
                if (first.Count == 0 || second.Count == 0) return;
                for (var i = 0; i < count; i++)
                {
                    var a = first[random.Next(first.Count)];
                    var b = second[random.Next(second.Count)];
                    var join = Joins[random.Next(Joins.Length)];
                    var left = a.Text.TrimEnd('.', '!', ' ');
                    result.Add(new ActExample(left + join + (join is ". " or "! " ? char.ToUpperInvariant(b.Text[0]) + b.Text[1..] : b.Text), language, a.Acts | b.Acts));
                }
            }
        }

        return result;
    }
}
