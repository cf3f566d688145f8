namespace CxBot.Understanding.Acts;

/// <summary>One line of the message-act corpus: a customer message, its language and what it does.</summary>
public sealed record ActExample(string Text, string Language, MessageActs Acts)
{
    /// <summary>Reads <c>text TAB labels</c> lines (labels comma-separated, empty for none); a bad line names its file and number.</summary>
    public static List<ActExample> ReadTsv(string path, string language)
    {
        var examples = new List<ActExample>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length != 2) throw new FormatException($"{path} line {number}: expected text, a TAB and labels.");
            try { examples.Add(new ActExample(parts[0], language, ActLabels.Parse(parts[1]))); }
            catch (FormatException e) { throw new FormatException($"{path} line {number}: {e.Message}", e); }
        }

        return examples;
    }
}
