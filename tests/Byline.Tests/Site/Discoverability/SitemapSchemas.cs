using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Byline.Tests.Site.Discoverability;

/// <summary>Validates sitemap documents against the tests' own schemas of the sitemap protocol and the Google News extension.</summary>
public static class SitemapSchemas
{
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private static readonly Lazy<XmlSchemaSet> Set = new(() =>
    {
        var set = new XmlSchemaSet();
        foreach (var name in new[] { "Schemas.sitemap.xsd", "Schemas.news-sitemap.xsd" })
        {
            using var stream = typeof(SitemapSchemas).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The schema {name} is not embedded.");
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, (_, e) => throw new InvalidOperationException(e.Message))
                ?? throw new InvalidOperationException($"The schema {name} could not be read."));
        }
        set.Compile();
        return set;
    });

    /// <summary>The problems found, warnings included (an element no schema knows is a warning, and a failure here).</summary>
    public static List<string> Problems(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Set.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    /// <summary>Asserts the document is valid and parses it.</summary>
    public static XDocument Valid(string xml)
    {
        var problems = Problems(xml);
        Assert.True(problems.Count == 0, "The sitemap is not valid:\n" + string.Join('\n', problems) + "\n" + xml);
        return XDocument.Parse(xml);
    }
}
