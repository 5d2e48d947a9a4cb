using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Switchboard.Configuration.Loading;

/// <summary>Reads a YAML file into <see cref="LocatedNode"/> trees, one per document.</summary>
/// <remarks>Built on the parser's events rather than YamlStream so that duplicate keys survive to be reported
/// with both of their places, instead of failing the whole file.</remarks>
internal sealed partial class LocatedYamlReader
{
    private readonly string _file;
    private readonly IParser _parser;
    // Aliases share nodes, but later passes walk them as trees: a few nested aliases could expand to billions.
    private const int MaxExpandedNodes = 100_000;
    private readonly Dictionary<string, LocatedNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<LocatedNode, int> _expandedSizes = new(ReferenceEqualityComparer.Instance);
    private int _expandedNodes;

    private LocatedYamlReader(string file, TextReader text)
    {
        _file = file;
        _parser = new Parser(text);
    }

    /// <summary>The file's documents, or a syntax error at the place YamlDotNet reports it.</summary>
    public static (IReadOnlyList<LocatedNode> Documents, ConfigError? Error) Read(string file, string text)
    {
        var reader = new LocatedYamlReader(file, new StringReader(text));
        try
        {
            return (reader.ReadDocuments(), null);
        }
        catch (YamlException e)
        {
            return ([], new ConfigError(reader.At(e.Start), "", $"invalid YAML: {WithoutMarks(e.Message)}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some truncated input (e.g. an unclosed '{' at the end of
            // the file); the event it last read is the best place there is.
            var place = reader._parser.Current?.End ?? Mark.Empty;
            return ([], new ConfigError(reader.At(place), "", "invalid YAML: unexpected end of the YAML after this point (an unclosed bracket or quote?)"));
        }
    }

    private List<LocatedNode> ReadDocuments()
    {
        var documents = new List<LocatedNode>();
        _parser.Consume<StreamStart>();
        while (_parser.TryConsume<DocumentStart>(out _))
        {
            documents.Add(ReadNode());
            _parser.Consume<DocumentEnd>();
            _anchors.Clear();
        }
        _parser.Consume<StreamEnd>();
        return documents;
    }

    private LocatedNode ReadNode()
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
            _expandedNodes += _expandedSizes[anchored];
            if (_expandedNodes > MaxExpandedNodes)
                throw new YamlException(alias.Start, alias.End, $"aliases expand to more than {MaxExpandedNodes} nodes");
            return anchored;
        }

        if (_parser.TryConsume<Scalar>(out var scalar))
            return Remember(scalar, new LocatedScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(scalar.Start)));

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<LocatedNode>();
            while (!_parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode());
            return Remember(sequenceStart, new LocatedSequence(items, At(sequenceStart.Start)));
        }

        var mappingStart = _parser.Consume<MappingStart>();
        var entries = new List<LocatedEntry>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyStart = _parser.Current!.Start;
            if (ReadNode() is not LocatedScalar key)
                throw new YamlException(keyStart, keyStart, "keys must be plain text, not lists or mappings");
            entries.Add(new LocatedEntry(key, ReadNode()));
        }
        return Remember(mappingStart, new LocatedMapping(entries, At(mappingStart.Start)));
    }

    private LocatedNode Remember(NodeEvent node, LocatedNode located)
    {
        _expandedSizes[located] = 1 + located switch
        {
            LocatedMapping mapping => mapping.Entries.Sum(e => _expandedSizes[e.Value]),
            LocatedSequence sequence => sequence.Items.Sum(i => _expandedSizes[i]),
            _ => 0,
        };
        if (!node.Anchor.IsEmpty)
            _anchors[node.Anchor.Value] = located;
        return located;
    }

    private SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 9, Idx: 24): ";
    // the location is reported separately.
    private static string WithoutMarks(string message) => MarksPrefix().Replace(message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarksPrefix();
}
