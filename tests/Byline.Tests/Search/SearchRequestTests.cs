using Byline.Web.Search;

namespace Byline.Tests.Search;

public sealed class SearchRequestTests
{
    [Fact]
    public void FiltersAndWordsShareTheRankingBudget()
    {
        Assert.Equal(6_000, new SearchRequest("harbour", ["harbour"]).RankedCandidates);
        Assert.Equal(3_000, new SearchRequest("harbour levy", ["harbour", "levi"]).RankedCandidates);
        Assert.Equal(2_000, new SearchRequest("harbour", ["harbour"], SearchKind.Stories, SectionId: 4).RankedCandidates);
        Assert.Equal(1_500, new SearchRequest("harbour", ["harbour"], SearchKind.Comments, SectionId: 4, WriterId: 9).RankedCandidates);
    }
}
