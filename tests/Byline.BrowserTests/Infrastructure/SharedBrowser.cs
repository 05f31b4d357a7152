namespace Byline.BrowserTests.Infrastructure;

/// <summary>Every browser test shares one app and one Chromium; the tests of the collection run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BylineSite>
{
    public const string Name = "browser";
}
